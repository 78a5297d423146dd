import RPCClient from '@alicloud/pop-core';
import { TruncatedError } from '../../errors/errors.js';
import { transport } from '../../transport/agents.js';
import type { AccountContext, Operation, RegionInfo } from '../types.js';
import { API_VERSIONS, operationName } from './common.js';
import type { AliyunService } from './spec.js';

/** The AccessKey pair; held privately by the clients and never logged. */
export interface AliyunKeys {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** Products served by one central endpoint for every region. */
const CENTRAL: ReadonlySet<AliyunService> = new Set(['cbn', 'resourcemanager', 'vpcpeer', 'sts']);

/**
 * Base URL of a product in a region: `endpoints[service]` with `{region}` substituted when the account
 * overrides it, else the product's central endpoint (CEN, Resource Manager, VpcPeer, STS) or `https://<product>.<region>.aliyuncs.com`.
 */
export function endpointFor(
  endpoints: Readonly<Record<string, string>>,
  service: AliyunService,
  region: string,
): string {
  const base = endpoints[service];
  if (base !== undefined) return base.replaceAll('{region}', region);
  return CENTRAL.has(service)
    ? `https://${service}.aliyuncs.com`
    : `https://${service}.${region}.aliyuncs.com`;
}

/** pop-core's ROA client (REST-style products such as ACK `cs`); pop-core ships no types for it. */
export interface RoaClient {
  request<T>(
    method: string,
    path: string,
    query: Record<string, string | number>,
    body: string,
    headers: Record<string, string>,
    opts: { timeout: number },
  ): Promise<T>;
}
type RoaClientClass = new (config: {
  endpoint: string;
  apiVersion: string;
  accessKeyId: string;
  accessKeySecret: string;
}) => RoaClient;
const ROAClient = (RPCClient as unknown as { ROAClient: RoaClientClass }).ROAClient;

/** Request parameters; arrays go as JSON strings (`InstanceIds=["i-1"]`), as the API expects. */
export type Params = Readonly<Record<string, string | number | boolean>>;

/** One pop-core RPCClient per (product, API version, region), created on first use. */
export class AliyunClients {
  readonly #ctx: AccountContext;
  readonly #keys: AliyunKeys;
  readonly #clients = new Map<string, RPCClient>();
  readonly #roa = new Map<string, RoaClient>();

  constructor(ctx: AccountContext, keys: AliyunKeys) {
    this.#ctx = ctx;
    this.#keys = keys;
  }

  client(service: AliyunService, region: string): RPCClient {
    const apiVersion = API_VERSIONS[service];
    const key = `${service}|${apiVersion}|${region}`;
    const hit = this.#clients.get(key);
    if (hit !== undefined) return hit;
    const client = new RPCClient({
      endpoint: endpointFor(this.#ctx.endpoints, service, region),
      apiVersion,
      accessKeyId: this.#keys.accessKeyId,
      accessKeySecret: this.#keys.accessKeySecret,
    });
    this.#clients.set(key, client);
    return client;
  }

  /** The ROA client of a REST-style product in a region (one per product, version and region). */
  roa(service: AliyunService, region: string): RoaClient {
    const apiVersion = API_VERSIONS[service];
    const key = `${service}|${apiVersion}|${region}`;
    const hit = this.#roa.get(key);
    if (hit !== undefined) return hit;
    const client = new ROAClient({
      endpoint: endpointFor(this.#ctx.endpoints, service, region),
      apiVersion,
      accessKeyId: this.#keys.accessKeyId,
      accessKeySecret: this.#keys.accessKeySecret,
    });
    this.#roa.set(key, client);
    return client;
  }
}

/** What `connect` returns: the client factory, the account id and the region list DescribeRegions gave. */
export interface AliyunSession {
  readonly defaultRegion: string;
  /** The account (main account UID) the AccessKey belongs to, from STS GetCallerIdentity. */
  readonly accountId: string | undefined;
  readonly clients: AliyunClients;
  readonly regions: readonly RegionInfo[];
  /**
   * Per-account memo of the resource-group pre-pass (vm.ts): region → resource groups holding ECS instances,
   * asked once through resourcemanager ListResources when some region's DescribeInstances lists nothing.
   */
  readonly instanceGroups: {
    pending?: Promise<ReadonlyMap<string, readonly string[]>> | undefined;
  };
}

/** Settles with the promise, or rejects with the signal's reason (timeout or interruption) first. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- rethrown as is
        reject(err as Error);
      },
    );
  });
}

/**
 * One RPC request through the scheduler's call wrapper (limits, per-attempt timeout, retries, counts,
 * classification). pop-core neither retries nor honours a signal, so its own timeout is set to ours and the
 * signal is raced; `service` is the operation's product.
 */
export function aliyunRequest<T>(
  ctx: AccountContext,
  clients: AliyunClients,
  op: Operation,
  region: string,
  params: Params,
): Promise<T> {
  const client = clients.client(op.service as AliyunService, region);
  return ctx.call(op, region, (signal) =>
    raceAbort(
      client.request<T>(
        op.action,
        { ...params },
        {
          method: 'POST',
          timeout: ctx.requestTimeoutMs,
          // The process's transport: private CA, HTTPS_PROXY / HTTP_PROXY / NO_PROXY (src/transport/agents.ts).
          agent: transport().agentFor(
            endpointFor(ctx.endpoints, op.service as AliyunService, region),
          ),
        },
      ),
      signal,
    ),
  );
}

/** One ROA GET through the call wrapper, like `aliyunRequest` (pop-core neither retries nor takes a signal). */
export function aliyunRoaGet<T>(
  ctx: AccountContext,
  clients: AliyunClients,
  op: Operation,
  region: string,
  path: string,
  query: Record<string, string | number>,
): Promise<T> {
  const client = clients.roa(op.service as AliyunService, region);
  return ctx.call(op, region, (signal) =>
    raceAbort(
      client.request<T>('GET', path, query, '', {}, { timeout: ctx.requestTimeoutMs }),
      signal,
    ),
  );
}

/** More pages than any real account has; a TotalCount beyond it is not believed. */
export const MAX_PAGES = 1_000;

/** How to read the items of a page-number-paged list. */
export interface PageSpec<P, T> {
  /** The largest page size the API accepts (ECS 100, VPC 50, SLB 100, RDS 100, KVStore 50, CEN 50). */
  readonly pageSize: number;
  readonly items: (page: P) => readonly T[] | undefined;
  /** The item's native id, to detect a page that repeats items. */
  readonly idOf: (item: T) => string | undefined;
}

interface Counted {
  readonly PageSize?: number | string;
  readonly TotalCount?: number | string;
  readonly TotalRecordCount?: number | string;
}

/**
 * Every item of a `PageNumber`/`PageSize` list: page 1 first, its `TotalCount` (RDS: `TotalRecordCount`)
 * gives the number of pages, then pages 2..n are requested concurrently, each through `ctx.call` (so the
 * account's request limit applies), and yielded in order. Throws `TruncatedError` rather than returning a
 * partial or duplicated list when the counts do not add up.
 */
export async function* listByPageNumber<P extends Counted, T>(
  ctx: AccountContext,
  clients: AliyunClients,
  op: Operation,
  region: string,
  params: Params,
  spec: PageSpec<P, T>,
): AsyncGenerator<T, void, undefined> {
  const details = { provider: 'aliyun' as const, region, operation: operationName(op) };
  const request = (n: number): Promise<P> =>
    aliyunRequest<P>(ctx, clients, op, region, {
      ...params,
      PageNumber: n,
      PageSize: spec.pageSize,
    });
  const first = await request(1);
  const total = Number(first.TotalCount ?? first.TotalRecordCount ?? 0);
  if (!Number.isInteger(total) || total < 0) {
    throw new TruncatedError(`pagination: TotalCount ${String(total)} is not a count`, details);
  }
  // The size the service used (it may cap the one asked for); every later page is asked the same way.
  // RDS reports no PageSize, only the items of the page (`PageRecordCount`): a short first page then is it.
  const firstCount = spec.items(first)?.length ?? 0;
  const used = Number(
    first.PageSize ?? (firstCount > 0 && firstCount < total ? firstCount : spec.pageSize),
  );
  const size = Number.isInteger(used) && used > 0 && used <= spec.pageSize ? used : spec.pageSize;
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages > MAX_PAGES) {
    throw new TruncatedError(
      `pagination did not terminate: TotalCount ${total} needs more than ${MAX_PAGES} pages`,
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
      `pagination: listed ${listed} items but TotalCount is ${total}`,
      details,
    );
  }
}

/**
 * Pages of a `NextToken`/`MaxResults` list, one request at a time. Stops when the token is absent or empty;
 * throws `TruncatedError` when a token repeats or after `MAX_PAGES`.
 */
export async function* pagesByToken<P extends { readonly NextToken?: string }>(
  ctx: AccountContext,
  clients: AliyunClients,
  op: Operation,
  region: string,
  params: Params,
  maxResults: number,
  maxResultsParam = 'MaxResults',
): AsyncGenerator<P, void, undefined> {
  const details = { provider: 'aliyun' as const, region, operation: operationName(op) };
  const seen = new Set<string>();
  let token: string | undefined;
  for (let n = 1; ; n++) {
    const page = await aliyunRequest<P>(ctx, clients, op, region, {
      ...params,
      [maxResultsParam]: maxResults,
      ...(token === undefined ? {} : { NextToken: token }),
    });
    yield page;
    const next = page.NextToken;
    if (next === undefined || next === '') return;
    if (seen.has(next)) {
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
