/**
 * The Tencent Cloud emulator on one port: API 3.0 (POST JSON to `/`), routed on the `Host` the SDK signs
 * (`cvm.tencentcloudapi.com`, reached through an agent that dials this port) or else on the credential
 * scope's service, plus `X-TC-Action`/`X-TC-Version`/`X-TC-Region`; verifies TC3-HMAC-SHA256 and the
 * timestamp skew; answers unknown or disabled regions with `UnsupportedRegion`; every error comes inside
 * HTTP 200 as `Response.Error`.
 */
import type { Clock } from '../../transport/clock.js';
import type {
  EmulatorCredentials,
  ErrorFault,
  ProviderBackend,
  RawRequest,
  Reply,
  RequestInfo,
  RouteResult,
} from '../harness.js';
import { hash32, hex32 } from '../random.js';
import type { World } from '../world-types-services.js';
import { asksLaterPage, type Handler, type TencentCall } from './call.js';
import { CLB_ACTIONS, CLB_VERSION } from './clb.js';
import { CVM_ACTIONS, CVM_VERSION } from './cvm.js';
import {
  BAD_GATEWAY,
  JSON_CONTENT_TYPE,
  TencentApiError,
  UNAVAILABLE,
  faultError,
  renderError,
  verifyError,
} from './errors.js';
import {
  CDB_ACTIONS,
  CDB_VERSION,
  POSTGRES_ACTIONS,
  POSTGRES_VERSION,
  REDIS_ACTIONS,
  REDIS_VERSION,
  SQLSERVER_ACTIONS,
  SQLSERVER_VERSION,
  TKE_ACTIONS,
  TKE_VERSION,
} from './services.js';
import { verifyTc3 } from './verifier.js';
import { VPC_ACTIONS, VPC_GLOBAL, VPC_VERSION } from './vpc.js';

interface Product {
  readonly version: string;
  readonly actions: Readonly<Record<string, Handler>>;
  /** Actions answered whatever the region (global products, the region list). */
  readonly global: ReadonlySet<string>;
}

export const TENCENT_PRODUCTS: Readonly<Record<string, Product>> = {
  cvm: { version: CVM_VERSION, actions: CVM_ACTIONS, global: new Set(['DescribeRegions']) },
  vpc: { version: VPC_VERSION, actions: VPC_ACTIONS, global: VPC_GLOBAL },
  clb: { version: CLB_VERSION, actions: CLB_ACTIONS, global: new Set() },
  cdb: { version: CDB_VERSION, actions: CDB_ACTIONS, global: new Set() },
  postgres: { version: POSTGRES_VERSION, actions: POSTGRES_ACTIONS, global: new Set() },
  sqlserver: { version: SQLSERVER_VERSION, actions: SQLSERVER_ACTIONS, global: new Set() },
  redis: { version: REDIS_VERSION, actions: REDIS_ACTIONS, global: new Set() },
  tke: { version: TKE_VERSION, actions: TKE_ACTIONS, global: new Set() },
};

/** Endpoint service codes served on the one port. */
export const TENCENT_SERVICES = Object.keys(TENCENT_PRODUCTS);

/** `cvm.tencentcloudapi.com` / `cvm.ap-shanghai-fsi.tencentcloudapi.com` → `cvm`. */
function serviceFromHost(host: string | undefined): string | undefined {
  const m = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)?tencentcloudapi\.com(?::\d+)?$/i.exec(host ?? '');
  const s = m?.[1]?.toLowerCase();
  return s !== undefined && Object.hasOwn(TENCENT_PRODUCTS, s) ? s : undefined;
}

/** The body's parameters as strings, for the request record. */
function recorded(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

export interface TencentBackendOptions {
  readonly world: World;
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  readonly pageLimit?: number;
}

export function createTencentBackend(opts: TencentBackendOptions): ProviderBackend {
  const { world, clock } = opts;
  let counter = 0;
  const nextRequestId = (): string => {
    const n = counter++;
    const [a = '', b = '', c = '', d = ''] = [1, 2, 3, 4].map((k) =>
      hex32(hash32(world.seed, 'tencent-request', n, k)),
    );
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  };
  const reject = (info: RequestInfo, err: TencentApiError): RouteResult => ({
    kind: 'rejected',
    info,
    reply: renderError(err, nextRequestId()),
  });

  const route = (raw: RawRequest): RouteResult => {
    let params: Record<string, unknown> = {};
    let parsed = true;
    try {
      const body: unknown = raw.body.length === 0 ? {} : JSON.parse(raw.body.toString('utf8'));
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
        params = body as Record<string, unknown>;
      } else parsed = false;
    } catch {
      parsed = false;
    }
    const op = raw.headers['x-tc-action'] ?? '';
    const version = raw.headers['x-tc-version'] ?? '';
    const region = raw.headers['x-tc-region'] ?? '';
    const hostService = serviceFromHost(raw.headers['host']);
    const info: RequestInfo = { service: hostService ?? '', op, region, params: recorded(params) };

    const verified = verifyTc3(raw, {
      now: clock.now(),
      lookup: (id) =>
        id === opts.credentials.accessKeyId ? opts.credentials.secretAccessKey : undefined,
    });
    if (!verified.ok) return reject(info, verifyError(verified.reason, verified.detail));
    const service = hostService ?? verified.service;
    const routedInfo: RequestInfo = { ...info, service };
    if (verified.service !== service) {
      return reject(routedInfo, verifyError('bad_signature', 'credential scope'));
    }
    if (raw.method !== 'POST' || !parsed) {
      return reject(
        routedInfo,
        new TencentApiError(
          'InvalidParameter',
          'The request body must be a JSON object sent by POST.',
        ),
      );
    }
    const product = TENCENT_PRODUCTS[service];
    if (product === undefined) {
      return reject(
        routedInfo,
        new TencentApiError('InvalidAction', `The service \`${service}\` does not exist.`),
      );
    }
    if (version !== product.version) {
      return reject(
        routedInfo,
        new TencentApiError('NoSuchVersion', `The API version \`${version}\` does not exist.`),
      );
    }
    const handler = Object.hasOwn(product.actions, op) ? product.actions[op] : undefined;
    if (handler === undefined) {
      return reject(
        routedInfo,
        new TencentApiError('InvalidAction', `The action \`${op}\` does not exist.`),
      );
    }
    if (!product.global.has(op)) {
      if (region === '') {
        return reject(
          routedInfo,
          new TencentApiError(
            'MissingParameter',
            'The request is missing a required parameter `Region`.',
          ),
        );
      }
      if (world.regions.find((r) => r.id === region)?.enabled !== true) {
        return reject(routedInfo, faultError('region_disabled', op));
      }
    }

    return {
      kind: 'routed',
      request: {
        ...routedInfo,
        hasPageToken: asksLaterPage(params),
        respond: ({ repeatToken }): Reply => {
          const requestId = nextRequestId();
          const call: TencentCall = {
            service,
            action: op,
            region,
            params,
            world,
            res: world.resources(region),
            pageLimit: opts.pageLimit,
            repeatToken,
          };
          try {
            return {
              status: 200,
              headers: { 'content-type': JSON_CONTENT_TYPE, 'x-tc-requestid': requestId },
              body: JSON.stringify({ Response: { ...handler(call), RequestId: requestId } }),
            };
          } catch (err) {
            if (err instanceof TencentApiError) return renderError(err, requestId);
            throw err;
          }
        },
      },
    };
  };

  return {
    provider: 'tencent',
    route,
    renderFault: (kind: ErrorFault, info: RequestInfo): Reply => {
      if (kind === 'bad_gateway') return BAD_GATEWAY;
      if (kind === 'unavailable') return UNAVAILABLE;
      return renderError(faultError(kind, info.op), nextRequestId());
    },
    malformed: (): Reply => ({
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: '{"Response":{"TotalCount":1,"InstanceSet":[{"InstanceId":',
    }),
  };
}
