/** BCE paging: `marker`/`maxKeys` lists (most APIs) and `pageNo`/`pageSize` lists (CCE). */
import { TruncatedError } from '../../errors/errors.js';
import type { AccountContext, Operation } from '../types.js';
import type { BaiduSession } from './client.js';
import { baiduRequest } from './client.js';
import { operationName } from './common.js';

/** More pages than any real account has. */
export const MAX_PAGES = 1_000;

/** The marker fields of every BCE list response. */
export interface MarkerPage {
  readonly marker?: string;
  readonly isTruncated?: boolean;
  readonly nextMarker?: string;
  readonly maxKeys?: number;
}

/**
 * Pages of a `marker`/`maxKeys` list (→ `nextMarker`/`isTruncated`), one request at a time: the marker is the
 * first item of the next page. Throws `TruncatedError` when a marker repeats or after `MAX_PAGES`.
 */
export async function* pagesByMarker<P extends MarkerPage>(
  ctx: AccountContext & { readonly session: BaiduSession },
  op: Operation,
  region: string,
  path: string,
  params: Readonly<Record<string, string | number>>,
  maxKeys: number,
): AsyncGenerator<P, void, undefined> {
  const details = { provider: 'baidu' as const, region, operation: operationName(op) };
  const seen = new Set<string>();
  let marker: string | undefined;
  for (let n = 1; ; n++) {
    const page = await baiduRequest<P>(ctx, op, region, {
      path,
      params: { ...params, maxKeys, ...(marker === undefined ? {} : { marker }) },
    });
    yield page;
    const next = page.nextMarker;
    if (page.isTruncated !== true || next === undefined || next === '') return;
    if (seen.has(next) || next === marker) {
      throw new TruncatedError('pagination did not terminate: marker repeated', details);
    }
    if (n >= MAX_PAGES) {
      throw new TruncatedError(
        `pagination did not terminate: more than ${MAX_PAGES} pages`,
        details,
      );
    }
    seen.add(next);
    marker = next;
  }
}

/** Every item of a marker-paged list. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the page type their accessor reads
export async function* listByMarker<P extends MarkerPage, T>(
  ctx: AccountContext & { readonly session: BaiduSession },
  op: Operation,
  region: string,
  path: string,
  params: Readonly<Record<string, string | number>>,
  items: (page: P) => readonly T[] | undefined,
  maxKeys = MAX_KEYS,
): AsyncGenerator<T, void, undefined> {
  for await (const page of pagesByMarker<P>(ctx, op, region, path, params, maxKeys)) {
    yield* items(page) ?? [];
  }
}

/** The largest `maxKeys` BCE list APIs accept. */
export const MAX_KEYS = 1000;

/** How to read a `pageNo`/`pageSize` list (CCE): its items, total and the id of an item. */
export interface PageNoSpec<P, T> {
  readonly pageSize: number;
  readonly items: (page: P) => readonly T[] | undefined;
  readonly total: (page: P) => number | undefined;
  readonly idOf: (item: T) => string | undefined;
}

/**
 * Every item of a page-number list: page 1 gives the total, then pages 2..n are asked concurrently (each
 * through the call wrapper, so the account's request limit applies) and yielded in order. Throws
 * `TruncatedError` when a page repeats items or the count does not add up.
 */
export async function* listByPageNo<P, T>(
  ctx: AccountContext & { readonly session: BaiduSession },
  op: Operation,
  region: string,
  path: string,
  params: Readonly<Record<string, string | number>>,
  spec: PageNoSpec<P, T>,
): AsyncGenerator<T, void, undefined> {
  const details = { provider: 'baidu' as const, region, operation: operationName(op) };
  const request = (n: number): Promise<P> =>
    baiduRequest<P>(ctx, op, region, {
      path,
      params: { ...params, pageNo: n, pageSize: spec.pageSize },
    });
  const first = await request(1);
  const total = spec.total(first) ?? 0;
  if (!Number.isInteger(total) || total < 0) {
    throw new TruncatedError(`pagination: totalCount ${String(total)} is not a count`, details);
  }
  const firstCount = spec.items(first)?.length ?? 0;
  // The size the service used (it may cap the one asked for).
  const size = firstCount > 0 && firstCount < total ? firstCount : spec.pageSize;
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages > MAX_PAGES) {
    throw new TruncatedError(`pagination did not terminate: more than ${MAX_PAGES} pages`, details);
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
    for (const item of spec.items(page) ?? []) {
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
      `pagination: listed ${listed} items but totalCount is ${total}`,
      details,
    );
  }
}
