/** Paging of Volcengine lists: `PageNumber`/`PageSize` with a total (concurrent), or `NextToken`. */
import { TruncatedError } from '../../errors/errors.js';
import type { AccountContext, Operation } from '../types.js';
import type { Params, VolcClients } from './client.js';
import { volcRequest } from './client.js';
import { operationName } from './common.js';

/** More pages than any real account has; a total beyond it is not believed. */
export const MAX_PAGES = 1_000;

/** How to read a `PageNumber`/`PageSize` list. */
export interface PageSpec<P, T> {
  /** The largest page size the API accepts (100 for most, 50 for CEN). */
  readonly pageSize: number;
  readonly items: (page: P) => readonly T[] | undefined | null;
  /** The total the first page reports (`TotalCount`, `Total` or `TotalInstancesNum`). */
  readonly total: (page: P) => number | string | undefined | null;
  /** The item's native id, to detect a page that repeats items. */
  readonly idOf: (item: T) => string | undefined;
}

/**
 * Every item of a `PageNumber`/`PageSize` list: page 1 gives the total, then pages 2..n are requested
 * concurrently (each through `ctx.call`, so the account's request limit applies) and yielded in order. The
 * page number advances and the page size stays (DeepFlow's loops grow the size instead). Throws
 * `TruncatedError` rather than returning a partial or duplicated list when the counts do not add up.
 */
export async function* listByPageNumber<P, T>(
  ctx: AccountContext,
  clients: VolcClients,
  op: Operation,
  region: string,
  params: Params,
  spec: PageSpec<P, T>,
): AsyncGenerator<T, void, undefined> {
  const details = { provider: 'volcengine' as const, region, operation: operationName(op) };
  const request = (n: number): Promise<P> =>
    volcRequest<P>(ctx, clients, op, region, {
      ...params,
      PageNumber: n,
      PageSize: spec.pageSize,
    });
  const first = await request(1);
  const total = Number(spec.total(first) ?? 0);
  if (!Number.isInteger(total) || total < 0) {
    throw new TruncatedError(`pagination: total ${String(total)} is not a count`, details);
  }
  // The service may serve fewer than asked per page; a short first page short of the total is its size.
  const firstCount = spec.items(first)?.length ?? 0;
  const size = firstCount > 0 && firstCount < total ? firstCount : spec.pageSize;
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages > MAX_PAGES) {
    throw new TruncatedError(
      `pagination did not terminate: total ${total} needs more than ${MAX_PAGES} pages`,
      details,
    );
  }
  const rest: Promise<P>[] = [];
  for (let n = 2; n <= pages; n++) {
    const p = request(n);
    // Awaited in order below; this only keeps an early failure from being reported as unhandled.
    p.catch(() => undefined);
    rest.push(p);
  }
  const seen = new Set<string>();
  let listed = 0;
  for (let i = 0; i < pages; i++) {
    const page = i === 0 ? first : await (rest[i - 1] ?? request(i + 1));
    const items = spec.items(page) ?? [];
    if (items.length > size) {
      throw new TruncatedError(
        `pagination: page ${i + 1} has ${items.length} items, more than PageSize ${size}`,
        details,
      );
    }
    for (const item of items) {
      const id = spec.idOf(item);
      if (id !== undefined) {
        if (seen.has(id)) {
          throw new TruncatedError(`pagination: page ${i + 1} repeats item ${id}`, details);
        }
        seen.add(id);
      }
      listed++;
      yield item;
    }
  }
  if (listed !== total) {
    throw new TruncatedError(
      `pagination: listed ${listed} items but the total is ${total}`,
      details,
    );
  }
}

/**
 * Pages of a `NextToken`/`MaxResults` list, one request at a time. Stops when the token is absent or empty;
 * throws `TruncatedError` when a token repeats or after `MAX_PAGES`.
 */
export async function* pagesByToken<P extends { readonly NextToken?: string | null }>(
  ctx: AccountContext,
  clients: VolcClients,
  op: Operation,
  region: string,
  params: Params,
  maxResults: number,
): AsyncGenerator<P, void, undefined> {
  const details = { provider: 'volcengine' as const, region, operation: operationName(op) };
  const seen = new Set<string>();
  let token: string | undefined;
  for (let n = 1; ; n++) {
    const page = await volcRequest<P>(ctx, clients, op, region, {
      ...params,
      MaxResults: maxResults,
      ...(token === undefined ? {} : { NextToken: token }),
    });
    yield page;
    const next = page.NextToken;
    if (next === undefined || next === null || next === '') return;
    if (seen.has(next) || next === token) {
      throw new TruncatedError('pagination did not terminate: token repeated', details);
    }
    if (n >= MAX_PAGES) {
      throw new TruncatedError(
        `pagination did not terminate: more than ${MAX_PAGES} pages`,
        details,
      );
    }
    seen.add(next);
    token = next;
  }
}
