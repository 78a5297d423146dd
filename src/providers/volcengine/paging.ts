/** Paging of Volcengine lists: `PageNumber`/`PageSize` with a total (concurrent), or `NextToken`; the loops are shared (`src/providers/paging.ts`). */
import {
  listByPageNumber as sharedListByPageNumber,
  pagesByToken as sharedPagesByToken,
} from '../paging.js';
import type { AccountContext, Operation } from '../types.js';
import type { Params, VolcClients } from './client.js';
import { volcRequest } from './client.js';
import { operationName } from './common.js';

export { MAX_PAGES } from '../paging.js';

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
 * Every item of a `PageNumber`/`PageSize` list (`src/providers/paging.ts`): page 1 gives the total, then pages
 * 2..n concurrently, each through `ctx.call`. The page number advances and the page size stays (DeepFlow's loops
 * grow the size instead).
 */
export function listByPageNumber<P, T>(
  ctx: AccountContext,
  clients: VolcClients,
  op: Operation,
  region: string,
  params: Params,
  spec: PageSpec<P, T>,
): AsyncGenerator<T, void, undefined> {
  return sharedListByPageNumber({
    request: (n) =>
      volcRequest<P>(ctx, clients, op, region, {
        ...params,
        PageNumber: n,
        PageSize: spec.pageSize,
      }),
    pageSize: spec.pageSize,
    total: spec.total,
    items: spec.items,
    idOf: spec.idOf,
    totalName: 'the total',
    details: { provider: 'volcengine', region, operation: operationName(op) },
  });
}

/** Pages of a `NextToken`/`MaxResults` list, one request at a time (`src/providers/paging.ts`). */
export function pagesByToken<P extends { readonly NextToken?: string | null }>(
  ctx: AccountContext,
  clients: VolcClients,
  op: Operation,
  region: string,
  params: Params,
  maxResults: number,
): AsyncGenerator<P, void, undefined> {
  return sharedPagesByToken({
    request: (token) =>
      volcRequest<P>(ctx, clients, op, region, {
        ...params,
        MaxResults: maxResults,
        ...(token === undefined ? {} : { NextToken: token }),
      }),
    next: (page) => page.NextToken,
    details: { provider: 'volcengine', region, operation: operationName(op) },
  });
}
