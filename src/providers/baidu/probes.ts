/**
 * `deepflow-cloud check` probes: every operation the fetchers declare, called once with the smallest page
 * (`maxKeys=1`). Per-item operations use a real item of the region when there is one, else a placeholder id:
 * BCE checks the IAM permission before it looks the resource up, so a not-found answer proves the permission.
 */
import { DeepflowCloudError } from '../../errors/errors.js';
import type { OperationProbe, ProbeContext, ProbeResult } from '../types.js';
import type { BaiduSession, RequestSpec } from './client.js';
import { baiduRequest } from './client.js';
import { baiduOperation } from './common.js';
import type { BaiduService } from './spec.js';
import type * as wire from './wire.js';

type Ctx = ProbeContext<BaiduSession>;
type Params = Readonly<Record<string, string | number>>;

const PAGE: ProbeResult = { via: 'page' };

/** A made-up id no real resource has. */
const PLACEHOLDER = 'deepflow-cloud-check';

/** BCE's not-found answers: 404, `NoSuchObject`, `ResourceNotFound`, `Blb.NotFound`, ... */
export function isNotFound(err: DeepflowCloudError): boolean {
  return (
    err.kind === 'provider_error' &&
    (err.httpStatus === 404 || /NotFound|NoSuch|NotExist/i.test(err.providerCode ?? ''))
  );
}

function regionOf(ctx: Ctx, service: string): string {
  return service === 'csn' ? ctx.session.defaultRegion : ctx.region;
}

function request<T>(
  ctx: Ctx,
  service: BaiduService,
  action: string,
  spec: RequestSpec,
): Promise<T> {
  const op = baiduOperation(service, action, false);
  return baiduRequest<T>(ctx, op, regionOf(ctx, service), spec);
}

function pageProbe(path: string, params: Params = {}): OperationProbe<BaiduSession> {
  return {
    method: 'page',
    run: async (ctx, op) => {
      await baiduRequest(ctx, op, regionOf(ctx, op.service), {
        path,
        params: { maxKeys: 1, ...params },
      });
      return PAGE;
    },
  };
}

/**
 * A per-item probe: `lookup` finds a real item (its own failure just means "use the placeholder": that list
 * has its own row); `spec` builds the call from the id; a not-found answer proves the permission.
 */
function itemProbe(
  lookup: (ctx: Ctx) => Promise<string | undefined>,
  spec: (id: string) => RequestSpec,
): OperationProbe<BaiduSession> {
  return {
    method: 'item',
    run: async (ctx, op) => {
      let real: string | undefined;
      try {
        real = await lookup(ctx);
      } catch (e) {
        if (!(e instanceof DeepflowCloudError) || e.kind === 'aborted') throw e;
      }
      try {
        await baiduRequest(ctx, op, regionOf(ctx, op.service), spec(real ?? PLACEHOLDER));
        return { via: real === undefined ? 'placeholder' : 'item' };
      } catch (e) {
        if (e instanceof DeepflowCloudError && isNotFound(e)) {
          return e.providerCode === undefined
            ? { via: 'placeholder' }
            : { via: 'placeholder', code: e.providerCode };
        }
        throw e;
      }
    },
  };
}

const one = { maxKeys: 1 };
const firstVpc = async (ctx: Ctx) =>
  (await request<wire.ListVpcs>(ctx, 'vpc', 'ListVpcs', { path: '/v1/vpc', params: one })).vpcs?.[0]
    ?.vpcId;
const firstNat = async (ctx: Ctx) =>
  (await request<wire.ListNats>(ctx, 'vpc', 'ListNatGateways', { path: '/v1/nat', params: one }))
    .nats?.[0]?.id;
const firstBlb = async (ctx: Ctx) =>
  (
    await request<wire.ListBlbs>(ctx, 'blb', 'DescribeLoadBalancers', {
      path: '/v1/blb',
      params: one,
    })
  ).blbList?.[0]?.blbId;
const firstAppBlb = async (ctx: Ctx) =>
  (
    await request<wire.ListBlbs>(ctx, 'blb', 'DescribeAppLoadBalancers', {
      path: '/v1/appblb',
      params: one,
    })
  ).blbList?.[0]?.blbId;
const firstScs = async (ctx: Ctx) =>
  (await request<wire.ListScs>(ctx, 'scs', 'ListInstances', { path: '/v2/instance', params: one }))
    .instances?.[0]?.instanceId;
const firstCsn = async (ctx: Ctx) =>
  (await request<wire.ListCsns>(ctx, 'csn', 'ListCsns', { path: '/v1/csn', params: one })).csns?.[0]
    ?.csnId;

const blb = (id: string) => `/v1/blb/${encodeURIComponent(id)}`;
const appBlb = (id: string) => `/v1/appblb/${encodeURIComponent(id)}`;

export const baiduProbes: Readonly<Record<string, OperationProbe<BaiduSession>>> = {
  'bcc:ListZones': {
    method: 'page',
    run: async (ctx, op) => {
      await baiduRequest(ctx, op, ctx.region, { path: '/v2/zone' });
      return PAGE;
    },
  },
  'vpc:ListVpcs': pageProbe('/v1/vpc'),
  'vpc:ListSubnets': pageProbe('/v1/subnet'),
  'bcc:ListInstances': pageProbe('/v2/instance'),
  'vpc:ListEnis': itemProbe(firstVpc, (id) => ({ path: '/v1/eni', params: { vpcId: id, ...one } })),
  'eip:ListEips': pageProbe('/v1/eip'),
  'bcc:ListSecurityGroups': pageProbe('/v2/securityGroup'),
  'vpc:GetRouteTable': itemProbe(firstVpc, (id) => ({ path: '/v1/route', params: { vpcId: id } })),
  'vpc:ListNatGateways': pageProbe('/v1/nat'),
  'vpc:ListSnatRules': itemProbe(firstNat, (id) => ({
    path: `/v1/nat/${encodeURIComponent(id)}/snatRule`,
    params: one,
  })),
  'blb:DescribeLoadBalancers': pageProbe('/v1/blb'),
  'blb:DescribeAllListeners': itemProbe(firstBlb, (id) => ({
    path: `${blb(id)}/listener`,
    params: one,
  })),
  'blb:DescribeBackendServers': itemProbe(firstBlb, (id) => ({
    path: `${blb(id)}/backendserver`,
    params: one,
  })),
  'blb:DescribeAppLoadBalancers': pageProbe('/v1/appblb'),
  'blb:DescribeAppAllListeners': itemProbe(firstAppBlb, (id) => ({
    path: `${appBlb(id)}/listener`,
    params: one,
  })),
  'blb:DescribeAppPolicys': itemProbe(firstAppBlb, (id) => ({
    path: `${appBlb(id)}/policys`,
    params: { port: 80, type: 'HTTP', ...one },
  })),
  'blb:DescribeBlbRs': itemProbe(firstAppBlb, (id) => ({
    path: `${appBlb(id)}/blbrs`,
    params: { sgId: PLACEHOLDER, ...one },
  })),
  'rds:ListRds': pageProbe('/v1/instance'),
  'scs:ListInstances': pageProbe('/v2/instance'),
  'scs:GetInstanceDetail': itemProbe(firstScs, (id) => ({
    path: `/v2/instance/${encodeURIComponent(id)}`,
  })),
  'vpc:ListPeerConns': pageProbe('/v1/peerconn'),
  'csn:ListCsns': pageProbe('/v1/csn'),
  'cce:ListClusters': {
    method: 'page',
    run: async (ctx, op) => {
      await baiduRequest(ctx, op, ctx.region, {
        path: '/v2/clusters',
        params: { pageNo: 1, pageSize: 1 },
      });
      return PAGE;
    },
  },
  'csn:ListCsnInstances': itemProbe(firstCsn, (id) => ({
    path: `/v1/csn/${encodeURIComponent(id)}/instance`,
    params: one,
  })),
};
