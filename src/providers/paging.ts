/**
 * Paging shared by the providers whose lists page the same way (Aliyun, Volcengine): page-number lists with a
 * total, fetched as page 1 and then pages 2..n at once, and token lists, fetched one page after another. Both
 * refuse to return a partial or duplicated list: a count that does not add up, a repeated item, a repeated
 * token or too many pages end the list with `TruncatedError` (DESIGN §6). Every request goes through the
 * caller's `request`, i.e. through `ctx.call` (the account's limit, timeouts, retries).
 */
import type { ErrorDetails } from '../errors/errors.js';
import { TruncatedError } from '../errors/errors.js';

/** More pages than any real account has; a total beyond it is not believed. */
export const MAX_PAGES = 1_000;

/** How to read a page-number list. */
export interface NumberedList<P, T> {
  /** One page, by number (from 1), at `pageSize`. */
  readonly request: (n: number) => Promise<P>;
  /** The largest page size the API accepts (what is asked for). */
  readonly pageSize: number;
  /** The total the first page reports. */
  readonly total: (page: P) => number | string | undefined | null;
  /** The page size the service says it used (it may cap the one asked for), when it says. */
  readonly usedSize?: (page: P) => number | string | undefined | null;
  readonly items: (page: P) => readonly T[] | undefined | null;
  /** The item's native id, to detect a page that repeats items. */
  readonly idOf: (item: T) => string | undefined;
  /** How messages name the total (`TotalCount`, `total`). */
  readonly totalName: string;
  readonly details: ErrorDetails;
}

/**
 * Every item of a page-number list: page 1 gives the total, then pages 2..n are requested concurrently and
 * yielded in order. A short first page below the total is the size the service serves (RDS-like APIs report
 * none); a used size larger than asked is not believed.
 */
export async function* listByPageNumber<P, T>(
  list: NumberedList<P, T>,
): AsyncGenerator<T, void, undefined> {
  const { details, totalName } = list;
  const first = await list.request(1);
  const total = Number(list.total(first) ?? 0);
  if (!Number.isInteger(total) || total < 0) {
    throw new TruncatedError(`pagination: ${totalName} ${String(total)} is not a count`, details);
  }
  const firstCount = list.items(first)?.length ?? 0;
  const used = Number(
    list.usedSize?.(first) ?? (firstCount > 0 && firstCount < total ? firstCount : list.pageSize),
  );
  const size = Number.isInteger(used) && used > 0 && used <= list.pageSize ? used : list.pageSize;
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages > MAX_PAGES) {
    throw new TruncatedError(
      `pagination did not terminate: ${totalName} ${total} needs more than ${MAX_PAGES} pages`,
      details,
    );
  }
  const rest: Promise<P>[] = [];
  for (let n = 2; n <= pages; n++) {
    const p = list.request(n);
    // Awaited in order below; this only keeps an early failure from being reported as unhandled.
    p.catch(() => undefined);
    rest.push(p);
  }
  const seen = new Set<string>();
  let listed = 0;
  for (let i = 0; i < pages; i++) {
    const page = i === 0 ? first : await (rest[i - 1] ?? list.request(i + 1));
    const items = list.items(page) ?? [];
    if (items.length > size) {
      throw new TruncatedError(
        `pagination: page ${i + 1} has ${items.length} items, more than PageSize ${size}`,
        details,
      );
    }
    for (const item of items) {
      const id = list.idOf(item);
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
      `pagination: listed ${listed} items but ${totalName} is ${total}`,
      details,
    );
  }
}

/**
 * Pages of a token list, one request at a time. Stops when the next token is absent or empty; throws
 * `TruncatedError` when a token repeats or after `MAX_PAGES`.
 */
export async function* pagesByToken<P>(list: {
  readonly request: (token: string | undefined) => Promise<P>;
  readonly next: (page: P) => string | undefined | null;
  readonly details: ErrorDetails;
}): AsyncGenerator<P, void, undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (let n = 1; ; n++) {
    const page = await list.request(token);
    yield page;
    const next = list.next(page);
    if (next === undefined || next === null || next === '') return;
    if (seen.has(next)) {
      throw new TruncatedError('pagination did not terminate: token repeated', list.details);
    }
    if (n >= MAX_PAGES) {
      throw new TruncatedError(
        `pagination did not terminate: more than ${MAX_PAGES} pages`,
        list.details,
      );
    }
    seen.add(next);
    token = next;
  }
}
