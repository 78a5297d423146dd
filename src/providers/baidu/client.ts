import { transport } from '../../transport/agents.js';
import type { AccountContext, Operation, RegionInfo } from '../types.js';
import type { BceHttpClient, BceRequestArgs, BceRequestOptions, BceResponse } from './sdk.js';
import { sdk } from './sdk.js';
import type { BaiduService } from './spec.js';

/** The AccessKey pair; held privately by the client and never logged. */
export interface BaiduKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The BCE host of each service code (VPC, subnet, ENI, NAT, route and peering live on the BCC host). */
const HOSTS: Readonly<Record<BaiduService, string>> = {
  bcc: 'bcc',
  vpc: 'bcc',
  eip: 'eip',
  blb: 'blb',
  rds: 'rds',
  scs: 'redis',
  csn: 'csn',
  cce: 'cce',
};

/** Services with one endpoint for every region. */
const CENTRAL: ReadonlySet<BaiduService> = new Set(['csn']);

/**
 * Base URL of a service in a region: `endpoints[service]` with `{region}` substituted when the account
 * overrides it, else `https://<host>.<region>.baidubce.com` (CSN: `https://csn.baidubce.com`). Always https
 * unless an override says otherwise (the SDK's own default is http).
 */
export function endpointFor(
  endpoints: Readonly<Record<string, string>>,
  service: BaiduService,
  region: string,
): string {
  const base = endpoints[service];
  if (base !== undefined) {
    const url = base.replaceAll('{region}', region).replace(/\/+$/, '');
    return /^https?:\/\//.test(url) ? url : `https://${url}`;
  }
  return CENTRAL.has(service)
    ? `https://${HOSTS[service]}.baidubce.com`
    : `https://${HOSTS[service]}.${region}.baidubce.com`;
}

/** Settles with the request, or destroys it and rejects with the signal's reason (timeout, interruption). */
function raceAbort<T>(
  promise: PromiseLike<T>,
  http: BceHttpClient,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      http._req?.destroy();
      reject(signal.reason as Error);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // The SDK rejects with plain objects `{status_code, code, message}`: classified as they are.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passed on unchanged
        reject(err);
      },
    );
  });
}

export interface RequestSpec extends BceRequestArgs {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
}

/**
 * One signed BCE request per call, through `BceBaseClient` (config, endpoint and its `bce-auth-v1` signer) and
 * its `HttpClient`. Its own `sendHTTPRequest` is not used: it re-sends once by itself on `RequestTimeTooSkewed`
 * (our call wrapper is the only retry layer) and gives no handle to abort the request on our timeout.
 */
export class BaiduClient {
  readonly #ctx: AccountContext;
  readonly #keys: BaiduKeys;

  constructor(ctx: AccountContext, keys: BaiduKeys) {
    this.#ctx = ctx;
    this.#keys = keys;
  }

  send<T>(
    service: BaiduService,
    region: string,
    spec: RequestSpec,
    signal: AbortSignal,
  ): Promise<T> {
    const endpoint = endpointFor(this.#ctx.endpoints, service, region);
    const client = new sdk.BceBaseClient(
      {
        endpoint,
        credentials: { ak: this.#keys.accessKeyId, sk: this.#keys.secretAccessKey },
        protocol: endpoint.startsWith('http://') ? 'http' : 'https',
      },
      HOSTS[service],
      true,
    );
    const http = new sdk.HttpClient(client.config);
    const doRequest = http._doRequest.bind(http);
    // Every request through the process's transport (private CA, HTTPS_PROXY / HTTP_PROXY / NO_PROXY; never
    // the SDK's `config.proxy`): TLS verified although the SDK sets `rejectUnauthorized: false` on each request
    // (the transport's agents force it), sockets kept alive (the SDK's `Connection: close` is overridden).
    const agent = transport().agentFor(endpoint);
    http._doRequest = (options: BceRequestOptions, body: unknown, out: unknown) => {
      options.agent = agent;
      return doRequest(options, body, out);
    };
    const sign = client.createSignature as (...args: unknown[]) => unknown;
    const response = http.sendRequest<T>(
      spec.method ?? 'GET',
      spec.path,
      spec.body ?? null,
      { ...spec.headers, Connection: 'keep-alive' },
      spec.params ?? {},
      sign.bind(client),
      null,
    );
    return raceAbort<BceResponse<T>>(response, http, signal).then((r) => r.body);
  }
}

/** What `connect` returns: the client, where regions were asked and the region list. */
export interface BaiduSession {
  readonly defaultRegion: string;
  readonly client: BaiduClient;
  readonly regions: readonly RegionInfo[];
}

/** One request through the scheduler's call wrapper (limits, per-attempt timeout, retries, classification). */
export function baiduRequest<T>(
  ctx: AccountContext & { readonly session: BaiduSession },
  op: Operation,
  region: string,
  spec: RequestSpec,
): Promise<T> {
  return ctx.call(op, region, (signal) =>
    ctx.session.client.send<T>(op.service as BaiduService, region, spec, signal),
  );
}
