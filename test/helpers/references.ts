import type { Inventory } from '../../src/model/index.js';
import { KIND_KEYS, RESOURCE_KINDS, parseResourceId } from '../../src/model/index.js';

/** Keys that end in `_id` but are not references to records. */
const NOT_REFERENCES = /(^id$|native_id$|account_id$|^request_id$|^image_id$|^tags$)/;

/**
 * Every reference (`*_id`, `*_ids`, nested too) of every record that does not resolve to a record's id, as
 * `<record id> <path> → <missing id>`. Empty when the inventory is closed under references. A reference into
 * a region the run did not sync (an account-wide CEN's VPC elsewhere) cannot resolve and is not counted.
 */
export function unresolvedReferences(inv: Inventory): string[] {
  const ids = new Set<string>();
  for (const k of RESOURCE_KINDS) for (const r of inv[KIND_KEYS[k]]) ids.add(r.id);
  const synced = new Map(inv.accounts.map((a) => [a.name, new Set([...a.regions, 'global'])]));
  const resolvable = (id: string): boolean => {
    const p = parseResourceId(id);
    return p === undefined || (synced.get(p.account)?.has(p.region) ?? true);
  };
  const missing: string[] = [];
  const walk = (owner: string, path: string, value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(owner, `${path}[${i}]`, v);
      });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const p = path ? `${path}.${key}` : key;
      if (NOT_REFERENCES.test(key)) continue;
      if (key.endsWith('_id') && typeof v === 'string') {
        if (!ids.has(v) && resolvable(v)) missing.push(`${owner} ${p} → ${v}`);
      } else if (key.endsWith('_ids') && Array.isArray(v)) {
        for (const id of v)
          if (typeof id === 'string' && !ids.has(id) && resolvable(id))
            missing.push(`${owner} ${p} → ${id}`);
      } else if (typeof v === 'object') {
        walk(owner, p, v);
      }
    }
  };
  for (const k of RESOURCE_KINDS) for (const r of inv[KIND_KEYS[k]]) walk(r.id, '', r);
  return missing;
}

/** The kinds whose list is empty. */
export function emptyKinds(inv: Inventory): string[] {
  return RESOURCE_KINDS.filter((k) => inv[KIND_KEYS[k]].length === 0).map((k) => KIND_KEYS[k]);
}
