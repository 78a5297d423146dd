/**
 * The shapes shared by the two ways records leave a run without being held (the ndjson stream, `stream.ts`, and
 * the json spill, `spill.ts`): a per-task stage, the stream the CLI hands to the sync, and the tally of records
 * per kind and region the end-of-run summary counts.
 */
import type { AnyRecord, Inventory, KindRecord, ResourceKind } from '../model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../model/index.js';
import type { SyncObserver } from '../sync/run.js';

/** A task's records on their way out: kept aside (compactly) until the task ends, then committed or dropped. */
export interface RecordStage {
  add(kr: KindRecord): void;
  /** Resolves once the task's records are written (back-pressure for the sync). */
  commit(): void | Promise<void>;
  discard(): void;
}

/** Where the sync's records go when the CLI does not keep them (`SyncObserver.records`). */
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

export type KindLists = Pick<Inventory, (typeof KIND_KEYS)[ResourceKind]>;

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
  // A count per (kind, stand-in), not a reference per record: the lists are built only when asked for, at the
  // end of the run (so a streamed run's memory does not grow by a slot per record).
  const counts = new Map<ResourceKind, Map<AnyRecord, number>>();
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
    let perStandIn = counts.get(kind);
    if (perStandIn === undefined) {
      perStandIn = new Map();
      counts.set(kind, perStandIn);
    }
    perStandIn.set(s, (perStandIn.get(s) ?? 0) + 1);
  };
  return {
    add: (kind, r) => {
      addStandIn(kind, standIn(r));
    },
    standIn,
    addStandIn,
    lists() {
      const lists: Record<string, AnyRecord[]> = {};
      for (const kind of RESOURCE_KINDS) {
        const list: AnyRecord[] = [];
        for (const [s, n] of counts.get(kind) ?? []) for (let i = 0; i < n; i++) list.push(s);
        lists[KIND_KEYS[kind]] = list;
      }
      return lists as unknown as KindLists;
    },
  };
}
