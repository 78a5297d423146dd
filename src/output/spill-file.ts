/**
 * A private, append-only temp file of texts, read back by position: what the json spill (`spill.ts`) and the
 * version spill (`src/sync/version-spill.ts`) keep their records in instead of the heap. Created on the first
 * append (mode 0600, in `os.tmpdir()` unless told otherwise), removed by `close()`. Files still open when the
 * process ends are removed by `removeSpillFiles()`, which the CLI calls on exit (src/cli/main.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a text is in the file. */
export interface SpillPlace {
  readonly offset: number;
  readonly length: number;
}

/** Every spill file not closed yet. */
const live = new Set<string>();

/** Removes every spill file still on disk (the CLI's exit hook; also safe to call at any time). */
export function removeSpillFiles(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  live.clear();
}

export class SpillFile {
  private fd: number | undefined;
  private path: string | undefined;
  private size = 0;
  private closed = false;
  private readonly dir: string;

  constructor(dir: string = tmpdir()) {
    this.dir = dir;
  }

  /** The file's path once something was written, until it is closed (for tests). */
  get file(): string | undefined {
    return this.path;
  }

  /** Appends a text; returns where it is. */
  append(text: string): SpillPlace {
    const bytes = Buffer.from(text, 'utf8');
    const fd = this.open();
    let done = 0;
    while (done < bytes.length) {
      done += writeSync(fd, bytes, done, bytes.length - done, this.size + done);
    }
    const place = { offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return place;
  }

  /** The bytes of a place, in `into` when it is large enough (reused across reads) or a new buffer. */
  read(place: SpillPlace, into?: Buffer): Buffer {
    const buf =
      into !== undefined && into.length >= place.length ? into : Buffer.alloc(place.length);
    let got = 0;
    while (got < place.length) {
      const n = readSync(this.fd ?? -1, buf, got, place.length - got, place.offset + got);
      if (n === 0) throw new Error('spill file is shorter than written');
      got += n;
    }
    return buf.subarray(0, place.length);
  }

  /** Closes and removes the file (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.path !== undefined) {
      try {
        unlinkSync(this.path);
      } catch {
        // already gone
      }
      live.delete(this.path);
      this.path = undefined;
    }
  }

  private open(): number {
    if (this.closed) throw new Error('spill file is closed');
    if (this.fd !== undefined) return this.fd;
    const path = join(this.dir, `deepflow-cloud-${randomBytes(8).toString('hex')}.spill`);
    this.fd = openSync(path, 'wx+', 0o600);
    this.path = path;
    live.add(path);
    return this.fd;
  }
}
