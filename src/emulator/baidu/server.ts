/**
 * The Baidu emulator on one port: BCE REST, one path prefix per service and region (`/bcc/bj`, `/vpc/gz`,
 * `/blb/su`, ..., `/csn` for the global CSN) since paths collide across services (`/v1/instance` is BCC's and
 * RDS's). The SDK sends the prefix but does not sign it: it is stripped before the `bce-auth-v1` signature,
 * its timestamp and the AccessKey are verified. Marker paging, errors as `{code, message, requestId}`.
 */
import type {
  ErrorFault,
  ProviderBackend,
  RawRequest,
  Reply,
  RequestInfo,
  RouteResult,
  BackendOptions,
} from '../harness.js';
import { hash32, hex32 } from '../random.js';
import { BLB_ROUTES } from './blb.js';
import type { BaiduCall, Handler } from './call.js';
import { CCE_ROUTES } from './cce.js';
import { BCC_ROUTES } from './compute.js';
import { CSN_ROUTES, RDS_ROUTES, SCS_ROUTES } from './data.js';
import {
  BAD_GATEWAY,
  BceApiError,
  faultError,
  JSON_CONTENT_TYPE,
  renderError,
  verifyError,
} from './errors.js';
import { EIP_ROUTES, VPC_ROUTES } from './network.js';
import { verifyBceV1 } from './verifier.js';

interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly op: string;
}

const SEG = '([^/]+)';
const r = (method: Route['method'], path: string, op: string): Route => ({
  method,
  pattern: new RegExp(`^${path.replaceAll('{id}', SEG)}/?$`),
  op,
});

/** Per service: its routes (path after the prefix → operation) and its handlers. */
const SERVICES: Readonly<
  Record<string, { routes: readonly Route[]; handlers: Readonly<Record<string, Handler>> }>
> = {
  bcc: {
    routes: [
      r('POST', '/v2/region/describeRegions', 'DescribeRegions'),
      r('GET', '/v2/zone', 'ListZones'),
      r('GET', '/v2/instance', 'ListInstances'),
      r('GET', '/v2/securityGroup', 'ListSecurityGroups'),
    ],
    handlers: BCC_ROUTES,
  },
  vpc: {
    routes: [
      r('GET', '/v1/vpc', 'ListVpcs'),
      r('GET', '/v1/subnet', 'ListSubnets'),
      r('GET', '/v1/eni', 'ListEnis'),
      r('GET', '/v1/route', 'GetRouteTable'),
      r('GET', '/v1/nat', 'ListNatGateways'),
      r('GET', '/v1/nat/{id}/snatRule', 'ListSnatRules'),
      r('GET', '/v1/peerconn', 'ListPeerConns'),
    ],
    handlers: VPC_ROUTES,
  },
  eip: { routes: [r('GET', '/v1/eip', 'ListEips')], handlers: EIP_ROUTES },
  blb: {
    routes: [
      r('GET', '/v1/blb', 'DescribeLoadBalancers'),
      r('GET', '/v1/blb/{id}/listener', 'DescribeAllListeners'),
      r('GET', '/v1/blb/{id}/backendserver', 'DescribeBackendServers'),
      r('GET', '/v1/appblb', 'DescribeAppLoadBalancers'),
      r('GET', '/v1/appblb/{id}/listener', 'DescribeAppAllListeners'),
      r('GET', '/v1/appblb/{id}/policys', 'DescribeAppPolicys'),
      r('GET', '/v1/appblb/{id}/blbrs', 'DescribeBlbRs'),
    ],
    handlers: BLB_ROUTES,
  },
  rds: { routes: [r('GET', '/v1/instance', 'ListRds')], handlers: RDS_ROUTES },
  scs: {
    routes: [
      r('GET', '/v2/instance', 'ListInstances'),
      r('GET', '/v2/instance/{id}', 'GetInstanceDetail'),
    ],
    handlers: SCS_ROUTES,
  },
  csn: {
    routes: [
      r('GET', '/v1/csn', 'ListCsns'),
      r('GET', '/v1/csn/{id}/instance', 'ListCsnInstances'),
    ],
    handlers: CSN_ROUTES,
  },
  cce: { routes: [r('GET', '/v2/clusters', 'ListClusters')], handlers: CCE_ROUTES },
};

/** Services with one endpoint for every region. */
const GLOBAL_SERVICES: ReadonlySet<string> = new Set(['csn']);

export const BAIDU_SERVICES = Object.keys(SERVICES);

/** `/<service>/{region}` (the client substitutes `{region}`), `/csn` for CSN. */
export const BAIDU_SERVICE_PATHS: Readonly<Record<string, string>> = Object.fromEntries(
  BAIDU_SERVICES.map((s) => [s, GLOBAL_SERVICES.has(s) ? `/${s}` : `/${s}/{region}`]),
);

/** Query parameters that are never recorded. */
const SECRET_PARAMS = new Set(['authorization']);

/** Splits `/<service>[/<region>]/<rest>`. */
function splitPath(path: string): { service: string; region: string; rest: string } {
  const parts = path.split('/');
  const service = parts[1] ?? '';
  const n = GLOBAL_SERVICES.has(service) ? 2 : 3;
  return {
    service,
    region: GLOBAL_SERVICES.has(service) ? '' : decodeURIComponent(parts[2] ?? ''),
    rest: `/${parts.slice(n).join('/')}`,
  };
}

export function createBaiduBackend(opts: BackendOptions): ProviderBackend {
  const { world, clock } = opts;
  let counter = 0;
  const nextRequestId = (): string => {
    const n = counter++;
    const [a = '', b = '', c = '', d = ''] = [1, 2, 3, 4].map((k) =>
      hex32(hash32(world.seed, 'baidu-request', n, k)),
    );
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  };
  const reject = (info: RequestInfo, err: BceApiError): RouteResult => ({
    kind: 'rejected',
    info,
    reply: renderError(err, nextRequestId()),
  });

  const route = (raw: RawRequest): RouteResult => {
    const { service, region, rest } = splitPath(raw.path);
    const params: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(raw.query)) {
      if (!SECRET_PARAMS.has(k.toLowerCase())) params[k] = v;
    }
    const svc = Object.hasOwn(SERVICES, service) ? SERVICES[service] : undefined;
    let op = '';
    let ids: string[] = [];
    for (const candidate of svc?.routes ?? []) {
      const m = candidate.method === raw.method ? candidate.pattern.exec(rest) : null;
      if (m !== null) {
        op = candidate.op;
        ids = m.slice(1).map((s) => decodeURIComponent(s));
        break;
      }
    }
    const info: RequestInfo = { service, op, region, params };

    const verified = verifyBceV1(
      { method: raw.method, path: rest, query: raw.query, headers: raw.headers },
      {
        now: clock.now(),
        lookup: (id) =>
          id === opts.credentials.accessKeyId ? opts.credentials.secretAccessKey : undefined,
      },
    );
    if (!verified.ok) return reject(info, verifyError(verified.reason, verified.detail));

    const handler = svc !== undefined && op !== '' ? svc.handlers[op] : undefined;
    if (handler === undefined) {
      return reject(
        info,
        new BceApiError(404, 'NoSuchObject', `No such API: ${raw.method} ${rest}.`),
      );
    }
    if (!GLOBAL_SERVICES.has(service)) {
      const known = world.regions.find((x) => x.id === region);
      if (known?.enabled !== true) return reject(info, faultError('region_disabled'));
    }

    return {
      kind: 'routed',
      request: {
        ...info,
        hasPageToken: (params['marker'] ?? '') !== '' || Number(params['pageNo'] ?? '1') > 1,
        respond: ({ repeatToken }): Reply => {
          const requestId = nextRequestId();
          const call: BaiduCall = {
            service,
            op,
            region,
            ids,
            params,
            world,
            res: world.resources(region),
            pageLimit: opts.pageLimit,
            repeatToken,
          };
          try {
            return {
              status: 200,
              headers: { 'content-type': JSON_CONTENT_TYPE, 'x-bce-request-id': requestId },
              body: JSON.stringify(handler(call)),
            };
          } catch (err) {
            if (err instanceof BceApiError) return renderError(err, requestId);
            throw err;
          }
        },
      },
    };
  };

  return {
    provider: 'baidu',
    route,
    renderFault: (kind: ErrorFault): Reply => {
      if (kind === 'bad_gateway') return BAD_GATEWAY;
      return renderError(faultError(kind), nextRequestId());
    },
    malformed: (): Reply => ({
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: '{"marker":"","isTruncated":false,"instances":[{"id":',
    }),
  };
}
