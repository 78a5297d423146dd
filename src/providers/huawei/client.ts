/**
 * The Huawei SDK behind one door: clients per (service, region, project) built with the SDK's builders
 * (`EcsClient`, `VpcClient`, the core `ClientBuilder` for services without a package), every request signed by
 * the SDK (SDK-HMAC-SHA256) and sent through `hcClient.sendRequest` with our per-attempt signal and timeout.
 * The SDK neither retries throttling nor times out (axios timeout 0); our call wrapper does both.
 */
import { createRequire } from 'node:module';
import type * as HuaweiCore from '@huaweicloud/huaweicloud-sdk-core';
import type * as HuaweiBuilder from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import type { HcClient, HttpRequestOptions } from '@huaweicloud/huaweicloud-sdk-core/HcClient.js';
import type * as HuaweiUserOptions from '@huaweicloud/huaweicloud-sdk-core/UserOptions.js';
import type * as HuaweiEcs from '@huaweicloud/huaweicloud-sdk-ecs/v2/EcsClient.js';
import type * as HuaweiVpc from '@huaweicloud/huaweicloud-sdk-vpc/v2/VpcClient.js';
import { transport } from '../../transport/agents.js';
import { requireSdk } from '../require-sdk.js';
import type { AccountContext, Operation, RegionInfo } from '../types.js';
import type { HuaweiService } from './spec.js';

// Loaded with require (../require-sdk.ts), before the logging below is silenced.
const { BasicCredentials } = requireSdk('@huaweicloud/huaweicloud-sdk-core') as typeof HuaweiCore;
const { ClientBuilder } = requireSdk(
  '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js',
) as typeof HuaweiBuilder;
const { UserOptions } = requireSdk(
  '@huaweicloud/huaweicloud-sdk-core/UserOptions.js',
) as typeof HuaweiUserOptions;
const { EcsClient } = requireSdk(
  '@huaweicloud/huaweicloud-sdk-ecs/v2/EcsClient.js',
) as typeof HuaweiEcs;
const { VpcClient } = requireSdk(
  '@huaweicloud/huaweicloud-sdk-vpc/v2/VpcClient.js',
) as typeof HuaweiVpc;

/**
 * At import the SDK core configures log4js with a stdout appender at debug level, and every failed request is
 * then logged with its axios config, Authorization header included. Reconfigure the very log4js instance the
 * core uses (resolved from the core's own location) to log nothing, to stderr: stdout carries data only, and
 * no signature or AK may reach any output.
 */
export function silenceSdkLogging(): void {
  const here = createRequire(import.meta.url);
  const core = createRequire(here.resolve('@huaweicloud/huaweicloud-sdk-core'));
  const log4js = core('log4js') as { configure(config: unknown): unknown };
  log4js.configure({
    appenders: { err: { type: 'stderr' } },
    categories: { default: { appenders: ['err'], level: 'off' } },
  });
}
silenceSdkLogging();

/** The AK/SK pair; held privately by the clients and never logged. */
export interface HuaweiKeys {
  readonly ak: string;
  readonly sk: string;
}

/**
 * Base URL of a service in a region: `endpoints[service]` with `{region}` substituted when the account
 * overrides it (emulator, Huawei Cloud Stack), else `https://iam.myhuaweicloud.com` for IAM and
 * `https://<service>.<region>.myhuaweicloud.com` for the regional services.
 */
export function endpointFor(
  endpoints: Readonly<Record<string, string>>,
  service: HuaweiService,
  region: string,
): string {
  const base = endpoints[service];
  if (base !== undefined) return base.replaceAll('{region}', region);
  return service === 'iam'
    ? 'https://iam.myhuaweicloud.com'
    : `https://${service}.${region}.myhuaweicloud.com`;
}

/** The signed-request door every SDK client has (`client.hcClient`), typed. */
interface WithHcClient {
  readonly hcClient: HcClient;
}

/** One HcClient per (service, region, project), created on first use. */
export class HuaweiClients {
  readonly #ctx: AccountContext;
  readonly #keys: HuaweiKeys;
  readonly #clients = new Map<string, HcClient>();

  constructor(ctx: AccountContext, keys: HuaweiKeys) {
    this.#ctx = ctx;
    this.#keys = keys;
  }

  client(service: HuaweiService, region: string, projectId: string | undefined): HcClient {
    const key = `${service}|${region}|${projectId ?? ''}`;
    const hit = this.#clients.get(key);
    if (hit !== undefined) return hit;
    const credential = new BasicCredentials().withAk(this.#keys.ak).withSk(this.#keys.sk);
    // With a project id the SDK fills `{project_id}` and signs `X-Project-Id`; never `withRegion`, which
    // would replace the endpoint and ask IAM for the project itself.
    if (projectId !== undefined) credential.withProjectId(projectId);
    const endpoint = endpointFor(this.#ctx.endpoints, service, region);
    const options = new UserOptions();
    options.axiosRequestConfig = { timeout: this.#ctx.requestTimeoutMs };
    let hc: HcClient;
    if (service === 'ecs') {
      const c = EcsClient.newBuilder()
        .withCredential(credential)
        .withEndpoint(endpoint)
        .withOptions(options)
        .build();
      hc = (c as unknown as WithHcClient).hcClient;
    } else if (service === 'vpc') {
      const c = VpcClient.newBuilder()
        .withCredential(credential)
        .withEndpoint(endpoint)
        .withOptions(options)
        .build();
      hc = (c as unknown as WithHcClient).hcClient;
    } else {
      hc = new ClientBuilder<HcClient>((h) => h)
        .withCredential(credential)
        .withEndpoint(endpoint)
        .withOptions(options)
        .build();
    }
    this.#clients.set(key, hc);
    return hc;
  }
}

/** A project that is a region: its id, for `{project_id}` in every regional path. */
export interface HuaweiSession {
  readonly clients: HuaweiClients;
  readonly regions: readonly RegionInfo[];
  /** Region id → IAM project id. */
  readonly projects: ReadonlyMap<string, string>;
  /** IAM project id → region id (peerings name the other side by its project, `tenant_id`). */
  readonly regionOfProject: ReadonlyMap<string, string>;
}

/** What a request needs: the account context (call wrapper, endpoints, timeout) and the session. */
export interface RequestContext extends AccountContext {
  readonly session: HuaweiSession;
}

export type Query = Readonly<Record<string, string | number | undefined>>;

/** The project of a region, as known since `connect`. */
export function projectOf(session: HuaweiSession, region: string): string | undefined {
  return session.projects.get(region);
}

/**
 * One signed GET through the scheduler's call wrapper (limits, per-attempt timeout, retries, counts,
 * classification). `path` may hold `{project_id}`. The attempt's signal aborts the axios request; a body that
 * does not parse as JSON fails the call (axios would otherwise pass it on as a string, and the SDK turn that
 * into an empty object: an empty list).
 */
export function huaweiRequest<T>(
  ctx: RequestContext,
  op: Operation,
  region: string,
  path: string,
  query: Query = {},
): Promise<T> {
  const projectId = op.service === 'iam' ? undefined : projectOf(ctx.session, region);
  const service = op.service as HuaweiService;
  const hc = ctx.session.clients.client(service, region, projectId);
  // The process's transport: private CA, HTTPS_PROXY / HTTP_PROXY / NO_PROXY (src/transport/agents.ts).
  const agent = transport().agentFor(endpointFor(ctx.endpoints, service, region));
  const queryParams: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined) queryParams[k] = String(v);
  return ctx.call(op, region, async (signal) => {
    const options: HttpRequestOptions & { axiosRequestConfig: Record<string, unknown> } = {
      method: 'GET',
      url: path,
      contentType: 'application/json',
      queryParams,
      pathParams: projectId === undefined ? {} : { project_id: projectId },
      headers: {},
      axiosRequestConfig: {
        signal,
        timeout: ctx.requestTimeoutMs,
        httpAgent: agent,
        httpsAgent: agent,
        // Never axios' own proxy handling (HTTPS_PROXY read again, request rewritten): the agent routes.
        proxy: false,
        // Strict parsing needs both: axios throws on a bad JSON body only when JSON was asked for.
        responseType: 'json',
        transitional: { silentJSONParsing: false, forcedJSONParsing: true },
      },
    };
    try {
      return await hc.sendRequest<T & { httpStatusCode?: number }>(options);
    } catch (e) {
      // axios reports an aborted attempt as "canceled"; the signal's reason says timeout or interruption.
      if (signal.aborted) throw signal.reason as Error;
      throw e;
    }
  });
}
