import type { Agent } from 'node:http';
import { TruncatedError } from '../../errors/errors.js';
import type { AccountContext, Operation, RegionInfo } from '../types.js';
import { API_VERSIONS, operationName } from './common.js';
import { sdkAgent, targetFor } from './endpoint.js';
import type { TencentService } from './spec.js';
import { requireSdk } from '../require-sdk.js';

/** The API key pair; held privately by the clients and never logged. */
export interface TencentKeys {
  readonly secretId: string;
  readonly secretKey: string;
}

/** The little of the SDK's CommonClient we use (any product, any action, one region). */
interface SdkClient {
  request(action: string, req: unknown, options?: { signal?: AbortSignal }): Promise<unknown>;
}
type SdkClientClass = new (
  endpoint: string,
  version: string,
  config: {
    credential: { secretId: string; secretKey: string };
    region: string;
    profile: {
      signMethod: 'TC3-HMAC-SHA256';
      language: 'zh-CN';
      httpProfile: { reqMethod: 'POST'; protocol: string; reqTimeout: number; agent: Agent };
    };
  },
) => SdkClient;

let sdk: Promise<SdkClientClass> | undefined;

/** The SDK's generic client, loaded on first use only (the full package takes ~400 ms to load). */
function loadSdk(): Promise<SdkClientClass> {
  sdk ??= Promise.resolve().then(
    () =>
      (
        requireSdk('tencentcloud-sdk-nodejs/tencentcloud/common/common_client.js') as {
          CommonClient: unknown;
        }
      ).CommonClient as SdkClientClass,
  );
  return sdk;
}

/** One CommonClient per (product, region), created on first use. */
export class TencentClients {
  readonly #ctx: AccountContext;
  readonly #keys: TencentKeys;
  readonly #clients = new Map<string, Promise<SdkClient>>();

  constructor(ctx: AccountContext, keys: TencentKeys) {
    this.#ctx = ctx;
    this.#keys = keys;
  }

  client(service: TencentService, region: string): Promise<SdkClient> {
    const key = `${service}|${region}`;
    const hit = this.#clients.get(key);
    if (hit !== undefined) return hit;
    const made = (async () => {
      const Client = await loadSdk();
      const target = targetFor(this.#ctx.endpoints, service, region);
      const agent = sdkAgent(target);
      return new Client(target.host, API_VERSIONS[service], {
        credential: { secretId: this.#keys.secretId, secretKey: this.#keys.secretKey },
        region,
        profile: {
          signMethod: 'TC3-HMAC-SHA256',
          language: 'zh-CN',
          httpProfile: {
            reqMethod: 'POST',
            protocol: target.protocol,
            // A second above ours, so our per-attempt signal decides and names the timeout.
            reqTimeout: Math.ceil(this.#ctx.requestTimeoutMs / 1000) + 1,
            agent,
          },
        },
      });
    })();
    made.catch(() => this.#clients.delete(key));
    this.#clients.set(key, made);
    return made;
  }
}

/** What `connect` returns: the client factory and the region list DescribeRegions gave. */
export interface TencentSession {
  readonly defaultRegion: string;
  readonly clients: TencentClients;
  readonly regions: readonly RegionInfo[];
}

/** Request parameters (the SDK sends them as the JSON body). */
export type Params = Readonly<Record<string, unknown>>;

/**
 * One request through the scheduler's call wrapper (limits, per-attempt timeout, our retries, counts,
 * classification). The SDK never retries; it gets the attempt's signal, and a request it abandons because of
 * that signal is reported with the signal's reason (a timeout), not the SDK's wrapped message.
 */
export function tencentRequest<T>(
  ctx: AccountContext,
  clients: TencentClients,
  op: Operation,
  region: string,
  params: Params,
): Promise<T> {
  return ctx.call(op, region, async (signal) => {
    const client = await clients.client(op.service as TencentService, region);
    try {
      return (await client.request(op.action, { ...params }, { signal })) as T;
    } catch (e) {
      if (signal.aborted) throw signal.reason as Error;
      throw e;
    }
  });
}

/** More pages than any real account has; a TotalCount beyond it is not believed. */
export const MAX_PAGES = 1_000;

/** How to read the items of an Offset/Limit list. */
export interface OffsetSpec<P, T> {
  /** The largest `Limit` the API accepts. */
  readonly pageSize: number;
  /** VPC and CLB list APIs type Offset/Limit as strings; CVM, CDB, Redis as integers. */
  readonly asStrings?: boolean;
  readonly items: (page: P) => readonly T[] | undefined;
  /** The item's native id, to detect a page that repeats items. */
  readonly idOf: (item: T) => string | undefined;
}

interface Counted {
  /** Read as unknown: a count is checked, never trusted. */
  readonly TotalCount?: unknown;
}

/**
 * Every item of an `Offset`/`Limit` list: page 1 first, its `TotalCount` gives the number of pages, then
 * pages 2..n are requested concurrently, each through `ctx.call` (so the account's request limit applies),
 * and yielded in order. Throws `TruncatedError` rather than returning a partial or duplicated list.
 */
export async function* listByOffset<P extends Counted, T>(
  ctx: AccountContext,
  clients: TencentClients,
  op: Operation,
  region: string,
  params: Params,
  spec: OffsetSpec<P, T>,
): AsyncGenerator<T, void, undefined> {
  const details = { provider: 'tencent' as const, region, operation: operationName(op) };
  const num = (n: number): number | string => (spec.asStrings === true ? String(n) : n);
  const request = (offset: number): Promise<P> =>
    tencentRequest<P>(ctx, clients, op, region, {
      ...params,
      Offset: num(offset),
      Limit: num(spec.pageSize),
    });
  const first = await request(0);
  const total = Number(first.TotalCount ?? 0);
  if (!Number.isInteger(total) || total < 0) {
    throw new TruncatedError(`pagination: TotalCount ${String(total)} is not a count`, details);
  }
  // The service may serve fewer than asked per page; later offsets follow the size it used.
  const firstCount = spec.items(first)?.length ?? 0;
  const size = firstCount > 0 && firstCount < total ? firstCount : spec.pageSize;
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages > MAX_PAGES) {
    throw new TruncatedError(
      `pagination did not terminate: TotalCount ${total} needs more than ${MAX_PAGES} pages`,
      details,
    );
  }
  const rest: Promise<P>[] = [];
  for (let n = 1; n < pages; n++) {
    const p = request(n * size);
    // Awaited in order below; this only keeps an early failure from being reported as unhandled.
    p.catch(() => undefined);
    rest.push(p);
  }
  const seen = new Set<string>();
  let listed = 0;
  for (let i = 0; i < pages; i++) {
    const page = i === 0 ? first : await (rest[i - 1] ?? request(i * size));
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
      `pagination: listed ${listed} items but TotalCount is ${total}`,
      details,
    );
  }
}

/**
 * Per-item calls (policies of each security group, listeners of each balancer) in flight at once per task: a
 * few, so they overlap their latency without a burst that outlives an interruption.
 */
export const ITEM_WINDOW = 2;

/**
 * `fn` over `items` as they arrive, at most `window` calls outstanding, results yielded in item order. An
 * early failure is reported when its turn comes (never as an unhandled rejection).
 */
export async function* inOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  window: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<[T, R], void, undefined> {
  const queue: [T, Promise<R>][] = [];
  for await (const item of items) {
    const p = fn(item);
    p.catch(() => undefined);
    queue.push([item, p]);
    while (queue.length >= window) {
      const next = queue.shift();
      if (next !== undefined) yield [next[0], await next[1]];
    }
  }
  for (const [item, p] of queue) yield [item, await p];
}

/** The items that have an id (a listing may carry an entry without one; it cannot be asked about). */
export async function* withIds<T>(
  items: AsyncIterable<T>,
  idOf: (item: T) => string | undefined,
): AsyncGenerator<T, void, undefined> {
  for await (const item of items) if (idOf(item)) yield item;
}
