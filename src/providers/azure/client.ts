/**
 * The Azure SDK clients of one account, configured from our policy: the SDK's own retry (maxRetries from
 * our attempts, Retry-After honoured by its throttling strategy), a per-attempt timeout, retry counting
 * against the run's budget, and the endpoint. An `http://` loopback endpoint (the emulator) is reached by
 * keeping the cloud's https ARM URL and rewriting it in the HTTP client (the bearer-token policy refuses
 * plain http), which also rewrites the `nextLink`s ARM returns. Any other `endpoints.management` (an https
 * one) is used as the SDK's base, and a `nextLink` that points back at the cloud's public ARM URL is sent to
 * it too: with an endpoint configured, no ARM request leaves for the public host.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { ContainerServiceClient } from '@azure/arm-containerservice';
import type { MySQLManagementFlexibleServerClient } from '@azure/arm-mysql-flexible';
import type { NetworkManagementClient } from '@azure/arm-network';
import type { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import type { RedisManagementClient } from '@azure/arm-rediscache';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { SqlManagementClient } from '@azure/arm-sql';
import { ThrottledError } from '../../errors/errors.js';
import { transport } from '../../transport/agents.js';
import type { AccountContext } from '../types.js';
import { checkedBase } from './credential.js';
import { currentOperation, modularToken } from './pages.js';
import type { AzureCloud } from './spec.js';
import { CLOUD_HOSTS } from './spec.js';
import {
  computeSdk,
  containerServiceSdk,
  mysqlSdk,
  networkSdk,
  pipelineSdk,
  postgresSdk,
  redisSdk,
  sqlSdk,
  subscriptionsSdk,
} from './sdk.js';

const { createDefaultHttpClient, isRestError, RestError } = pipelineSdk;
const { getContinuationToken: mysqlToken } = mysqlSdk;
const { getContinuationToken: networkToken } = networkSdk;
const { getContinuationToken: postgresToken } = postgresSdk;
const { getContinuationToken: redisToken } = redisSdk;
const { getContinuationToken: subscriptionsToken } = subscriptionsSdk;
const { getContinuationToken: sqlToken } = sqlSdk;

/** Where ARM and the login host are, and the https base the SDK sees when the real one is loopback http. */
export interface AzureHosts {
  /** The https ARM base URL the SDK is configured with. */
  readonly management: string;
  /**
   * Where requests for the cloud's public ARM URL are sent instead: `endpoints.management`, when it is
   * configured and is not that URL (a loopback http one, or an https one whose `nextLink`s point there).
   */
  readonly redirect?: string;
  readonly login: string;
  /** Token scope of ARM. */
  readonly scope: string;
}

export function cloudOf(ctx: Pick<AccountContext, 'options'>): AzureCloud {
  const c = ctx.options['cloud'];
  return c === 'china' || c === 'usgov' ? c : 'public';
}

/** The hosts of the account's cloud, with `endpoints.management` / `endpoints.login` applied. */
export function hostsOf(ctx: Pick<AccountContext, 'options' | 'endpoints'>): AzureHosts {
  const cloud = CLOUD_HOSTS[cloudOf(ctx)];
  const m = ctx.endpoints['management'];
  const l = ctx.endpoints['login'];
  const login = l === undefined ? cloud.login : checkedBase(l, 'endpoints.login');
  const base = m === undefined ? cloud.management : checkedBase(m, 'endpoints.management');
  if (base.startsWith('https://')) {
    return {
      management: base,
      ...(base === cloud.management ? {} : { redirect: base }),
      login,
      scope: `${base}/.default`,
    };
  }
  return {
    management: cloud.management,
    redirect: base,
    login,
    scope: `${cloud.management}/.default`,
  };
}

/** Sends every request for `from` to `to` instead, through our transport (see the module comment). */
export function redirectingHttpClient(from: string, to: string): HttpClient {
  const inner = createDefaultHttpClient();
  return {
    sendRequest: (request: PipelineRequest) => {
      if (request.url.startsWith(from)) {
        request.url = to + request.url.slice(from.length);
        // Plain http only ever to a loopback endpoint (checkedBase refuses any other).
        if (to.startsWith('http://')) request.allowInsecureConnection = true;
        request.agent = transport().agentFor(request.url);
      }
      return inner.sendRequest(request);
    },
  };
}

/** Per attempt: our transport and timeout, and every attempt after the first counted as a retry against the budget. */
function attemptPolicy(ctx: AccountContext): PipelinePolicy {
  const seen = new WeakSet<PipelineRequest>();
  return {
    name: 'deepflowAttempt',
    sendRequest: (request, next) => {
      request.timeout = ctx.requestTimeoutMs;
      // Our transport: TLS verified against the system roots plus the configured CA, proxies from the config.
      request.agent = transport().agentFor(request.url);
      if (seen.has(request)) {
        const name = currentOperation.getStore() ?? 'management:unknown';
        if (!ctx.budget.take()) {
          return Promise.reject(
            new ThrottledError('the run retry budget is spent', { provider: 'azure' }),
          );
        }
        ctx.metrics.countRetry(name);
      }
      seen.add(request);
      return next(request).catch((e: unknown) => {
        throw asTransientTransportError(e, request, ctx);
      });
    },
  };
}

/**
 * Two failures the SDK's client reports in a shape its retry strategy does not treat as transient, which are:
 * our per-attempt timeout (`request.timeout`) makes it abort the request and throw an `AbortError` although the
 * run was not interrupted; and a connection reset while the body is read comes out as a `PARSE_ERROR`
 * ("Error reading response as text: aborted"). Both become the system errors its exponential strategy retries
 * (`ETIMEDOUT`, `ECONNRESET`), and after the last attempt are classified `network`, like every other provider.
 */
export function asTransientTransportError(
  e: unknown,
  request: PipelineRequest,
  ctx: Pick<AccountContext, 'signal' | 'requestTimeoutMs'>,
): unknown {
  const interrupted = ctx.signal.aborted || request.abortSignal?.aborted === true;
  if (e instanceof Error && e.name === 'AbortError' && !interrupted) {
    return new RestError(`no answer within ${ctx.requestTimeoutMs} ms`, {
      code: 'ETIMEDOUT',
      request,
    });
  }
  if (
    isRestError(e) &&
    e.code === RestError.PARSE_ERROR &&
    e.message.startsWith('Error reading response as text') &&
    !interrupted
  ) {
    return new RestError(`connection reset while reading the response (${e.message})`, {
      code: 'ECONNRESET',
      request,
    });
  }
  return e;
}

/** Options every ARM client gets (old core-client and new modular clients read the same names). */
function pipelineOptions(ctx: AccountContext, hosts: AzureHosts) {
  return {
    endpoint: hosts.management,
    retryOptions: {
      maxRetries: Math.max(0, ctx.retry.maxAttempts - 1),
      retryDelayInMs: ctx.retry.baseDelayMs,
      maxRetryDelayInMs: ctx.retry.maxDelayMs,
    },
    additionalPolicies: [{ policy: attemptPolicy(ctx), position: 'perRetry' as const }],
    userAgentOptions: { userAgentPrefix: 'deepflow-cloud' },
    ...(hosts.redirect === undefined
      ? {}
      : {
          httpClient: redirectingHttpClient(CLOUD_HOSTS[cloudOf(ctx)].management, hosts.redirect),
        }),
  };
}

/** Lazily built SDK clients, one per (package, subscription). */
export class AzureClients {
  /**
   * How to read a page's continuation token, per package (older clients keep it in a map of their own;
   * modular ones put it on the page). Kind files use these and never import an SDK themselves.
   */
  readonly tokens = {
    network: networkToken,
    redis: redisToken,
    sql: sqlToken,
    mysql: mysqlToken,
    postgres: postgresToken,
    subscriptions: subscriptionsToken,
    compute: modularToken,
    containerService: modularToken,
  };
  readonly #ctx: AccountContext;
  readonly #hosts: AzureHosts;
  readonly #credential: TokenCredential;
  readonly #cache = new Map<string, unknown>();

  constructor(ctx: AccountContext, hosts: AzureHosts, credential: TokenCredential) {
    this.#ctx = ctx;
    this.#hosts = hosts;
    this.#credential = credential;
  }

  #get<T>(key: string, make: () => T): T {
    const hit = this.#cache.get(key) as T | undefined;
    if (hit !== undefined) return hit;
    const made = make();
    this.#cache.set(key, made);
    return made;
  }

  #old() {
    return {
      ...pipelineOptions(this.#ctx, this.#hosts),
      baseUri: this.#hosts.management,
      // Older clients build request URLs from `$host`, not from `endpoint`.
      $host: this.#hosts.management,
      credentialScopes: [this.#hosts.scope],
    };
  }

  subscriptions(): SubscriptionClient {
    return this.#get(
      'subscriptions',
      () => new subscriptionsSdk.SubscriptionClient(this.#credential, this.#old()),
    );
  }
  network(sub: string): NetworkManagementClient {
    return this.#get(
      `network:${sub}`,
      () => new networkSdk.NetworkManagementClient(this.#credential, sub, this.#old()),
    );
  }
  compute(sub: string): ComputeManagementClient {
    return this.#get(
      `compute:${sub}`,
      () =>
        new computeSdk.ComputeManagementClient(this.#credential, sub, {
          ...pipelineOptions(this.#ctx, this.#hosts),
          credentials: { scopes: [this.#hosts.scope] },
        }),
    );
  }
  containerService(sub: string): ContainerServiceClient {
    return this.#get(
      `containerService:${sub}`,
      () =>
        new containerServiceSdk.ContainerServiceClient(this.#credential, sub, {
          ...pipelineOptions(this.#ctx, this.#hosts),
          credentials: { scopes: [this.#hosts.scope] },
        }),
    );
  }
  redis(sub: string): RedisManagementClient {
    return this.#get(
      `redis:${sub}`,
      () => new redisSdk.RedisManagementClient(this.#credential, sub, this.#old()),
    );
  }
  sql(sub: string): SqlManagementClient {
    return this.#get(
      `sql:${sub}`,
      () => new sqlSdk.SqlManagementClient(this.#credential, sub, this.#old()),
    );
  }
  mysql(sub: string): MySQLManagementFlexibleServerClient {
    return this.#get(
      `mysql:${sub}`,
      () => new mysqlSdk.MySQLManagementFlexibleServerClient(this.#credential, sub, this.#old()),
    );
  }
  postgres(sub: string): PostgreSQLManagementFlexibleServerClient {
    return this.#get(
      `postgres:${sub}`,
      () =>
        new postgresSdk.PostgreSQLManagementFlexibleServerClient(
          this.#credential,
          sub,
          this.#old(),
        ),
    );
  }
}
