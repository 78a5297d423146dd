/**
 * The paging styles of the Huawei APIs, each through `huaweiRequest`: `marker` = last id (VPC v1/v2.0, NAT v2),
 * `marker` + `page_info.next_marker` (VPC v3, EIP v3, ELB v3, ER v3) and `offset` + `limit` with a total (ECS,
 * RDS v3, DCS v2; the pages after the first asked concurrently).
 */
import { TruncatedError } from '../../errors/errors.js';
import type { Operation } from '../types.js';
import type { Query, RequestContext } from './client.js';
import { huaweiRequest } from './client.js';
import { operationName } from './common.js';
import type { PageInfo } from './wire.js';

/** More pages than any real account has. */
export const MAX_PAGES = 1_000;

function truncated(op: Operation, region: string, why: string): TruncatedError {
  return new TruncatedError(`pagination: ${why}`, {
    provider: 'huawei',
    region,
    operation: operationName(op),
  });
}

/** How to read the items of a page. */
export interface ItemsSpec<P, T> {
  /** The page size asked for (the API's maximum). */
  readonly limit: number;
  readonly items: (page: P) => readonly T[] | undefined;
  /** The item's id: the next `marker`, and a repeat check. */
  readonly idOf: (item: T) => string | undefined;
}

/**
 * VPC v1 / VPC v2.0 / NAT v2 `marker` + `limit` paging: the next marker is the last item's id. A page may come
 * back short before the end (DeepFlow saw it on ports), so only an empty page ends the list. A marker that
 * repeats, or `MAX_PAGES`, throws `TruncatedError`.
 */
export async function* listByMarker<P, T>(
  ctx: RequestContext,
  op: Operation,
  region: string,
  path: string,
  query: Query,
  spec: ItemsSpec<P, T>,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let n = 1; ; n++) {
    const page = await huaweiRequest<P>(ctx, op, region, path, {
      ...query,
      limit: spec.limit,
      marker,
    });
    const items = spec.items(page) ?? [];
    if (items.length === 0) return;
    yield* items;
    const next = spec.idOf(items[items.length - 1] as T);
    if (next === undefined) throw truncated(op, region, 'an item without id ends a page');
    if (seen.has(next)) throw truncated(op, region, 'did not terminate: marker repeated');
    if (n >= MAX_PAGES) throw truncated(op, region, `more than ${MAX_PAGES} pages`);
    seen.add(next);
    marker = next;
  }
}

/**
 * VPC v3 / EIP v3 / ELB v3 `marker` + `limit` paging, the next marker given as `page_info.next_marker`
 * (absent on the last page). A marker that repeats, or `MAX_PAGES`, throws `TruncatedError`.
 */
export async function* listByNextMarker<P extends { readonly page_info?: PageInfo }, T>(
  ctx: RequestContext,
  op: Operation,
  region: string,
  path: string,
  query: Query,
  spec: Omit<ItemsSpec<P, T>, 'idOf'>,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let n = 1; ; n++) {
    const page = await huaweiRequest<P>(ctx, op, region, path, {
      ...query,
      limit: spec.limit,
      marker,
    });
    yield* spec.items(page) ?? [];
    const next = page.page_info?.next_marker;
    if (next === undefined || next === null || next === '') return;
    if (seen.has(next)) throw truncated(op, region, 'did not terminate: marker repeated');
    if (n >= MAX_PAGES) throw truncated(op, region, `more than ${MAX_PAGES} pages`);
    seen.add(next);
    marker = next;
  }
}

/** Offset paging: how the n-th page (from 0) is asked for, and where the total is. */
export interface OffsetSpec<P, T> extends ItemsSpec<P, T> {
  /**
   * The `offset` of page `n` (from 0) of `size` items: ECS `n + 1` (a page number), RDS v3 `n` (pages to
   * skip), DCS v2 `n * size` (items to skip).
   */
  readonly offsetOf: (n: number, size: number) => number;
  readonly total: (page: P) => number | undefined;
}

/**
 * Every item of an `offset` + `limit` list with a total (ECS `count`, RDS `total_count`, DCS `instance_num`):
 * page 1 first, its total gives the number of pages, then the other pages are asked concurrently, each through
 * the call wrapper (so the account's request limit applies), and yielded in order. The size the service used
 * on page 1 (it may cap the one asked for) is the size of every page. Throws `TruncatedError` rather than
 * returning a partial or duplicated list when the counts do not add up.
 */
export async function* listByOffset<P, T>(
  ctx: RequestContext,
  op: Operation,
  region: string,
  path: string,
  query: Query,
  spec: OffsetSpec<P, T>,
): AsyncGenerator<T, void, undefined> {
  const request = (n: number, size: number): Promise<P> =>
    huaweiRequest<P>(ctx, op, region, path, {
      ...query,
      // Every page after the first is asked with the size page 1 came back with, so offsets line up.
      limit: size,
      offset: spec.offsetOf(n, size),
    });
  const first = await request(0, spec.limit);
  const total = spec.total(first) ?? 0;
  if (!Number.isInteger(total) || total < 0) {
    throw truncated(op, region, `total ${String(total)} is not a count`);
  }
  const firstCount = spec.items(first)?.length ?? 0;
  const size = firstCount > 0 && firstCount < total ? firstCount : spec.limit;
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages > MAX_PAGES)
    throw truncated(op, region, `total ${total} needs more than ${MAX_PAGES} pages`);
  const rest: Promise<P>[] = [];
  for (let n = 1; n < pages; n++) {
    const p = request(n, size);
    // Awaited in order below; this only keeps an early failure from being reported as unhandled.
    p.catch(() => undefined);
    rest.push(p);
  }
  const seen = new Set<string>();
  let listed = 0;
  for (let n = 0; n < pages; n++) {
    const page = n === 0 ? first : await (rest[n - 1] ?? request(n, size));
    const items = spec.items(page) ?? [];
    if (items.length > size) {
      throw truncated(op, region, `page ${n + 1} has ${items.length} items, more than ${size}`);
    }
    for (const item of items) {
      const id = spec.idOf(item);
      if (id !== undefined) {
        if (seen.has(id)) throw truncated(op, region, `page ${n + 1} repeats item ${id}`);
        seen.add(id);
      }
      listed++;
      yield item;
    }
  }
  if (listed !== total)
    throw truncated(op, region, `listed ${listed} items but the total is ${total}`);
}
