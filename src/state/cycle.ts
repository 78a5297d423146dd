import type { AnyRecord, Inventory, KindKey } from '../model/index.js';
import { KIND_KEYS } from '../model/index.js';
import type { RecordLists } from '../diff/diff.js';
import type { SyncResult } from '../sync/run.js';
import type { AccountState } from './store.js';
import { STATE_FORMAT, StateStore, recordsOf } from './store.js';

/** The records of the previous states of these accounts, as inventory lists (for the diff of a run). */
export function previousLists(previous: ReadonlyMap<string, AccountState>): RecordLists {
  const out: Partial<Record<KindKey, AnyRecord[]>> = {};
  for (const state of previous.values()) {
    for (const [kind, list] of recordsOf(state)) {
      const key = KIND_KEYS[kind];
      out[key] = [...(out[key] ?? []), ...list];
    }
  }
  return out;
}

/**
 * The new state of each account of the run. An account that failed outright and has no state yet gets none
 * (so that a later partial run still counts as having no state to carry forward from).
 */
export function nextStates(
  result: SyncResult,
  previous: ReadonlyMap<string, AccountState>,
  inv: Inventory,
): AccountState[] {
  const out: AccountState[] = [];
  for (const acc of result.accounts) {
    const prev = previous.get(acc.summary.name);
    if (acc.fatal !== undefined && prev === undefined) continue;
    const summary = inv.accounts.find((a) => a.name === acc.summary.name) ?? acc.summary;
    out.push({
      format: STATE_FORMAT,
      account: acc.summary.name,
      provider: acc.summary.provider,
      saved_at: inv.generated_at,
      summary,
      last_success_at: summary.status === 'ok' ? inv.generated_at : prev?.last_success_at,
      records: Object.fromEntries(acc.records),
    });
  }
  return out;
}

/** Writes every account's state (each file atomically). */
export async function saveStates(
  store: StateStore,
  states: readonly AccountState[],
): Promise<void> {
  for (const s of states) await store.saveAccount(s);
}

export { StateStore };
