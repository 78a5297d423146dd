import type { AnyRecord, ErrorEntry, Inventory, ResourceKind } from '../model/index.js';
import {
  KIND_KEYS,
  RESOURCE_KINDS,
  SCHEMA_VERSION,
  compareById,
  emptyKindLists,
} from '../model/index.js';
import type { SyncResult } from '../sync/run.js';

export interface DocumentMeta {
  readonly toolVersion: string;
  readonly generatedAt: string;
}

function compareErrors(a: ErrorEntry, b: ErrorEntry): number {
  const key = (e: ErrorEntry): string =>
    [e.account, e.region ?? '', e.kind ?? '', e.operation ?? '', e.error_kind, e.message].join(
      '\u0000',
    );
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Sorted, de-duplicated records of one kind (the first record of an id wins). */
function sortedUnique(list: readonly AnyRecord[]): AnyRecord[] {
  const out = [...list].sort(compareById);
  return out.filter((r, i) => i === 0 || out[i - 1]?.id !== r.id);
}

/** The one document of a run: every kind sorted by id, accounts by name, errors in a stable order. */
export function buildInventory(result: SyncResult, meta: DocumentMeta): Inventory {
  const lists = emptyKindLists() as Record<string, AnyRecord[]>;
  const byKind = new Map<ResourceKind, AnyRecord[]>();
  for (const acc of result.accounts) {
    for (const [kind, recs] of acc.records)
      byKind.set(kind, [...(byKind.get(kind) ?? []), ...recs]);
  }
  for (const kind of RESOURCE_KINDS) lists[KIND_KEYS[kind]] = sortedUnique(byKind.get(kind) ?? []);
  return {
    schema_version: SCHEMA_VERSION,
    tool: { name: 'deepflow-cloud', version: meta.toolVersion },
    generated_at: meta.generatedAt,
    accounts: result.accounts
      .map((a) => a.summary)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    ...(lists as unknown as Omit<
      Inventory,
      'schema_version' | 'tool' | 'generated_at' | 'accounts' | 'errors'
    >),
    errors: result.accounts.flatMap((a) => a.errors).sort(compareErrors),
  };
}
