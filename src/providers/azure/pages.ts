/**
 * Paging and per-account sharing of ARM list calls. SDK-free (kind files import this, never an SDK), so mapper
 * tests load fast; the SDK clients are in client.ts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { TruncatedError } from '../../errors/errors.js';
import type { AccountContext, FetchContext, Operation, RegionInfo } from '../types.js';
import type { AzureClients } from './client.js';

/** The operation a request belongs to, so the retry policy can count retries per operation. */
export const currentOperation = new AsyncLocalStorage<string>();

/** A location of the account, with its availability zones (logical zone names, `1`, `2`, `3`). */
export interface AzureLocation extends RegionInfo {
  readonly zones: readonly string[];
}

export interface AzureSession {
  /** The subscriptions synced (one when `subscription_id` is set). */
  readonly subscriptionIds: readonly string[];
  /** `subscription_id`, when the account is one subscription. */
  readonly accountId: string | undefined;
  readonly locations: readonly AzureLocation[];
  readonly clients: AzureClients;
  /** Per-account results of subscription-wide list calls, shared by every region's task. */
  readonly shared: Map<string, Promise<unknown[]>>;
}

/** An SDK pager: `byPage` starts at a continuation token and yields one page per request. */
export interface Pager<P> {
  byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<P>;
}

/** Stop after this many pages of one list (a server that never ends its `nextLink` chain). */
export const MAX_PAGES = 1000;

/** The continuation token of a page: modular clients put it on the page, older ones keep it aside. */
export type TokenOf<P> = (page: P) => string | undefined;

export const modularToken = (page: unknown): string | undefined => {
  const t = (page as { continuationToken?: unknown }).continuationToken;
  return typeof t === 'string' && t !== '' ? t : undefined;
};

/** Pages of one list, one `ctx.call` per page; stops on a repeated `nextLink` or the page cap. */
export async function* listPages<P>(
  ctx: AccountContext,
  op: Operation,
  region: string,
  list: () => Pager<P>,
  tokenOf: TokenOf<P>,
): AsyncGenerator<P> {
  const seen = new Set<string>();
  let token: string | undefined;
  const name = `${op.service}:${op.action}`;
  for (let n = 0; ; n++) {
    if (n >= MAX_PAGES) {
      throw new TruncatedError(`pagination did not terminate after ${MAX_PAGES} pages`, {
        provider: 'azure',
        region,
        operation: name,
      });
    }
    const from = token;
    const page = await ctx.call(op, region, () =>
      currentOperation.run(name, async () => {
        const it = list().byPage(from === undefined ? undefined : { continuationToken: from });
        const r = await it.next();
        return r.done === true ? undefined : r.value;
      }),
    );
    if (page === undefined) return;
    yield page;
    const next = tokenOf(page);
    if (next === undefined || next === '') return;
    if (seen.has(next)) {
      throw new TruncatedError('pagination did not terminate: nextLink repeated', {
        provider: 'azure',
        region,
        operation: name,
      });
    }
    seen.add(next);
    token = next;
  }
}

/** Every item of a list in every subscription of the account. */
export async function listAll<T>(
  ctx: AccountContext,
  subscriptions: readonly string[],
  op: Operation,
  region: string,
  list: (sub: string) => Pager<T[]>,
  tokenOf: TokenOf<T[]>,
): Promise<T[]> {
  const perSub = await Promise.all(
    subscriptions.map(async (sub) => {
      const items: T[] = [];
      for await (const page of listPages(ctx, op, region, () => list(sub), tokenOf)) {
        items.push(...page);
      }
      return items;
    }),
  );
  return perSub.flat();
}

/**
 * ARM lists are per subscription, not per location: the first region task of a kind makes the call(s) and
 * every other region's task reads the same result (or the same error), so no call is made twice and a run
 * filtered to some locations still makes one listing. Records are then kept per task by location.
 */
export function shared<T>(
  ctx: FetchContext<AzureSession>,
  op: Operation,
  list: (sub: string) => Pager<T[]>,
  tokenOf: TokenOf<T[]>,
): Promise<T[]> {
  const key = `${op.service}:${op.action}`;
  const hit = ctx.session.shared.get(key) as Promise<T[]> | undefined;
  if (hit !== undefined) return hit;
  const made = listAll(ctx, ctx.session.subscriptionIds, op, 'global', list, tokenOf);
  // Every waiting task sees the rejection; this copy only keeps it from being reported as unhandled.
  made.catch(() => undefined);
  ctx.session.shared.set(key, made);
  return made;
}
