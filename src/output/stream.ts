/**
 * `--format ndjson` as records arrive. When nothing needs the whole document at the end (no push, no state),
 * the sync keeps no record: each record's line goes to a private spill file as it arrives (a task's stage),
 * and is copied to the output when its task succeeds (a failed task still writes nothing); then a trailer
 * with the accounts and errors. What remains in memory per record is its id and place in the spill (to
 * write each id once), a tally reference for the summary, and its share of the account version. Lines are
 * in arrival order, not id order: a consumer that needs order sorts.
 */
import type { AnyRecord, Inventory, KindRecord, ResourceKind } from '../model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../model/index.js';
import type { SyncObserver } from '../sync/run.js';
import type { Entry } from './spill.js';
import { SpillStore } from './spill.js';
import type { Sink } from './write.js';
import { ndjsonHeader, ndjsonRecordLine, ndjsonTrailer } from './write.js';

/** Where the sync's records go when the CLI does not keep them (`SyncObserver.records`). */
/** A task's records on their way out: kept aside (compactly) until the task ends, then committed or dropped. */
export interface RecordStage {
  add(kr: KindRecord): void;
  /** Resolves once the task's records are written (back-pressure for the sync). */
  commit(): void | Promise<void>;
  discard(): void;
}

export interface RecordStream {
  /** A stage for one task's records, handed to the sync (`SyncObserver.stage`). */
  readonly stage: () => RecordStage;
  /** Receives each task's records (`SyncObserver.records`). */
  readonly records: NonNullable<SyncObserver['records']>;
  /**
   * The kind lists for the end-of-run summary and metrics: one shared stand-in per (account, region) and record,
   * carrying only `account` and `region`. Never written anywhere.
   */
  tally(): KindLists;
  /** Writes the trailer (accounts, errors) and commits the output. */
  finish(inv: Pick<Inventory, 'accounts' | 'errors'>): Promise<void>;
  /** Drops the output (the temp file of `--output` is removed). */
  abort(): Promise<void>;
}

/** Lines are gathered up to this size before a write. */
const CHUNK_CHARS = 1 << 20;

export async function openNdjsonStream(
  sink: Sink,
  header: Pick<Inventory, 'schema_version' | 'tool' | 'generated_at'>,
  chunkChars: number = CHUNK_CHARS,
): Promise<RecordStream> {
  const seen = new Set<string>();
  const tally = createTally();
  let spill: SpillStore | undefined;
  let buffer: string[] = [];
  let size = 0;
  await sink.write(ndjsonHeader(header));
  // Writes go one after another; the first failure is kept and reported by finish().
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown;
  const flush = (): void => {
    if (size === 0) return;
    const text = buffer.join('');
    buffer = [];
    size = 0;
    queue = queue.then(() => sink.write(text));
    queue.catch((e: unknown) => {
      failure ??= e;
    });
  };
  const settle = async (): Promise<void> => {
    flush();
    await queue.catch(() => undefined);
    if (failure !== undefined) {
      throw failure instanceof Error ? failure : new Error('could not write the output');
    }
  };
  return {
    records(krs: readonly KindRecord[]) {
      for (const kr of krs) {
        // Each id once per kind, the first to arrive (as the document de-duplicates).
        const key = `${kr.kind}\u0000${kr.record.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const line = ndjsonRecordLine(kr);
        buffer.push(line);
        size += line.length;
        tally.add(kr.kind, kr.record);
      }
      if (size >= chunkChars) flush();
    },
    stage() {
      // A task's lines wait in a private spill file (not in memory) until the task ends, then are copied out.
      let lines: { kind: ResourceKind; id: string; standIn: AnyRecord; entry: Entry }[] = [];
      return {
        add(kr: KindRecord) {
          spill ??= new SpillStore();
          const entry = spill.stage(kr.record.id, ndjsonRecordLine(kr));
          lines.push({ kind: kr.kind, id: kr.record.id, standIn: tally.standIn(kr.record), entry });
        },
        async commit() {
          const mine = lines.filter((l) => {
            // Each id once per kind, the first to arrive (as the document de-duplicates).
            const key = `${l.kind}\u0000${l.id}`;
            if (seen.has(key)) return false;
            seen.add(key);
            tally.addStandIn(l.kind, l.standIn);
            return true;
          });
          lines = [];
          flush();
          const store = spill;
          if (store === undefined || mine.length === 0) return;
          queue = queue.then(async () => {
            let chunk: string[] = [];
            let n = 0;
            for (const l of mine) {
              const text = store.read(l.entry);
              chunk.push(text);
              n += text.length;
              if (n >= chunkChars) {
                await sink.write(chunk.join(''));
                chunk = [];
                n = 0;
              }
            }
            if (n > 0) await sink.write(chunk.join(''));
          });
          queue.catch((e: unknown) => {
            failure ??= e;
          });
          await queue.catch(() => undefined);
        },
        discard() {
          lines = [];
        },
      };
    },
    tally: () => tally.lists(),
    async finish(inv) {
      try {
        await settle();
        await sink.write(ndjsonTrailer(inv as Inventory));
        await sink.commit();
      } finally {
        spill?.close();
      }
    },
    async abort() {
      spill?.close();
      flush();
      await queue.catch(() => undefined);
      await sink.abort();
    },
  };
}

type KindLists = Pick<Inventory, (typeof KIND_KEYS)[ResourceKind]>;

/**
 * Kind lists for the end-of-run summary and metrics without the records: one shared stand-in per
 * (account, region) carrying only `account` and `region`, pushed once per record.
 */
export interface Tally {
  add(kind: ResourceKind, r: AnyRecord): void;
  /** The shared stand-in of a record (what `add` counts). */
  standIn(r: AnyRecord): AnyRecord;
  addStandIn(kind: ResourceKind, s: AnyRecord): void;
  lists(): KindLists;
}

export function createTally(): Tally {
  const counts = new Map<ResourceKind, AnyRecord[]>();
  const standIns = new Map<string, AnyRecord>();
  const standIn = (r: AnyRecord): AnyRecord => {
    const key = `${r.account}\u0000${r.region}`;
    let s = standIns.get(key);
    if (s === undefined) {
      s = { account: r.account, region: r.region } as AnyRecord;
      standIns.set(key, s);
    }
    return s;
  };
  const addStandIn = (kind: ResourceKind, s: AnyRecord): void => {
    const list = counts.get(kind) ?? [];
    list.push(s);
    counts.set(kind, list);
  };
  return {
    add: (kind, r) => {
      addStandIn(kind, standIn(r));
    },
    standIn,
    addStandIn,
    lists() {
      const lists: Record<string, AnyRecord[]> = {};
      for (const kind of RESOURCE_KINDS) lists[KIND_KEYS[kind]] = counts.get(kind) ?? [];
      return lists as unknown as KindLists;
    },
  };
}
