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

/**
 * Appends are gathered in a buffer of this size and written in one call: one write per record cost a tenth of
 * a medium sync's CPU in system calls (profiled: `writeBuffer`/`writev` 160 ms of 3.5 s on the AWS world).
 */
const CHUNK = 256 * 1024;

export class SpillFile {
  private fd: number | undefined;
  private path: string | undefined;
  /** Bytes appended, including those still in `pending`. */
  private size = 0;
  /** Bytes on disk: `pending` holds the bytes from here to `size`. */
  private flushed = 0;
  private pending: Buffer | undefined;
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
    this.open();
    const offset = this.size;
    // At most 3 bytes of UTF-8 per UTF-16 unit: a text that may not fit is written as it is.
    if (text.length * 3 > CHUNK) {
      this.flush();
      const bytes = Buffer.from(text, 'utf8');
      this.writeAt(bytes, this.flushed);
      this.flushed += bytes.length;
      this.size = this.flushed;
      return { offset, length: bytes.length };
    }
    const used = this.size - this.flushed;
    if (this.pending !== undefined && used + text.length * 3 > CHUNK) this.flush();
    this.pending ??= Buffer.allocUnsafe(CHUNK);
    const length = this.pending.write(text, this.size - this.flushed, 'utf8');
    this.size += length;
    return { offset, length };
  }

  /** Writes the gathered appends to the file (reads do it first). */
  flush(): void {
    const used = this.size - this.flushed;
    if (used === 0 || this.pending === undefined) return;
    this.writeAt(this.pending.subarray(0, used), this.flushed);
    this.flushed = this.size;
  }

  private writeAt(bytes: Buffer, position: number): void {
    const fd = this.open();
    let done = 0;
    while (done < bytes.length) {
      done += writeSync(fd, bytes, done, bytes.length - done, position + done);
    }
  }

  /** The bytes of a place, in `into` when it is large enough (reused across reads) or a new buffer. */
  read(place: SpillPlace, into?: Buffer): Buffer {
    if (place.offset + place.length > this.flushed) this.flush();
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
    this.pending = undefined;
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

/**
 * Places of texts in a spill file with the id each belongs to, kept as columns rather than an object per text:
 * a large account has hundreds of thousands of them, and an object each (plus the wrappers a task staged them
 * in) was about a hundred bytes a record more than these three array slots.
 */
export class Places {
  private ids: string[] = [];
  private offsets: number[] = [];
  private lengths: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  push(id: string, place: SpillPlace): void {
    this.ids.push(id);
    this.offsets.push(place.offset);
    this.lengths.push(place.length);
  }

  /** Appends the `i`-th place of `other`. */
  pushFrom(other: Places, i: number): void {
    this.push(other.id(i), other.place(i));
  }

  id(i: number): string {
    const id = this.ids[i];
    if (id === undefined) throw new RangeError(`no place ${i}`);
    return id;
  }

  place(i: number): SpillPlace {
    return { offset: this.offsets[i] ?? 0, length: this.lengths[i] ?? 0 };
  }

  /** Indices in id order; equal ids keep their order (a stable sort), and with `firstOnly` only the first stays. */
  order(firstOnly: boolean): number[] {
    const ids = this.ids;
    const idx = Array.from({ length: ids.length }, (_, i) => i);
    idx.sort((a, b) => {
      const x = ids[a] ?? '';
      const y = ids[b] ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    return firstOnly ? idx.filter((v, k) => k === 0 || ids[idx[k - 1] ?? -1] !== ids[v]) : idx;
  }

  /** The same places in `order` (e.g. sorted), as a new list. */
  reordered(order: readonly number[]): Places {
    const out = new Places();
    for (const i of order) out.pushFrom(this, i);
    return out;
  }

  clear(): void {
    this.ids = [];
    this.offsets = [];
    this.lengths = [];
  }
}
