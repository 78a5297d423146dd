/**
 * An account's content version (`accounts[].version`) computed without keeping its records: each record's
 * canonical JSON is appended to a private temp file (0600, in `os.tmpdir()`) and only (id, offset, length) stays
 * in memory. At the end the texts are read back in id order and hashed exactly as `contentVersion` hashes the
 * records themselves, so a streaming run gives the same version as one that keeps every record.
 */
import { createHash } from 'node:crypto';
import type { AnyRecord } from '../model/index.js';
import type { SpillPlace } from '../output/spill-file.js';
import { SpillFile } from '../output/spill-file.js';
import { canonicalJson } from './version.js';

/** A staged record's place in the spill file. */
export interface VersionStaged extends SpillPlace {
  readonly id: string;
}

export class VersionSpill {
  private readonly spill: SpillFile;
  private readonly entries: VersionStaged[] = [];

  constructor(dir?: string) {
    this.spill = new SpillFile(dir);
  }

  /** The temp file, while it exists (for tests). */
  get file(): string | undefined {
    return this.spill.file;
  }

  add(record: AnyRecord): void {
    this.commit([this.stage(record)]);
  }

  /** Writes a record's text without counting it yet (a task's records count only if the task succeeds). */
  stage(record: AnyRecord): VersionStaged {
    return { id: record.id, ...this.spill.append(canonicalJson(record)) };
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
      let buf = Buffer.alloc(64 * 1024);
      for (const e of sorted) {
        if (buf.length < e.length) buf = Buffer.alloc(e.length);
        hash.update(this.spill.read(e, buf)).update('\n');
      }
      return `sha256:${hash.digest('hex').slice(0, 32)}`;
    } finally {
      this.close();
    }
  }

  /** Removes the temp file (idempotent). */
  close(): void {
    this.spill.close();
  }
}
