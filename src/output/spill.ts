/**
 * `--format json` without holding the records: each validated record is serialised once, exactly as the
 * document will hold it, and appended to a private temp file (0600, in `os.tmpdir()`); memory keeps only
 * (kind, id, offset, length) per record. At the end every kind is written in id order by reading the spilled
 * bytes back with positional reads. The output is byte-identical to `writeJson` of the in-memory document.
 * The temp file is removed on success, on failure, on abort and (if still there) on process exit.
 */
import type { AnyRecord, Inventory, KindRecord, ResourceKind } from '../model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../model/index.js';
import type { SpillPlace } from './spill-file.js';
import { SpillFile } from './spill-file.js';
import type { RecordStream } from './record-stream.js';
import { createTally } from './record-stream.js';
import type { Sink } from './write.js';
import { jsonItem, writeJsonParts } from './write.js';

export interface Entry extends SpillPlace {
  readonly id: string;
}

/** Records' texts in a temp file, read back per kind in id order (the first text of an id wins). */
export class SpillStore {
  private readonly spill: SpillFile;
  private readonly entries = new Map<ResourceKind, Entry[]>();

  constructor(dir?: string) {
    this.spill = new SpillFile(dir);
  }

  /** The temp file's path, once something was written (for tests). */
  get file(): string | undefined {
    return this.spill.file;
  }

  add(kind: ResourceKind, id: string, text: string): void {
    this.commit(kind, [this.stage(id, text)]);
  }

  /** Writes a text without listing it yet (a task's records are listed only if the task succeeds). */
  stage(id: string, text: string): Entry {
    return { id, ...this.spill.append(text) };
  }

  /** Lists staged texts under their kind. */
  commit(kind: ResourceKind, staged: readonly Entry[]): void {
    const list = this.entries.get(kind) ?? [];
    for (const e of staged) list.push(e);
    this.entries.set(kind, list);
  }

  /** How many distinct ids a kind holds. */
  count(kind: ResourceKind): number {
    return this.sorted(kind).length;
  }

  /** One staged or listed text, read back from the file. */
  read(e: Entry): string {
    return this.spill.read(e).toString('utf8');
  }

  /** The texts of a kind in id order, read back from the file. */
  *texts(kind: ResourceKind): Generator<string> {
    let buf = Buffer.alloc(64 * 1024);
    for (const e of this.sorted(kind)) {
      if (buf.length < e.length) buf = Buffer.alloc(e.length);
      yield this.spill.read(e, buf).toString('utf8');
    }
  }

  /** Removes the temp file (idempotent). */
  close(): void {
    this.spill.close();
  }

  private sorted(kind: ResourceKind): Entry[] {
    const list = this.entries.get(kind) ?? [];
    // Stable sort, then the first entry of an id wins (as `buildInventory` de-duplicates).
    const out = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const unique = out.filter((e, i) => i === 0 || out[i - 1]?.id !== e.id);
    this.entries.set(kind, unique);
    return unique;
  }
}

/**
 * A json document written from a spill: records go to the spill as they arrive, `finish` writes the whole
 * document (head, kinds in id order, errors) to the sink and commits it.
 */
export function openJsonSpill(sink: Sink, dir?: string): RecordStream {
  const store = new SpillStore(dir);
  const tally = createTally();
  let done = false;
  const close = async (): Promise<void> => {
    done = true;
    store.close();
    await sink.abort();
  };
  return {
    records(krs: readonly KindRecord[]) {
      if (done) return;
      for (const kr of krs) {
        store.add(kr.kind, kr.record.id, jsonItem(kr.record));
        tally.add(kr.kind, kr.record);
      }
    },
    stage() {
      // Each record goes to the file as it arrives; only its place is kept until the task ends.
      const staged: { kind: KindRecord['kind']; entry: Entry; record: AnyRecord }[] = [];
      return {
        add(kr: KindRecord) {
          if (done) return;
          const entry = store.stage(kr.record.id, jsonItem(kr.record));
          staged.push({ kind: kr.kind, entry, record: tally.standIn(kr.record) });
        },
        commit() {
          if (done) return;
          for (const s of staged) {
            store.commit(s.kind, [s.entry]);
            tally.addStandIn(s.kind, s.record);
          }
          staged.length = 0;
        },
        discard() {
          staged.length = 0;
        },
      };
    },
    tally: () => tally.lists(),
    async finish(inv) {
      try {
        const head = inv as Inventory;
        const parts: [string, unknown][] = [
          ['schema_version', head.schema_version],
          ['tool', head.tool],
          ['generated_at', head.generated_at],
          ['accounts', head.accounts],
        ];
        for (const kind of RESOURCE_KINDS) {
          const n = store.count(kind);
          parts.push([KIND_KEYS[kind], n === 0 ? [] : { rendered: () => store.texts(kind) }]);
        }
        parts.push(['errors', head.errors]);
        await writeJsonParts(parts, sink);
        await sink.commit();
        store.close();
      } catch (e) {
        await close();
        throw e;
      }
    },
    abort: close,
  };
}
