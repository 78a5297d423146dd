/**
 * The Aliyun emulator on one port: RPC (POST form or GET query), routed on the endpoint path prefix (`/ecs`,
 * `/vpc`, `/slb`, `/alb`, `/nlb`, `/rds`, `/r-kvstore`, `/cbn`, `/resourcemanager`, `/vpcpeer`, `/sts`, optionally under `/aliyun`) or else on
 * `x-acs-version`/`Version` (+ `x-acs-action`/`Action`); verifies the RPC v1 signature, the timestamp skew
 * and nonce reuse; answers unknown or disabled regions with `InvalidRegionId`; renders JSON.
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
import { ALB_ACTIONS, ALB_VERSION, NLB_ACTIONS, NLB_VERSION } from './alb-nlb.js';
import { PageTokens, type AliyunCall, type Handler } from './call.js';
import { ECS_ACTIONS, ECS_VERSION } from './ecs.js';
import {
  AliyunApiError,
  BAD_GATEWAY,
  faultError,
  JSON_CONTENT_TYPE,
  renderError,
  verifyError,
} from './errors.js';
import {
  CBN_ACTIONS,
  CBN_VERSION,
  KVSTORE_ACTIONS,
  KVSTORE_VERSION,
  RDS_ACTIONS,
  RDS_VERSION,
  RM_ACTIONS,
  RM_VERSION,
  SLB_ACTIONS,
  SLB_VERSION,
  STS_ACTIONS,
  STS_VERSION,
} from './services.js';
import { CS_ROUTES, CS_VERSION } from './cs.js';
import { verifyRoa } from './roa.js';
import { verifyRpcV1 } from './verifier.js';
import { VPC_ACTIONS, VPC_VERSION } from './vpc.js';
import { VPCPEER_ACTIONS, VPCPEER_VERSION } from './vpcpeer.js';

interface Product {
  readonly version: string;
  readonly actions: Readonly<Record<string, Handler>>;
  /** Actions that need no RegionId (global APIs, region listing). */
  readonly global: ReadonlySet<string>;
}

export const ALIYUN_PRODUCTS: Readonly<Record<string, Product>> = {
  ecs: { version: ECS_VERSION, actions: ECS_ACTIONS, global: new Set(['DescribeRegions']) },
  vpc: { version: VPC_VERSION, actions: VPC_ACTIONS, global: new Set() },
  slb: { version: SLB_VERSION, actions: SLB_ACTIONS, global: new Set() },
  alb: { version: ALB_VERSION, actions: ALB_ACTIONS, global: new Set() },
  nlb: { version: NLB_VERSION, actions: NLB_ACTIONS, global: new Set() },
  rds: { version: RDS_VERSION, actions: RDS_ACTIONS, global: new Set() },
  'r-kvstore': { version: KVSTORE_VERSION, actions: KVSTORE_ACTIONS, global: new Set() },
  cbn: {
    version: CBN_VERSION,
    actions: CBN_ACTIONS,
    global: new Set(['DescribeCens', 'DescribeCenAttachedChildInstances']),
  },
  resourcemanager: { version: RM_VERSION, actions: RM_ACTIONS, global: new Set(['ListResources']) },
  vpcpeer: { version: VPCPEER_VERSION, actions: VPCPEER_ACTIONS, global: new Set() },
  sts: { version: STS_VERSION, actions: STS_ACTIONS, global: new Set(['GetCallerIdentity']) },
};

/** Endpoint service codes served on the one port (each at `<url>/<code>`); `cs` (ACK) is ROA. */
export const ALIYUN_SERVICES = [...Object.keys(ALIYUN_PRODUCTS), 'cs'];

export const ALIYUN_SERVICE_PATHS: Readonly<Record<string, string>> = Object.fromEntries(
  ALIYUN_SERVICES.map((s) => [s, `/${s}`]),
);

const BY_VERSION = new Map(Object.entries(ALIYUN_PRODUCTS).map(([k, p]) => [p.version, k]));

/** Params that are never recorded. */
const SECRET_PARAMS = new Set(['Signature', 'SecurityToken']);

function productFromPath(path: string): string | undefined {
  const segments = path.split('/').filter((s) => s !== '');
  const first = segments[0] === 'aliyun' ? segments[1] : segments[0];
  return first !== undefined && (Object.hasOwn(ALIYUN_PRODUCTS, first) || first === 'cs')
    ? first
    : undefined;
}

/** The ROA resource path: the request path without the endpoint's `/cs` (or `/aliyun/cs`) prefix. */
function roaResource(path: string): string {
  return path.replace(/^(\/aliyun)?\/cs(?=\/|$)/, '') || '/';
}

export interface AliyunBackendOptions {
  readonly world: World;
  readonly credentials: EmulatorCredentials;
  readonly clock: Clock;
  readonly pageLimit?: number;
  /** DescribeInstances without `ResourceGroupId` lists nothing (a RAM user scoped to resource groups). */
  readonly resourceGroupScoped?: boolean;
}

export function createAliyunBackend(opts: AliyunBackendOptions): ProviderBackend {
  const { world, clock } = opts;
  const tokens = new PageTokens(world.seed);
  const nonces = new Set<string>();
  let counter = 0;
  const nextRequestId = (): string => {
    const n = counter++;
    const [a = '', b = '', c = '', d = ''] = [1, 2, 3, 4].map((k) =>
      hex32(hash32(world.seed, 'aliyun-request', n, k)).toUpperCase(),
    );
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  };
  const host = (info: RequestInfo): string =>
    info.region === ''
      ? `${info.service}.aliyuncs.com`
      : `${info.service}.${info.region}.aliyuncs.com`;
  const reject = (info: RequestInfo, err: AliyunApiError): RouteResult => ({
    kind: 'rejected',
    info,
    reply: renderError(err, nextRequestId(), host(info)),
  });

  /** A ROA request (ACK): routed on method + path, signed headers verified. */
  const routeRoa = (raw: RawRequest): RouteResult => {
    const query: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(raw.query)) query[k] = v;
    const resource = roaResource(raw.path);
    const target = CS_ROUTES[`${raw.method.toUpperCase()} ${resource}`];
    const info: RequestInfo = {
      service: 'cs',
      op: target?.action ?? resource,
      region: query['region_id'] ?? '',
      params: query,
    };
    const verified = verifyRoa(raw.method, resource, query, raw.headers, {
      now: clock.now(),
      lookup: (id) =>
        id === opts.credentials.accessKeyId ? opts.credentials.secretAccessKey : undefined,
      nonces,
    });
    if (!verified.ok) return reject(info, verifyError(verified.reason, verified.detail));
    if (raw.headers['x-acs-version'] !== CS_VERSION) {
      return reject(
        info,
        new AliyunApiError(400, 'InvalidVersion', `Specified version is not valid.`),
      );
    }
    if (target === undefined) {
      return reject(info, new AliyunApiError(404, 'InvalidAction.NotFound', 'Not found.'));
    }
    if (info.region !== '' && world.regions.find((r) => r.id === info.region)?.enabled !== true) {
      return reject(info, faultError('region_disabled', info.op));
    }
    return {
      kind: 'routed',
      request: {
        ...info,
        hasPageToken: Number(query['page_number'] ?? '1') > 1,
        respond: ({ repeatToken }): Reply => {
          const requestId = nextRequestId();
          const call: AliyunCall = {
            product: 'cs',
            action: info.op,
            region: info.region,
            params: query,
            world,
            res: world.resources(info.region),
            requestId,
            pageLimit: opts.pageLimit,
            tokens,
            repeatToken,
          };
          try {
            return {
              status: 200,
              headers: { 'content-type': JSON_CONTENT_TYPE, 'x-acs-request-id': requestId },
              body: JSON.stringify(target.handler(call)),
            };
          } catch (err) {
            if (err instanceof AliyunApiError) return renderError(err, requestId, host(info));
            throw err;
          }
        },
      },
    };
  };

  const route = (raw: RawRequest): RouteResult => {
    if (productFromPath(raw.path) === 'cs') return routeRoa(raw);
    const params: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(raw.query)) params[k] = v;
    const isForm = (raw.headers['content-type'] ?? '').startsWith(
      'application/x-www-form-urlencoded',
    );
    if (isForm) {
      for (const [k, v] of new URLSearchParams(raw.body.toString('utf8'))) params[k] = v;
    }
    const version = params['Version'] ?? raw.headers['x-acs-version'] ?? '';
    const service = productFromPath(raw.path) ?? BY_VERSION.get(version) ?? '';
    const op = params['Action'] ?? raw.headers['x-acs-action'] ?? '';
    const recorded = Object.fromEntries(
      Object.entries(params).filter(([k]) => !SECRET_PARAMS.has(k)),
    );
    const info: RequestInfo = {
      service,
      op,
      region: params['RegionId'] ?? '',
      params: recorded,
    };

    const verified = verifyRpcV1(raw.method, params, {
      now: clock.now(),
      lookup: (id) =>
        id === opts.credentials.accessKeyId ? opts.credentials.secretAccessKey : undefined,
      nonces,
    });
    if (!verified.ok) return reject(info, verifyError(verified.reason, verified.detail));

    const product = ALIYUN_PRODUCTS[service];
    if (product === undefined) {
      return reject(
        info,
        new AliyunApiError(
          404,
          'InvalidProduct.NotFound',
          'Cannot find product according to your domain.',
        ),
      );
    }
    if (version !== product.version) {
      return reject(
        info,
        new AliyunApiError(
          400,
          'InvalidVersion',
          `Specified parameter Version (${version}) is not valid.`,
        ),
      );
    }
    const handler = Object.hasOwn(product.actions, op) ? product.actions[op] : undefined;
    if (handler === undefined) {
      return reject(
        info,
        new AliyunApiError(
          404,
          'InvalidAction.NotFound',
          'Specified api is not found, please check your url and method.',
        ),
      );
    }
    const isGlobal = product.global.has(op);
    if (info.region === '' && !isGlobal) {
      return reject(
        info,
        new AliyunApiError(400, 'MissingRegionId', 'RegionId is mandatory for this action.'),
      );
    }
    if (info.region !== '') {
      const region = world.regions.find((r) => r.id === info.region);
      if (region?.enabled !== true) return reject(info, faultError('region_disabled', op));
    }

    const pageNumber = Number(params['PageNumber'] ?? '1');
    const nextToken = params['NextToken'] ?? '';
    const run = handler;
    return {
      kind: 'routed',
      request: {
        ...info,
        hasPageToken: nextToken !== '' || (Number.isInteger(pageNumber) && pageNumber > 1),
        respond: ({ repeatToken }): Reply => {
          const requestId = nextRequestId();
          const call: AliyunCall = {
            product: service,
            action: op,
            region: info.region,
            params,
            world,
            res: world.resources(info.region),
            requestId,
            pageLimit: opts.pageLimit,
            resourceGroupScoped: opts.resourceGroupScoped === true,
            tokens,
            repeatToken,
          };
          try {
            return {
              status: 200,
              headers: { 'content-type': JSON_CONTENT_TYPE, 'x-acs-request-id': requestId },
              body: JSON.stringify({ RequestId: requestId, ...run(call) }),
            };
          } catch (err) {
            if (err instanceof AliyunApiError) return renderError(err, requestId, host(info));
            throw err;
          }
        },
      },
    };
  };

  return {
    provider: 'aliyun',
    route,
    renderFault: (kind: ErrorFault, info: RequestInfo): Reply => {
      if (kind === 'bad_gateway') return BAD_GATEWAY;
      return renderError(faultError(kind, info.op), nextRequestId(), host(info));
    },
    malformed: (): Reply => ({
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: '{"RequestId":"5E5C8C1A-0000","TotalCount":1,"Instances":{"Instance":[{"InstanceId":',
    }),
  };
}
