/** What a QingCloud action handler gets, and `offset`/`limit` paging with `total_count`. */
import type { RegionResources, World } from '../world-types-services.js';
import type { Seq } from '../world-types.js';
import { parameterError } from './errors.js';

export interface QingcloudCall {
  readonly action: string;
  /** The `zone` parameter (a region id); empty for DescribeZones without one. */
  readonly zone: string;
  readonly params: Readonly<Record<string, string>>;
  readonly world: World;
  readonly res: RegionResources;
  readonly regionIndex: number;
  readonly pageLimit: number | undefined;
  readonly repeatToken: boolean;
}

/** Returns the result key and the listing; the server pages it and wraps `{action, ret_code, …}`. */
export interface Listing {
  readonly key: string;
  readonly items: Seq<unknown>;
}

export type Handler = (call: QingcloudCall) => Listing;

/** The API's largest `limit`, and the one used when none is given. */
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

function intParam(call: QingcloudCall, name: string, min: number, max: number): number | undefined {
  const raw = call.params[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw parameterError(`parameter [${name}] should be an integer between ${min} and ${max}`);
  }
  return n;
}

/**
 * One page. `limit` above 100 is rejected; the harness `pageLimit` caps it further. With the `repeat_token`
 * fault (a request with `offset` > 0) the previous page is served again.
 */
export function pageOf(
  call: QingcloudCall,
  all: Seq<unknown>,
): { items: unknown[]; total: number } {
  const offset = intParam(call, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  let limit = intParam(call, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  if (call.pageLimit !== undefined) limit = Math.min(limit, call.pageLimit);
  const start = call.repeatToken && offset > 0 ? Math.max(0, offset - limit) : offset;
  const items: unknown[] = [];
  const end = Math.min(start + limit, all.length);
  for (let i = start; i < end; i++) {
    const item = all.at(i);
    if (item !== undefined) items.push(item);
  }
  return { items, total: all.length };
}

/** The values of a flattened list parameter (`status.1`, `status.2`, …), or undefined when absent. */
export function listParam(call: QingcloudCall, name: string): string[] | undefined {
  const out: string[] = [];
  for (let i = 1; ; i++) {
    const v = call.params[`${name}.${i}`];
    if (v === undefined) break;
    out.push(v);
  }
  return out.length === 0 ? undefined : out;
}

/** Keeps the items whose `status` is among the requested `status.N` values (all when none is given). */
export function byStatus<T extends { readonly status?: string }>(
  call: QingcloudCall,
  items: readonly T[],
): T[] {
  const wanted = listParam(call, 'status');
  return wanted === undefined ? [...items] : items.filter((i) => wanted.includes(i.status ?? ''));
}

/** `{tag_id, tag_key, tag_name}` entries of a world tag map (`tag_name` holds the value of a keyed tag). */
export function renderTags(
  tags: Readonly<Record<string, string>>,
  tagId: (n: number) => string,
): Record<string, string>[] {
  return Object.entries(tags).map(([k, v], n) => ({
    tag_id: tagId(n),
    tag_key: k,
    tag_name: v,
  }));
}
