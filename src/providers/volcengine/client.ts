import { createRequire } from 'node:module';
import type ServiceModule from '@volcengine/openapi/lib/base/service.js';
import { transport } from '../../transport/agents.js';
import type { AccountContext, Operation, RegionInfo } from '../types.js';
import { API_VERSIONS, JSON_SERVICES } from './common.js';
import type { VolcengineService } from './spec.js';

type ServiceClass = typeof ServiceModule.default;
type VolcService = InstanceType<ServiceClass>;

/** The SDK's generic `Service`, loaded as the CommonJS module it is (the same under Node and vitest). */
const requireCjs = createRequire(import.meta.url);
const Service = (requireCjs('@volcengine/openapi/lib/base/service.js') as { default: ServiceClass })
  .default;

/**
 * The SDK, and the follow-redirects its axios uses, log every request with its headers (the signed
 * Authorization included) through `debug` when `DEBUG` names them: both namespaces are switched off,
 * whatever else `DEBUG` enables.
 */
function silenceSdkLogging(): void {
  const sdkRequire = createRequire(import.meta.resolve('@volcengine/openapi/lib/base/fetch.js'));
  const debug = sdkRequire('debug') as { disable(): string; enable(ns: string): void };
  const enabled = debug.disable();
  if (enabled !== '') debug.enable(`${enabled},-@volcengine/openapi:*,-follow-redirects`);
}
silenceSdkLogging();

/** What the SDK's request functions take as their second argument: our params plus axios (0.21) config. */
type RequestConfig = NonNullable<Parameters<ReturnType<VolcService['createAPI']>>[1]>;
type Adapter = NonNullable<RequestConfig['adapter']>;

/**
 * The SDK's own axios (0.21) http adapter with axios' proxy handling off. The SDK sets `proxy` on every
 * request (from VOLC_PROXY_HOST/PORT, else `undefined`, which makes axios read HTTPS_PROXY itself and rewrite
 * the request for a plain HTTP proxy); our agents already route through the proxy, so axios never may. This
 * also means VOLC_PROXY_HOST/PORT have no effect.
 */
const sdkHttpAdapter = createRequire(import.meta.resolve('@volcengine/openapi/lib/base/fetch.js'))(
  'axios/lib/adapters/http',
) as Adapter;
const withoutAxiosProxy: Adapter = (config) => sdkHttpAdapter({ ...config, proxy: false });

/** The AccessKey pair; held privately by the clients and never logged. */
export interface VolcKeys {
  readonly accessKeyId: string;
  readonly secretKey: string;
}

/** The public endpoint of every service: one host, routed on the signed service and `Action`. */
export const DEFAULT_ENDPOINT = 'https://open.volcengineapi.com';

/** Base URL of a service in a region: `endpoints[service]` with `{region}` substituted, else the public host. */
export function endpointFor(
  endpoints: Readonly<Record<string, string>>,
  service: VolcengineService,
  region: string,
): URL {
  return new URL((endpoints[service] ?? DEFAULT_ENDPOINT).replaceAll('{region}', region));
}

/** An error the API returned in `ResponseMetadata.Error` (the SDK resolves, it never throws these). */
export class VolcApiError extends Error {
  override readonly name = 'VolcApiError';
  readonly code: string;
  readonly requestId: string | undefined;
  readonly status: number | undefined;

  constructor(code: string, message: string, requestId?: string, status?: number) {
    super(message);
    this.code = code;
    this.requestId = requestId;
    this.status = status;
  }
}

/** A body that is not the OpenAPI envelope (not JSON, or JSON without `ResponseMetadata`). */
export class VolcResponseError extends Error {
  override readonly name = 'VolcResponseError';
  /** The status of a gateway's HTML error page, when the body is one. */
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

interface Envelope {
  readonly ResponseMetadata?: {
    readonly RequestId?: string;
    readonly Error?: { readonly Code?: string; readonly Message?: string } | null;
  };
  readonly Result?: unknown;
}

/** The `Result` of a response, or the typed error its `ResponseMetadata.Error` (or its shape) says. */
export function unwrap(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) {
    const text = typeof body === 'string' ? body.slice(0, 512) : '';
    const gateway = /<title>\s*(5\d\d)\b/i.exec(text);
    const status = gateway?.[1] === undefined ? undefined : Number(gateway[1]);
    throw new VolcResponseError(
      status === undefined
        ? 'response body is not JSON'
        : `HTTP ${status} from a gateway (HTML error page)`,
      status,
    );
  }
  const env = body as Envelope;
  const meta = env.ResponseMetadata;
  if (typeof meta !== 'object') {
    throw new VolcResponseError('response has no ResponseMetadata');
  }
  const err = meta.Error;
  if (err !== undefined && err !== null) {
    // `CodeN` is Volcengine's numeric code, not the HTTP status (which the SDK does not pass on).
    const code = typeof err.Code === 'string' && err.Code !== '' ? err.Code : 'UnknownError';
    throw new VolcApiError(code, err.Message ?? '', meta.RequestId);
  }
  return env.Result ?? {};
}

/** One SDK `Service` per (service, region), created on first use; credentials only from our config. */
export class VolcClients {
  readonly #ctx: AccountContext;
  readonly #keys: VolcKeys;
  readonly #services = new Map<string, VolcService>();

  constructor(ctx: AccountContext, keys: VolcKeys) {
    this.#ctx = ctx;
    this.#keys = keys;
  }

  service(service: VolcengineService, region: string): VolcService {
    const key = `${service}|${region}`;
    const hit = this.#services.get(key);
    if (hit !== undefined) return hit;
    const url = endpointFor(this.#ctx.endpoints, service, region);
    // Every option is given, so nothing the SDK read from VOLC_* or ~/.volc/config at import is used.
    const created = new Service({
      serviceName: service,
      defaultVersion: API_VERSIONS[service],
      region,
      host: url.host,
      protocol: url.protocol,
      accessKeyId: this.#keys.accessKeyId,
      secretKey: this.#keys.secretKey,
    });
    this.#services.set(key, created);
    return created;
  }
}

/** What `connect` returns: the client factory and the region list DescribeRegions gave. */
export interface VolcengineSession {
  readonly defaultRegion: string;
  readonly clients: VolcClients;
  readonly regions: readonly RegionInfo[];
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

/** Request parameters (query of a GET, or the JSON body of a database/VKE POST). */
export type Params = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/**
 * One request through the scheduler's call wrapper (limits, per-attempt timeout, our retries, counts,
 * classification). The SDK resolves with API errors instead of throwing them: `unwrap` checks
 * `ResponseMetadata.Error` on every response. Its axios has no signal support, so the signal is raced and
 * axios' own timeout set to ours.
 */
export function volcRequest<T>(
  ctx: AccountContext,
  clients: VolcClients,
  op: Operation,
  region: string,
  params: Params,
): Promise<T> {
  const service = op.service as VolcengineService;
  const svc = clients.service(service, region);
  // The process's transport: private CA, HTTPS_PROXY / HTTP_PROXY / NO_PROXY (src/transport/agents.ts).
  const agent = transport().agentFor(endpointFor(ctx.endpoints, service, region).href);
  const Version = API_VERSIONS[service];
  const api = JSON_SERVICES.has(service)
    ? svc.createJSONAPI(op.action, { Version })
    : svc.createAPI<Record<string, unknown>, unknown>(op.action, { Version, method: 'GET' });
  return ctx.call(op, region, async (signal) => {
    const body: unknown = await raceAbort(
      api(
        { ...params },
        {
          Action: op.action,
          timeout: ctx.requestTimeoutMs,
          httpAgent: agent,
          httpsAgent: agent,
          adapter: withoutAxiosProxy,
        },
      ),
      signal,
    );
    return unwrap(body) as T;
  });
}
