import type { AnyRecord, ResourceKind, StaleSlice } from '../model/index.js';
import { GLOBAL_REGION, RESOURCE_KINDS } from '../model/index.js';
import type { AccountResult, SyncResult } from '../sync/run.js';
import { contentVersion } from '../sync/version.js';
import type { TaskOutcome } from '../sync/outcome.js';
import type { AccountState } from './store.js';
import { recordsOf } from './store.js';

/** A slice that failed and could not be carried forward: its account has no state yet. */
export interface UncoveredSlice {
  readonly account: string;
  readonly region: string;
  readonly kind: ResourceKind | '*';
}

export interface CarryResult {
  readonly result: SyncResult;
  /** Failed slices with no last good state: pushing without them could delete what was not seen. */
  readonly uncovered: UncoveredSlice[];
  /** Records carried forward, all accounts together. */
  readonly carried: number;
}

/**
 * Whether a non-ok task leaves a hole to fill from the last good state. A region that is not available
 * (`region_unavailable`) truly holds nothing for us, so its slice is not carried; every other failure or
 * skip (network, 5xx, throttling, permission denied, truncated paging) is.
 */
export function needsCarry(o: TaskOutcome): boolean {
  return o.status !== 'ok' && o.error?.kind !== 'region_unavailable';
}

/** The (region, kind) slices of an account that this run did not see. */
function holes(
  acc: AccountResult,
  previous: AccountState | undefined,
): { region: string; kind: ResourceKind }[] {
  if (acc.fatal !== undefined) {
    // Connect or region listing failed: the whole account is a hole.
    if (previous === undefined) return [];
    const out: { region: string; kind: ResourceKind }[] = [];
    for (const [kind, list] of recordsOf(previous)) {
      for (const region of new Set(list.map((r) => r.region))) out.push({ region, kind });
    }
    return out;
  }
  return acc.outcomes
    .filter(needsCarry)
    .flatMap((o) => (o.kinds ?? [o.kind]).map((kind) => ({ region: o.region, kind })));
}

/**
 * DESIGN §7: each failed (account, region, kind) slice is taken from the account's last good state and its
 * records marked `stale: true`, `stale_since` = when the slice first failed (kept across runs). A slice that
 * syncs again replaces them, so a resource deleted in the cloud disappears on the next good sync of its slice.
 * Account summaries get `stale_slices` and a version recomputed over the merged records.
 */
export function carryForward(
  result: SyncResult,
  previous: ReadonlyMap<string, AccountState>,
  now: string,
): CarryResult {
  const uncovered: UncoveredSlice[] = [];
  let carried = 0;
  const accounts = result.accounts.map((acc): AccountResult => {
    const prev = previous.get(acc.summary.name);
    const slices = holes(acc, prev);
    if (prev === undefined) {
      if (acc.fatal !== undefined)
        uncovered.push({ account: acc.summary.name, region: '*', kind: '*' });
      for (const s of slices) uncovered.push({ account: acc.summary.name, ...s });
      return acc;
    }
    if (slices.length === 0) return acc;
    const prevRecords = recordsOf(prev);
    const records = new Map<ResourceKind, AnyRecord[]>();
    for (const [k, list] of acc.records) records.set(k, [...list]);
    const stale: StaleSlice[] = [];
    for (const { region, kind } of slices) {
      const fresh = records.get(kind) ?? [];
      const seen = new Set(fresh.map((r) => r.id));
      const from = (prevRecords.get(kind) ?? []).filter(
        (r) => (region === GLOBAL_REGION || r.region === region) && !seen.has(r.id),
      );
      const marked = from.map((r): AnyRecord => ({
        ...r,
        stale: true,
        stale_since: r.stale_since ?? now,
      }));
      if (marked.length > 0) records.set(kind, [...fresh, ...marked]);
      carried += marked.length;
      const since = marked.reduce(
        (min, r) => ((r.stale_since ?? now) < min ? (r.stale_since ?? now) : min),
        now,
      );
      stale.push({ region, kind, stale_since: since, records: marked.length });
    }
    stale.sort((a, b) => (a.region + a.kind < b.region + b.kind ? -1 : 1));
    const ordered = new Map(
      RESOURCE_KINDS.flatMap((k) => (records.has(k) ? [[k, records.get(k) ?? []] as const] : [])),
    );
    return {
      ...acc,
      records: ordered,
      summary: {
        ...acc.summary,
        version: contentVersion([...ordered.values()].flat()),
        stale_slices: stale,
      },
    };
  });
  return { result: { accounts }, uncovered, carried };
}
