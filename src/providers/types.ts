import type { z } from 'zod';
import type { DeepflowCloudError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import type { KindRecord, MapContext, ProviderName, ResourceKind } from '../model/index.js';
import type { Clock } from '../transport/clock.js';
import type { RetryBudget, RetryPolicy } from '../transport/retry.js';

/** One API operation an adapter calls: the single source for `check`, `providers` and permission docs. */
export interface Operation {
  /** Endpoint service code (`ec2`, `elasticloadbalancing`, ...). */
  readonly service: string;
  /** API action name (`DescribeVpcs`). */
  readonly action: string;
  /** Required operations fail their task when denied; optional ones skip it. */
  readonly required: boolean;
  /** The permission / policy action to grant (`ec2:DescribeVpcs`). */
  readonly permission: string;
  /** API version, when one service code serves two APIs with the same action (AWS classic ELB). */
  readonly version?: string;
  /**
   * Its pages are large (a thousand instances or interfaces): fewer of them are kept in flight per account, so
   * that a large account's responses never pile up in memory (the sync is CPU-bound on parsing them anyway).
   */
  readonly bulky?: boolean;
}

/** `service:Action`, as errors, logs and metrics name an operation. */
export function operationName(op: Operation): string {
  return `${op.service}:${op.action}`;
}

/** `service:action`, plus `@version` when the operation names one: unique within a provider. */
export function operationKey(op: Operation): string {
  return op.version === undefined
    ? `${op.service}:${op.action}`
    : `${op.service}:${op.action}@${op.version}`;
}

/** What a `check` probe gets: the account context, the connected session and the one region probed. */
export interface ProbeContext<S> extends AccountContext {
  readonly session: S;
  readonly region: string;
}

/**
 * How a probe proved the permission: `page` listed one page of the smallest size; `item` called a per-item
 * operation with a real item of the region; `placeholder` called it with a made-up id and got the service's
 * not-found answer (`code`), which IAM-style services only give after the permission check passed.
 */
export interface ProbeResult {
  readonly via: 'page' | 'item' | 'placeholder';
  /** The provider's not-found code, for `placeholder`. */
  readonly code?: string;
}

/**
 * Calls one operation once, as cheaply as possible, for `deepflow-cloud check`. Resolves when the call
 * proves the permission; throws the call's typed error otherwise (the one place an adapter may catch an
 * error: a probe turns its own service's not-found answer for a placeholder id into `placeholder`).
 */
export interface OperationProbe<S> {
  /** `page`: one smallest page of a list call; `item`: a per-item call with a real item or a placeholder. */
  readonly method: 'page' | 'item';
  /** `op` is the declared operation (the probe's own call is made as it). */
  run(ctx: ProbeContext<S>, op: Operation): Promise<ProbeResult>;
}

/** A region as the provider lists it. */
export interface RegionInfo {
  readonly id: string;
  /** Localized display name (Aliyun `LocalName`, AWS "US East (N. Virginia)"). */
  readonly localName?: string | undefined;
  /** False for regions that exist but are not enabled / opted in. */
  readonly enabled: boolean;
  readonly endpoint?: string | undefined;
}

/** A region id and name every provider ships for suggestions and as a fallback (DESIGN §4). */
export interface KnownRegion {
  readonly id: string;
  readonly localName?: string;
}

/** Called around every API request: limits concurrency, applies timeouts, counts, classifies, retries. */
export type CallFn = <T>(
  op: Operation,
  region: string,
  fn: (signal: AbortSignal) => Promise<T>,
) => Promise<T>;

/** Counters of API traffic (per operation). */
export interface ApiMetrics {
  readonly calls: Map<string, number>;
  readonly retries: Map<string, number>;
  countCall(operation: string): void;
  countRetry(operation: string): void;
}

/** What an adapter gets for one account: everything but process.* and the credentials. */
export interface AccountContext {
  readonly provider: ProviderName;
  /** The account's config `name`. */
  readonly account: string;
  /** Service code → base URL; `{region}` is substituted by the client factory. */
  readonly endpoints: Readonly<Record<string, string>>;
  /** Provider-specific options from the config (e.g. aws `default_region`), already validated. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly requestTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly budget: RetryBudget;
  readonly clock: Clock;
  readonly log: Logger;
  /** Aborted on SIGINT. */
  readonly signal: AbortSignal;
  readonly metrics: ApiMetrics;
  readonly call: CallFn;
}

/** What a fetcher gets for one (account, region). */
export interface FetchContext<S> extends AccountContext {
  readonly session: S;
  readonly region: string;
  readonly map: MapContext;
}

/** Fetches one kind (and possibly records of `alsoEmits` kinds) for one region or the whole account. */
export interface ResourceFetcher<S> {
  readonly kind: ResourceKind;
  /** Other kinds this fetcher yields records of (e.g. auto-assigned public IPs found on interfaces). */
  readonly alsoEmits?: readonly ResourceKind[];
  readonly scope: 'regional' | 'global';
  readonly operations: readonly Operation[];
  /** Pulls pages lazily and yields normalised records; lets errors propagate (the scheduler decides). */
  fetch(ctx: FetchContext<S>): AsyncIterable<KindRecord>;
}

/** The light, SDK-free description of a provider (config validation, `providers`, suggestions). */
export interface ProviderSpec<C = Record<string, unknown>> {
  readonly name: ProviderName;
  /** Credential keys as in the config (snake_case); values are never logged. */
  readonly credentials: z.ZodType<C>;
  /** Which credential keys are secrets (registered for redaction). */
  readonly secretKeys: readonly string[];
  /**
   * Credential keys that are not secrets on their own (an access key id) but are still masked in every
   * output; a literal one in a config file draws no warning.
   */
  readonly redactKeys?: readonly string[];
  /** Credential key → environment variable, for runs without `--config`. */
  readonly credentialEnv: Readonly<Record<string, string>>;
  /** Provider options accepted on an account (validated; unknown keys rejected). */
  readonly options: z.ZodType<Record<string, unknown>>;
  /** Endpoint service codes usable in `endpoints`. */
  readonly services: readonly string[];
  readonly knownRegions: readonly KnownRegion[];
}

/**
 * A published API rate limit of a provider: a token bucket of `burst` requests refilled at `perSecond`.
 * `region`: one bucket per (account, region) shared by every matched operation (EC2's request-token bucket);
 * `region-operation`: one bucket per (account, region, operation). The sync waits for a token before it sends
 * a matched request, so that it backs off before the provider throttles rather than after.
 */
export interface RateLimit {
  /** Endpoint service code the limit applies to. */
  readonly service: string;
  /** Actions the limit applies to; absent: every action of the service. */
  readonly actions?: readonly string[];
  readonly bucket: 'region' | 'region-operation';
  /** Refill rate, requests per second. */
  readonly perSecond: number;
  /** Bucket size: requests that may be sent at once after an idle period. */
  readonly burst: number;
}

/** The first limit of `limits` that applies to `op` (the most specific first is the adapter's order). */
export function rateLimitOf(
  limits: readonly RateLimit[] | undefined,
  op: Pick<Operation, 'service' | 'action'>,
): RateLimit | undefined {
  return limits?.find(
    (l) => l.service === op.service && (l.actions === undefined || l.actions.includes(op.action)),
  );
}

/** The adapter contract (STYLE §3). */
export interface ProviderAdapter<C, S> {
  readonly name: ProviderName;
  readonly spec: ProviderSpec<C>;
  /** Who retries: the SDK (configured from our policy) or our call wrapper. Never both. */
  readonly retries: 'sdk' | 'ours';
  /** Operations `connect` and `listRegions` make. */
  readonly accountOperations: readonly Operation[];
  /** Verifies auth and resolves the account id (DeepFlow's CheckAuth). */
  connect(creds: C, ctx: AccountContext): Promise<S>;
  /** The cloud account id, once connected. */
  accountId(session: S): string | undefined;
  listRegions(session: S, ctx: AccountContext): Promise<RegionInfo[]>;
  readonly fetchers: readonly ResourceFetcher<S>[];
  /**
   * `check` probes of the fetchers' operations, keyed by `operationKey`. An operation without one is checked
   * by running its fetcher until its first record (slower, and a per-item call is only proven when the region
   * has an item). `accountOperations` need none: `check` runs `connect` and `listRegions` themselves.
   */
  readonly probes?: Readonly<Record<string, OperationProbe<S>>>;
  /** Turns any failure (SDK exception, HTTP error) into our typed error. Pure. */
  classify(err: unknown, op: Operation, region: string): DeepflowCloudError;
  /** The provider's published API rate limits; the sync paces its requests by them (optional). */
  readonly rateLimits?: readonly RateLimit[];
}

/** What the lazy registry loads. */
export interface AdapterModule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each adapter has its own creds/session types
  readonly adapter: ProviderAdapter<any, any>;
}
