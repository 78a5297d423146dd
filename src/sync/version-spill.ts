/**
 * An account's content version (`accounts[].version`) computed without keeping its records: each record's
 * canonical JSON is appended to a private temp file (0600, in `os.tmpdir()`) and only (id, offset, length) stays
 * in memory. At the end the texts are read back in id order and hashed exactly as `contentVersion` hashes the
 * records themselves, so a streaming run gives the same version as one that keeps every record.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyRecord } from '../model/index.js';
import { canonicalJson } from './version.js';

/** A staged record's place in the spill file. */
export interface VersionStaged {
  readonly id: string;
  readonly offset: number;
  readonly length: number;
}

/** Spill files still on disk; removed on process exit if a run ends without closing them. */
const open = new Set<string>();
let exitHook = false;

function removeLeftovers(): void {
  for (const path of open) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  open.clear();
}

export class VersionSpill {
  private fd: number | undefined;
  private path: string | undefined;
  private size = 0;
  private readonly entries: VersionStaged[] = [];

  private readonly dir: string;

  constructor(dir: string = tmpdir()) {
    this.dir = dir;
  }

  /** The temp file, while it exists (for tests). */
  get file(): string | undefined {
    return this.path;
  }

  add(record: AnyRecord): void {
    this.commit([this.stage(record)]);
  }

  /** Writes a record's text without counting it yet (a task's records count only if the task succeeds). */
  stage(record: AnyRecord): VersionStaged {
    const bytes = Buffer.from(canonicalJson(record), 'utf8');
    const fd = this.fd ?? this.create();
    let done = 0;
    while (done < bytes.length)
      done += writeSync(fd, bytes, done, bytes.length - done, this.size + done);
    const entry = { id: record.id, offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return entry;
  }

  /** Counts staged records in the version. */
  commit(staged: readonly VersionStaged[]): void {
    for (const e of staged) this.entries.push(e);
  }

  /** The version (`sha256:` + 32 hex), then the temp file is removed. */
  finish(): string {
    try {
      // Array sort is stable: equal ids keep their arrival order, as in `contentVersion`.
      const sorted = [...this.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const hash = createHash('sha256');
      let buf = Buffer.alloc(0);
      for (const e of sorted) {
        if (buf.length < e.length) buf = Buffer.alloc(Math.max(e.length, 64 * 1024));
        let got = 0;
        while (got < e.length) {
          const n = readSync(this.fd ?? -1, buf, got, e.length - got, e.offset + got);
          if (n === 0) throw new Error('version spill file is shorter than written');
          got += n;
        }
        hash.update(buf.subarray(0, e.length)).update('\n');
      }
      return `sha256:${hash.digest('hex').slice(0, 32)}`;
    } finally {
      this.close();
    }
  }

  /** Removes the temp file (idempotent). */
  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    if (this.path !== undefined) {
      try {
        unlinkSync(this.path);
      } catch {
        // already gone
      }
      open.delete(this.path);
      this.path = undefined;
    }
  }

  private create(): number {
    if (!exitHook) {
      exitHook = true;
      process.once('exit', removeLeftovers);
    }
    const path = join(this.dir, `deepflow-cloud-${randomBytes(8).toString('hex')}.spill`);
    this.fd = openSync(path, 'wx+', 0o600);
    this.path = path;
    open.add(path);
    return this.fd;
  }
}
