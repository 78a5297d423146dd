import { AsyncLocalStorage } from 'node:async_hooks';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { EC2Client, EC2ClientConfig } from '@aws-sdk/client-ec2';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { STSClient } from '@aws-sdk/client-sts';
import { TruncatedError } from '../../errors/errors.js';
import { transport } from '../../transport/agents.js';
import { backoffDelay } from '../../transport/retry.js';
import type { AccountContext, Operation } from '../types.js';
import { operationName } from './common.js';
import type { AwsService } from './common.js';
import { classifyError } from './errors.js';
import { ec2Sdk, eksSdk, elasticacheSdk, elbSdk, elbv2Sdk, rdsSdk, stsSdk } from './sdk.js';

/** Static or temporary keys; held privately by the session and never logged. */
export interface AwsKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

// The SDK's retry strategy types, taken from the client config so no transitive package is imported.
type AnyRetryStrategy = NonNullable<EC2ClientConfig['retryStrategy']>;
type RetryStrategyV2 = Extract<AnyRetryStrategy, { acquireInitialRetryToken: unknown }>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

/** The operation a request belongs to, so the SDK's retry strategy can count retries per operation. */
const currentOperation = new AsyncLocalStorage<string>();

class OurRetryToken implements RetryToken {
  readonly retries: number;
  readonly operation: string;
  constructor(retries: number, operation: string) {
    this.retries = retries;
    this.operation = operation;
  }
  getRetryCount(): number {
    return this.retries;
  }
  // The strategy sleeps on the injected clock itself, so the SDK must not wait again.
  getRetryDelay(): number {
    return 0;
  }
}

/** Milliseconds the server asked us to wait: `Retry-After` seconds, `x-amz-retry-after` ms, or the SDK's hint. */
function retryAfterMs(info: RetryErrorInfo, now: number): number | undefined {
  const response = (
    info.error as { $response?: { headers?: Record<string, string | undefined> } } | undefined
  )?.$response;
  const headers = response?.headers ?? {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === 'retry-after' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
    if (lower === 'x-amz-retry-after' && /^\d+$/.test(value.trim())) return Number(value);
  }
  if (info.retryAfterHint instanceof Date) return Math.max(0, info.retryAfterHint.getTime() - now);
  return undefined;
}

/**
 * The SDK's one retry layer, driven by our policy: `maxAttempts`, full-jitter backoff on the injected
 * clock (throttle base when throttled, Retry-After honoured), the run's retry budget, and retry metrics.
 * Whether an error is retryable is decided by our classification table.
 */
export function createRetryStrategy(ctx: AccountContext): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: () =>
      Promise.resolve(new OurRetryToken(0, currentOperation.getStore() ?? 'aws:unknown')),
    refreshRetryTokenForRetry: async (token, info) => {
      const retries = token.getRetryCount();
      const operation = token instanceof OurRetryToken ? token.operation : 'aws:unknown';
      const [service = 'aws', action = 'unknown'] = operation.split(':');
      const op: Operation = { service, action, required: false, permission: operation };
      const err = classifyError(info.error, op, '');
      const clockSkewCorrected =
        (info.error as { $metadata?: { clockSkewCorrected?: boolean } } | undefined)?.$metadata
          ?.clockSkewCorrected === true;
      const retryable = err.retryable || clockSkewCorrected;
      if (!retryable || retries + 1 >= ctx.retry.maxAttempts || !ctx.budget.take()) {
        // The SDK rethrows the original error when the strategy refuses.
        throw new Error('no retry');
      }
      const delay = backoffDelay(
        ctx.retry,
        retries + 1,
        err.kind === 'throttled' || info.errorType === 'THROTTLING',
        ctx.clock,
        retryAfterMs(info, ctx.clock.now()),
      );
      ctx.metrics.countRetry(operation);
      ctx.log.debug('retrying', {
        operation,
        attempt: retries + 1,
        delay_ms: delay,
        error_kind: err.kind,
      });
      await ctx.clock.sleep(delay, ctx.signal);
      return new OurRetryToken(retries + 1, operation);
    },
    recordSuccess: () => undefined,
  };
}

/** Base URL from `endpoints[service]` with `{region}` substituted, if the account overrides it. */
export function endpointFor(
  endpoints: Readonly<Record<string, string>>,
  service: AwsService,
  region: string,
): string | undefined {
  const base = endpoints[service];
  return base === undefined ? undefined : base.replaceAll('{region}', region);
}

/**
 * The SDK's logger middleware builds a sensitive-data-filtered copy of every response for `logger.info`
 * whenever the logger has an `info` method, even the default no-op one: a tenth of the sync's CPU on a large
 * account. A logger without `info` skips that copy (the middleware calls `logger?.info?.(...)`); we log
 * through our own logger, never the SDK's.
 */
const QUIET_SDK_LOGGER = {
  trace: () => undefined,
  debug: () => undefined,
  warn: () => undefined,
  error: () => undefined,
} as unknown as NonNullable<EC2ClientConfig['logger']>;

/** The SDK's agent for a base URL: `httpsAgent` or `httpAgent`, from the process's transport. */
function agentOption(url: string): { httpsAgent: HttpsAgent } | { httpAgent: HttpAgent } {
  const agent = transport().agentFor(url);
  // A proxy agent is an http.Agent that speaks TLS to the target itself; the SDK only hands it to https.request.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- see above
  return url.startsWith('https:') ? { httpsAgent: agent as HttpsAgent } : { httpAgent: agent };
}

/** Connection timeout: the request timeout, but never more than 10 s. */
const MAX_CONNECTION_TIMEOUT_MS = 10_000;

/** One SDK client per (service, region), created on first use with the account's settings. */
export class AwsClients {
  readonly #ctx: AccountContext;
  readonly #keys: AwsKeys;
  readonly #retryStrategy: RetryStrategyV2;
  readonly #ec2 = new Map<string, EC2Client>();
  readonly #rds = new Map<string, RDSClient>();
  readonly #elasticache = new Map<string, ElastiCacheClient>();
  readonly #elbv2 = new Map<string, ElasticLoadBalancingV2Client>();
  readonly #elb = new Map<string, ElasticLoadBalancingClient>();
  readonly #eks = new Map<string, EKSClient>();
  readonly #sts = new Map<string, STSClient>();

  constructor(ctx: AccountContext, keys: AwsKeys) {
    this.#ctx = ctx;
    this.#keys = keys;
    this.#retryStrategy = createRetryStrategy(ctx);
  }

  #config(service: AwsService, region: string) {
    const endpoint = endpointFor(this.#ctx.endpoints, service, region);
    const { accessKeyId, secretAccessKey, sessionToken } = this.#keys;
    return {
      region,
      credentials:
        sessionToken === undefined
          ? { accessKeyId, secretAccessKey }
          : { accessKeyId, secretAccessKey, sessionToken },
      ...(endpoint === undefined ? {} : { endpoint }),
      // Our config decides the endpoint, not AWS_ENDPOINT_URL_* in the environment.
      ignoreConfiguredEndpointUrls: true,
      logger: QUIET_SDK_LOGGER,
      maxAttempts: this.#ctx.retry.maxAttempts,
      retryStrategy: this.#retryStrategy,
      requestHandler: {
        requestTimeout: this.#ctx.requestTimeoutMs,
        connectionTimeout: Math.min(this.#ctx.requestTimeoutMs, MAX_CONNECTION_TIMEOUT_MS),
        throwOnRequestTimeout: true,
        // The process's transport: private CA, HTTPS_PROXY / HTTP_PROXY / NO_PROXY (src/transport/agents.ts).
        ...agentOption(endpoint ?? `https://${service}.${region}.amazonaws.com`),
      },
    };
  }

  #get<C>(cache: Map<string, C>, region: string, create: () => C): C {
    const hit = cache.get(region);
    if (hit !== undefined) return hit;
    const client = create();
    cache.set(region, client);
    return client;
  }

  ec2(region: string): EC2Client {
    return this.#get(this.#ec2, region, () => new ec2Sdk.EC2Client(this.#config('ec2', region)));
  }
  rds(region: string): RDSClient {
    return this.#get(this.#rds, region, () => new rdsSdk.RDSClient(this.#config('rds', region)));
  }
  elasticache(region: string): ElastiCacheClient {
    return this.#get(
      this.#elasticache,
      region,
      () => new elasticacheSdk.ElastiCacheClient(this.#config('elasticache', region)),
    );
  }
  elbv2(region: string): ElasticLoadBalancingV2Client {
    return this.#get(
      this.#elbv2,
      region,
      () => new elbv2Sdk.ElasticLoadBalancingV2Client(this.#config('elasticloadbalancing', region)),
    );
  }
  /** Classic ELB (API 2012-06-01), served by the same `elasticloadbalancing` endpoint as v2. */
  elb(region: string): ElasticLoadBalancingClient {
    return this.#get(
      this.#elb,
      region,
      () => new elbSdk.ElasticLoadBalancingClient(this.#config('elasticloadbalancing', region)),
    );
  }
  eks(region: string): EKSClient {
    return this.#get(this.#eks, region, () => new eksSdk.EKSClient(this.#config('eks', region)));
  }
  sts(region: string): STSClient {
    return this.#get(this.#sts, region, () => new stsSdk.STSClient(this.#config('sts', region)));
  }

  /** Closes every client's sockets. */
  destroy(): void {
    for (const cache of [
      this.#ec2,
      this.#rds,
      this.#elasticache,
      this.#elbv2,
      this.#elb,
      this.#eks,
      this.#sts,
    ]) {
      for (const client of cache.values()) client.destroy();
      cache.clear();
    }
  }
}

/** What `connect` returns: the account id, its partition and the client factory. */
export interface AwsSession {
  readonly accountId: string;
  readonly partition: string;
  readonly defaultRegion: string;
  readonly clients: AwsClients;
}

/**
 * One SDK request through the scheduler's call wrapper (limits, counts, classification). The operation
 * is remembered for the duration of the request so the SDK's retry strategy can count its retries.
 */
export function awsCall<T>(
  ctx: AccountContext,
  op: Operation,
  region: string,
  send: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return ctx.call(op, region, (signal) =>
    currentOperation.run(operationName(op), () => send(signal)),
  );
}

/** More pages than any real account has; reaching it means the API keeps returning tokens. */
export const MAX_PAGES = 10_000;

/**
 * Pages of a token- or marker-paged API, one request at a time through `ctx.call`. Stops when the
 * next token is absent or empty; throws `TruncatedError` when a token repeats or after `maxPages`,
 * rather than looping or returning part of a list.
 */
export async function* paginate<P>(
  ctx: AccountContext,
  op: Operation,
  region: string,
  page: (token: string | undefined, signal: AbortSignal) => Promise<P>,
  nextToken: (page: P) => string | undefined,
  maxPages = MAX_PAGES,
): AsyncGenerator<P, void, undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (let n = 1; ; n++) {
    const current = token;
    const result = await awsCall(ctx, op, region, (signal) => page(current, signal));
    yield result;
    const next = nextToken(result);
    if (next === undefined || next === '') return;
    const details = { provider: 'aws' as const, region, operation: operationName(op) };
    if (seen.has(next)) {
      throw new TruncatedError('pagination did not terminate: token repeated', details);
    }
    if (n >= maxPages) {
      throw new TruncatedError(
        `pagination did not terminate: more than ${maxPages} pages`,
        details,
      );
    }
    seen.add(next);
    token = next;
  }
}

/** Every item of every page (one list held in memory; its pages are dropped as they are read). */
export async function listAll<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => readonly T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}
