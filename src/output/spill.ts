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
import { Places, SpillFile } from './spill-file.js';
import type { RecordStream } from './record-stream.js';
import { createTally } from './record-stream.js';
import type { Sink } from './write.js';
import { jsonItem, writeJsonParts } from './write.js';

/** Records' texts in a temp file, read back per kind in id order (the first text of an id wins). */
export class SpillStore {
  private readonly spill: SpillFile;
  private readonly listed = new Map<ResourceKind, Places>();
  /** Kinds whose list is already sorted and without repeated ids. */
  private readonly sortedKinds = new Set<ResourceKind>();

  constructor(dir?: string) {
    this.spill = new SpillFile(dir);
  }

  /** The temp file's path, once something was written (for tests). */
  get file(): string | undefined {
    return this.spill.file;
  }

  add(kind: ResourceKind, id: string, text: string): void {
    this.list(kind, id, this.append(text));
  }

  /** Writes a text without listing it yet (a task's records are listed only if the task succeeds). */
  append(text: string): SpillPlace {
    return this.spill.append(text);
  }

  /** Lists an appended text under its kind. */
  list(kind: ResourceKind, id: string, place: SpillPlace): void {
    let places = this.listed.get(kind);
    if (places === undefined) {
      places = new Places();
      this.listed.set(kind, places);
    }
    places.push(id, place);
    this.sortedKinds.delete(kind);
  }

  /** How many distinct ids a kind holds. */
  count(kind: ResourceKind): number {
    return this.sorted(kind).size;
  }

  /** One appended text, read back from the file. */
  read(place: SpillPlace): string {
    return this.spill.read(place).toString('utf8');
  }

  /** The texts of a kind in id order, read back from the file. */
  *texts(kind: ResourceKind): Generator<string> {
    const places = this.sorted(kind);
    let buf = Buffer.alloc(64 * 1024);
    for (let i = 0; i < places.size; i++) {
      const place = places.place(i);
      if (buf.length < place.length) buf = Buffer.alloc(place.length);
      yield this.spill.read(place, buf).toString('utf8');
    }
  }

  /** Removes the temp file (idempotent). */
  close(): void {
    this.spill.close();
  }

  private sorted(kind: ResourceKind): Places {
    const places = this.listed.get(kind) ?? new Places();
    if (this.sortedKinds.has(kind)) return places;
    // Stable sort, then the first entry of an id wins (as `buildInventory` de-duplicates).
    const unique = places.reordered(places.order(true));
    this.listed.set(kind, unique);
    this.sortedKinds.add(kind);
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
      // Each record goes to the file as it arrives; only its place is kept until the task ends (in columns:
      // place, kind and the tally's shared stand-in).
      const staged = new Places();
      let kinds: ResourceKind[] = [];
      let standIns: AnyRecord[] = [];
      const clear = (): void => {
        staged.clear();
        kinds = [];
        standIns = [];
      };
      return {
        add(kr: KindRecord) {
          if (done) return;
          staged.push(kr.record.id, store.append(jsonItem(kr.record)));
          kinds.push(kr.kind);
          standIns.push(tally.standIn(kr.record));
        },
        commit() {
          if (done) return;
          for (let i = 0; i < staged.size; i++) {
            const kind = kinds[i];
            const standIn = standIns[i];
            if (kind === undefined) continue;
            store.list(kind, staged.id(i), staged.place(i));
            if (standIn !== undefined) tally.addStandIn(kind, standIn);
          }
          clear();
        },
        discard: clear,
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
