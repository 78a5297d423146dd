/**
 * The Huawei emulator on one port: REST paths per service (each service's own version prefix keeps them apart:
 * RDS v3 `/v3/{p}/instances` vs DCS v2 `/v2/{p}/instances`), the project from the path or `X-Project-Id`,
 * SDK-HMAC-SHA256 verified with the skew, JSON bodies and errors in each service's format.
 */
import type {
  BackendOptions,
  ErrorFault,
  ProviderBackend,
  RawRequest,
  Reply,
  RequestInfo,
  RouteResult,
} from '../harness.js';
import { hash32, hex32 } from '../random.js';
import type { Handler, HuaweiCall } from './call.js';
import { hasPageToken } from './call.js';
import { ECS_HANDLERS } from './compute.js';
import { CCE_HANDLERS, ER_HANDLERS } from './er-cce.js';
import {
  authError,
  BAD_GATEWAY,
  faultError,
  HuaweiApiError,
  JSON_CONTENT_TYPE,
  renderError,
} from './errors.js';
import { EIP_HANDLERS, VPC_HANDLERS } from './network.js';
import { DCS_HANDLERS, ELB_HANDLERS, NAT_HANDLERS, RDS_HANDLERS } from './services.js';
import { projectIdFor } from './shape.js';
import { verifySdkHmac } from './verifier.js';

/** Endpoint service codes served on the one port. */
export const HUAWEI_SERVICES = [
  'iam',
  'ecs',
  'vpc',
  'eip',
  'nat',
  'elb',
  'rds',
  'dcs',
  'er',
  'cce',
] as const;

interface Route {
  readonly service: string;
  readonly op: string;
  /** Group 1 is the project id, when the path has one; named groups are path parameters. */
  readonly path: RegExp;
  readonly handler?: Handler;
}

const P = '([0-9a-f]{32})';

export const ROUTES: readonly Route[] = [
  { service: 'iam', op: 'KeystoneListAuthProjects', path: /^\/v3\/auth\/projects$/ },
  {
    service: 'ecs',
    op: 'NovaListAvailabilityZones',
    path: new RegExp(`^/v2\\.1/${P}/os-availability-zone$`),
  },
  { service: 'ecs', op: 'ListServersDetails', path: new RegExp(`^/v1/${P}/cloudservers/detail$`) },
  { service: 'vpc', op: 'ListVpcs', path: new RegExp(`^/v3/${P}/vpc/vpcs$`) },
  { service: 'vpc', op: 'ListSubnets', path: new RegExp(`^/v1/${P}/subnets$`) },
  { service: 'vpc', op: 'ListPorts', path: new RegExp(`^/v1/${P}/ports$`) },
  { service: 'vpc', op: 'ListSecurityGroups', path: new RegExp(`^/v1/${P}/security-groups$`) },
  { service: 'vpc', op: 'ListRouteTables', path: new RegExp(`^/v1/${P}/routetables$`) },
  {
    service: 'vpc',
    op: 'ShowRouteTable',
    path: new RegExp(`^/v1/${P}/routetables/(?<routetable_id>[^/]+)$`),
  },
  { service: 'vpc', op: 'ListVpcPeerings', path: /^\/v2\.0\/vpc\/peerings$/ },
  { service: 'eip', op: 'ListPublicips', path: new RegExp(`^/v3/${P}/eip/publicips$`) },
  { service: 'nat', op: 'ListNatGateways', path: new RegExp(`^/v2/${P}/nat_gateways$`) },
  { service: 'nat', op: 'ListNatGatewaySnatRules', path: new RegExp(`^/v2/${P}/snat_rules$`) },
  { service: 'nat', op: 'ListNatGatewayDnatRules', path: new RegExp(`^/v2/${P}/dnat_rules$`) },
  { service: 'elb', op: 'ListLoadBalancers', path: new RegExp(`^/v3/${P}/elb/loadbalancers$`) },
  { service: 'elb', op: 'ListListeners', path: new RegExp(`^/v3/${P}/elb/listeners$`) },
  {
    service: 'elb',
    op: 'ListMembers',
    path: new RegExp(`^/v3/${P}/elb/pools/(?<pool_id>[^/]+)/members$`),
  },
  { service: 'rds', op: 'ListInstances', path: new RegExp(`^/v3/${P}/instances$`) },
  { service: 'dcs', op: 'ListInstances', path: new RegExp(`^/v2/${P}/instances$`) },
  {
    service: 'er',
    op: 'ListEnterpriseRouters',
    path: new RegExp(`^/v3/${P}/enterprise-router/instances$`),
  },
  {
    service: 'er',
    op: 'ListAttachments',
    path: new RegExp(`^/v3/${P}/enterprise-router/(?<er_id>[^/]+)/attachments$`),
  },
  { service: 'cce', op: 'ListClusters', path: new RegExp(`^/api/v3/projects/${P}/clusters$`) },
];

const HANDLERS: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  ecs: ECS_HANDLERS,
  vpc: VPC_HANDLERS,
  eip: EIP_HANDLERS,
  nat: NAT_HANDLERS,
  elb: ELB_HANDLERS,
  rds: RDS_HANDLERS,
  dcs: DCS_HANDLERS,
  er: ER_HANDLERS,
  cce: CCE_HANDLERS,
};

/** A sub-project of the first region, which the adapter uses only when `project_id` names it. */
export const SUB_PROJECT_SUFFIX = '_deepflow';

export function createHuaweiBackend(opts: BackendOptions): ProviderBackend {
  const { world, clock } = opts;
  const byProject = new Map<string, string>();
  const projects: Record<string, unknown>[] = [];
  // The IAM domain (account) id: 32 hex digits.
  const domainId = [1, 2, 3, 4].map((k) => hex32(hash32(world.seed, 'huawei-domain', k))).join('');
  for (const r of world.regions) {
    const id = projectIdFor(world.seed, r.id);
    byProject.set(id, r.id);
    projects.push({ id, name: r.id, enabled: r.enabled, domain_id: domainId, is_domain: false });
  }
  const first = world.regions[0];
  if (first !== undefined) {
    const id = projectIdFor(world.seed, `${first.id}${SUB_PROJECT_SUFFIX}`);
    byProject.set(id, first.id);
    const name = `${first.id}${SUB_PROJECT_SUFFIX}`;
    projects.push({ id, name, enabled: true, domain_id: domainId, is_domain: false });
  }
  projects.push({
    id: projectIdFor(world.seed, 'MOS'),
    name: 'MOS',
    enabled: true,
    domain_id: domainId,
  });

  let counter = 0;
  const nextRequestId = (): string => {
    const n = counter++;
    return [1, 2, 3, 4].map((k) => hex32(hash32(world.seed, 'huawei-request', n, k))).join('');
  };
  const reject = (info: RequestInfo, err: HuaweiApiError): RouteResult => ({
    kind: 'rejected',
    info,
    reply: renderError(err, info.service, nextRequestId()),
  });

  const route = (raw: RawRequest): RouteResult => {
    const params: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(raw.query)) params[k] = v;
    const path = raw.path.length > 1 ? raw.path.replace(/\/+$/, '') : raw.path;
    let matched: { route: Route; m: RegExpExecArray } | undefined;
    for (const r of ROUTES) {
      const m = r.path.exec(path);
      if (m !== null) {
        matched = { route: r, m };
        break;
      }
    }
    const headerProject = raw.headers['x-project-id'] ?? '';
    const projectId = matched?.m[1] ?? headerProject;
    const region = byProject.get(projectId) ?? '';
    const info: RequestInfo = {
      service: matched?.route.service ?? '',
      op: matched?.route.op ?? '',
      region: matched?.route.service === 'iam' ? '' : region,
      params,
    };
    const verified = verifySdkHmac(raw, {
      now: clock.now(),
      lookup: (ak) =>
        ak === opts.credentials.accessKeyId ? opts.credentials.secretAccessKey : undefined,
    });
    if (!verified.ok) {
      const why: Record<typeof verified.reason, string> = {
        missing: 'no Authorization header',
        malformed: 'malformed Authorization or X-Sdk-Date',
        unknown_key: 'the access key does not exist',
        expired: 'the request is expired (X-Sdk-Date skew)',
        mismatch: 'verify aksk signature fail',
      };
      return reject(info, authError(why[verified.reason]));
    }
    if (matched === undefined) {
      return reject(
        info,
        new HuaweiApiError(
          404,
          'APIGW.0101',
          'The API does not exist or has not been published in the environment',
          'gateway',
        ),
      );
    }
    if (matched.route.service !== 'iam') {
      if (region === '' || (headerProject !== '' && headerProject !== projectId)) {
        return reject(info, authError('the project does not match the access key'));
      }
      const r = world.regions.find((x) => x.id === region);
      if (r?.enabled !== true)
        return reject(info, faultError('region_disabled', info.service, info.op));
    }
    const { service, op } = matched.route;
    const groups = matched.m.groups ?? {};
    const pathParams = Object.fromEntries(
      Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]),
    );
    return {
      kind: 'routed',
      request: {
        ...info,
        hasPageToken: hasPageToken(params, op),
        respond: ({ repeatToken }): Reply => {
          const requestId = nextRequestId();
          try {
            let body: Record<string, unknown>;
            if (service === 'iam') {
              body = {
                projects,
                links: { self: 'https://iam.myhuaweicloud.com/v3/auth/projects' },
              };
            } else {
              const handler = HANDLERS[service]?.[op];
              if (handler === undefined)
                throw new HuaweiApiError(404, 'APIGW.0101', 'no such API', 'gateway');
              const call: HuaweiCall = {
                service,
                op,
                region,
                projectId,
                params,
                pathParams,
                world,
                res: world.resources(region),
                pageLimit: opts.pageLimit,
                repeatToken,
                projectOf: (reg) => projectIdFor(world.seed, reg),
              };
              body = handler(call);
            }
            return {
              status: 200,
              headers: { 'content-type': JSON_CONTENT_TYPE, 'x-request-id': requestId },
              body: JSON.stringify(body),
            };
          } catch (err) {
            if (err instanceof HuaweiApiError) return renderError(err, service, requestId);
            throw err;
          }
        },
      },
    };
  };

  return {
    provider: 'huawei',
    route,
    renderFault: (kind: ErrorFault, info: RequestInfo): Reply =>
      kind === 'bad_gateway'
        ? BAD_GATEWAY
        : renderError(faultError(kind, info.service, info.op), info.service, nextRequestId()),
    malformed: (): Reply => ({
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: '{"count":3,"servers":[{"id":"2b0c3a5e-',
    }),
  };
}
