import type { AnyRecord, Inventory, KindKey } from '../model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../model/index.js';
import { formatTable } from '../output/summary.js';
import { canonicalJson } from '../sync/version.js';

/** Changes of one kind between two inventories, as record ids (sorted). */
export interface KindDiff {
  readonly kind: KindKey;
  readonly added: string[];
  readonly removed: string[];
  readonly changed: string[];
}

export type RecordLists = Partial<Record<KindKey, readonly AnyRecord[]>>;

/**
 * Added / removed / changed records per kind (kinds with no change are left out). A record changed when any
 * field differs (key order does not matter); `stale` flags count as a change.
 */
export function diffRecords(before: RecordLists, after: RecordLists): KindDiff[] {
  const out: KindDiff[] = [];
  for (const kind of RESOURCE_KINDS) {
    const key = KIND_KEYS[kind];
    const old = new Map((before[key] ?? []).map((r) => [r.id, r]));
    const now = new Map((after[key] ?? []).map((r) => [r.id, r]));
    const added = [...now.keys()].filter((id) => !old.has(id)).sort();
    const removed = [...old.keys()].filter((id) => !now.has(id)).sort();
    const changed = [...now]
      .filter(([id, r]) => {
        const o = old.get(id);
        return o !== undefined && canonicalJson(o) !== canonicalJson(r);
      })
      .map(([id]) => id)
      .sort();
    if (added.length + removed.length + changed.length > 0)
      out.push({ kind: key, added, removed, changed });
  }
  return out;
}

/** The diff of two inventory documents. */
export function diffInventories(before: Inventory, after: Inventory): KindDiff[] {
  return diffRecords(before, after);
}

/** One row per kind with counts; `no changes` when there are none. */
export function renderDiffTable(diff: readonly KindDiff[]): string {
  if (diff.length === 0) return 'no changes\n';
  const rows = diff.map((d) => [
    d.kind,
    String(d.added.length),
    String(d.removed.length),
    String(d.changed.length),
  ]);
  const total = (f: (d: KindDiff) => number): string => String(diff.reduce((s, d) => s + f(d), 0));
  rows.push([
    'total',
    total((d) => d.added.length),
    total((d) => d.removed.length),
    total((d) => d.changed.length),
  ]);
  return `${formatTable(['kind', 'added', 'removed', 'changed'], rows)}\n`;
}

/** The diff as JSON: `{kinds: {vms: {added: [...], removed: [...], changed: [...]}}, totals}`. */
export function renderDiffJson(diff: readonly KindDiff[]): string {
  const kinds = Object.fromEntries(
    diff.map((d) => [d.kind, { added: d.added, removed: d.removed, changed: d.changed }]),
  );
  const totals = {
    added: diff.reduce((s, d) => s + d.added.length, 0),
    removed: diff.reduce((s, d) => s + d.removed.length, 0),
    changed: diff.reduce((s, d) => s + d.changed.length, 0),
  };
  return `${JSON.stringify({ kinds, totals }, null, 2)}\n`;
}
