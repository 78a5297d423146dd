/**
 * An account's content version (`accounts[].version`) computed without keeping its records: each record's
 * canonical JSON is appended to a private temp file (0600, in `os.tmpdir()`) and only (id, offset, length) stays
 * in memory. At the end the texts are read back in id order and hashed exactly as `contentVersion` hashes the
 * records themselves, so a streaming run gives the same version as one that keeps every record.
 */
import { createHash } from 'node:crypto';
import type { AnyRecord } from '../model/index.js';
import { Places, SpillFile } from '../output/spill-file.js';
import { canonicalJson } from './version.js';

export class VersionSpill {
  private readonly spill: SpillFile;
  private readonly entries = new Places();

  constructor(dir?: string) {
    this.spill = new SpillFile(dir);
  }

  /** The temp file, while it exists (for tests). */
  get file(): string | undefined {
    return this.spill.file;
  }

  add(record: AnyRecord): void {
    this.entries.push(record.id, this.spill.append(canonicalJson(record)));
  }

  /**
   * Writes a record's text to `staged` without counting it yet (a task's records count only if the task
   * succeeds).
   */
  stage(record: AnyRecord, staged: Places): void {
    staged.push(record.id, this.spill.append(canonicalJson(record)));
  }

  /** Counts staged records in the version. */
  commit(staged: Places): void {
    for (let i = 0; i < staged.size; i++) this.entries.pushFrom(staged, i);
  }

  /** The version (`sha256:` + 32 hex), then the temp file is removed. */
  finish(): string {
    try {
      // Equal ids keep their arrival order (a stable order), as in `contentVersion`.
      const hash = createHash('sha256');
      let buf = Buffer.alloc(64 * 1024);
      for (const i of this.entries.order(false)) {
        const place = this.entries.place(i);
        if (buf.length < place.length) buf = Buffer.alloc(place.length);
        hash.update(this.spill.read(place, buf)).update('\n');
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
