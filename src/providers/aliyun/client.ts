import type RPCClient from '@alicloud/pop-core';
import {
  listByPageNumber as sharedListByPageNumber,
  pagesByToken as sharedPagesByToken,
} from '../paging.js';
import { transport } from '../../transport/agents.js';
import type { AccountContext, Operation, RegionInfo } from '../types.js';
import { API_VERSIONS, operationName } from './common.js';
import type { AliyunService } from './spec.js';
import { requireSdk } from '../require-sdk.js';

/** pop-core, loaded with require (../require-sdk.ts). */
const PopCore = requireSdk('@alicloud/pop-core') as typeof RPCClient;

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
const ROAClient = (PopCore as unknown as { ROAClient: RoaClientClass }).ROAClient;

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
    const client = new PopCore({
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

export { MAX_PAGES } from '../paging.js';

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
 * Every item of a `PageNumber`/`PageSize` list (`src/providers/paging.ts`): page 1 first, its `TotalCount` (RDS:
 * `TotalRecordCount`) gives the number of pages, then pages 2..n concurrently, each through `ctx.call`.
 */
export function listByPageNumber<P extends Counted, T>(
  ctx: AccountContext,
  clients: AliyunClients,
  op: Operation,
  region: string,
  params: Params,
  spec: PageSpec<P, T>,
): AsyncGenerator<T, void, undefined> {
  return sharedListByPageNumber({
    request: (n) =>
      aliyunRequest<P>(ctx, clients, op, region, {
        ...params,
        PageNumber: n,
        PageSize: spec.pageSize,
      }),
    pageSize: spec.pageSize,
    total: (page) => page.TotalCount ?? page.TotalRecordCount,
    // RDS reports no PageSize, only the items of the page: a short first page then is it.
    usedSize: (page) => page.PageSize,
    items: spec.items,
    idOf: spec.idOf,
    totalName: 'TotalCount',
    details: { provider: 'aliyun', region, operation: operationName(op) },
  });
}

/** Pages of a `NextToken`/`MaxResults` list, one request at a time (`src/providers/paging.ts`). */
export function pagesByToken<P extends { readonly NextToken?: string }>(
  ctx: AccountContext,
  clients: AliyunClients,
  op: Operation,
  region: string,
  params: Params,
  maxResults: number,
  maxResultsParam = 'MaxResults',
): AsyncGenerator<P, void, undefined> {
  return sharedPagesByToken({
    request: (token) =>
      aliyunRequest<P>(ctx, clients, op, region, {
        ...params,
        [maxResultsParam]: maxResults,
        ...(token === undefined ? {} : { NextToken: token }),
      }),
    next: (page) => page.NextToken,
    details: { provider: 'aliyun', region, operation: operationName(op) },
  });
}
