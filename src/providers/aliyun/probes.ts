/**
 * `deepflow-cloud check` probes: every operation the fetchers declare, called once with the smallest page
 * the API accepts. Per-item operations use a real item of the region when there is one, else a placeholder
 * id: RAM authorises the action before the resource lookup, so the service's not-found answer
 * (`Invalid<Thing>Id.NotFound`) proves the permission.
 */
import { DeepflowCloudError } from '../../errors/errors.js';
import type { Operation, OperationProbe, ProbeContext, ProbeResult } from '../types.js';
import type { AliyunSession, Params } from './client.js';
import { aliyunRequest, aliyunRoaGet } from './client.js';
import { aliyunOperation } from './common.js';
import { listenerGroups } from './load-balancer-v2.js';
import type { AliyunService } from './spec.js';
import type * as wire from './wire.js';

type Ctx = ProbeContext<AliyunSession>;

const PAGE: ProbeResult = { via: 'page' };

/** A made-up id no real resource has. */
const PLACEHOLDER = 'deepflow-cloud-check';

/** Aliyun's not-found answers: `InvalidLoadBalancerId.NotFound`, `InvalidRouteTableId.NotExist`, ... */
export function isNotFoundCode(code: string | undefined): boolean {
  return code !== undefined && /NotFound|NotExist/i.test(code);
}

/** Account-wide products: asked in the default region, without `RegionId`. */
const ACCOUNT_WIDE: ReadonlySet<string> = new Set(['cbn', 'resourcemanager']);

/** The region calls go to: the probed region, or the default region for account-wide products. */
function regionOf(ctx: Ctx, op: Operation): string {
  return ACCOUNT_WIDE.has(op.service) ? ctx.session.defaultRegion : ctx.region;
}

function request<T>(ctx: Ctx, op: Operation, params: Params): Promise<T> {
  const region = regionOf(ctx, op);
  const withRegion = ACCOUNT_WIDE.has(op.service) ? params : { RegionId: region, ...params };
  return aliyunRequest<T>(ctx, ctx.session.clients, op, region, withRegion);
}

/** One smallest page (or the one unpaged call). */
function pageProbe(params: Params): OperationProbe<AliyunSession> {
  return {
    method: 'page',
    run: async (ctx, op) => {
      await request(ctx, op, params);
      return PAGE;
    },
  };
}

/** The list a real item is looked up in, made as that list's own operation. */
const list = (service: AliyunService, action: string): Operation =>
  aliyunOperation(service, action, false);

/**
 * A per-item probe: `lookup` finds a real item (its own failure, e.g. denied, just means "use the
 * placeholder": that operation has its own row); the call is then made with `param` = the id, and a
 * not-found answer proves the permission.
 */
function itemProbe(
  param: string,
  lookup: (ctx: Ctx) => Promise<string | undefined>,
  extra: Params = {},
): OperationProbe<AliyunSession> {
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
        await request(ctx, op, { ...extra, [param]: real ?? PLACEHOLDER });
        return { via: real === undefined ? 'placeholder' : 'item' };
      } catch (e) {
        const code = e instanceof DeepflowCloudError ? e.providerCode : undefined;
        if (
          e instanceof DeepflowCloudError &&
          e.kind === 'provider_error' &&
          isNotFoundCode(code)
        ) {
          return code === undefined ? { via: 'placeholder' } : { via: 'placeholder', code };
        }
        throw e;
      }
    },
  };
}

const firstSecurityGroup = async (ctx: Ctx) =>
  (
    await request<wire.DescribeSecurityGroups>(ctx, list('ecs', 'DescribeSecurityGroups'), {
      PageSize: 1,
    })
  ).SecurityGroups?.SecurityGroup?.[0]?.SecurityGroupId;
const firstRouteTable = async (ctx: Ctx) =>
  (
    await request<wire.DescribeRouteTableList>(ctx, list('vpc', 'DescribeRouteTableList'), {
      PageSize: 1,
    })
  ).RouterTableList?.RouterTableListType?.[0]?.RouteTableId;
const firstNat = async (ctx: Ctx) =>
  (
    await request<wire.DescribeNatGateways>(ctx, list('vpc', 'DescribeNatGateways'), {
      PageSize: 1,
    })
  ).NatGateways?.NatGateway?.[0];
const firstLoadBalancer = async (ctx: Ctx) =>
  (
    await request<wire.DescribeLoadBalancers>(ctx, list('slb', 'DescribeLoadBalancers'), {
      PageSize: 1,
    })
  ).LoadBalancers?.LoadBalancer?.[0]?.LoadBalancerId;
const firstV2LoadBalancer = async (ctx: Ctx) =>
  (
    await request<wire.ListV2LoadBalancers>(ctx, list('alb', 'ListLoadBalancers'), {
      MaxResults: 1,
    })
  ).LoadBalancers?.[0]?.LoadBalancerId;
/** The first server group a listener of the product forwards to. */
const firstServerGroup = (service: 'alb' | 'nlb') => async (ctx: Ctx) => {
  const page = await request<wire.ListV2Listeners>(ctx, list(service, 'ListListeners'), {
    MaxResults: 10,
  });
  return (page.Listeners ?? []).flatMap(listenerGroups)[0];
};
const firstDbInstance = async (ctx: Ctx) =>
  (
    await request<wire.DescribeDBInstances>(ctx, list('rds', 'DescribeDBInstances'), {
      PageSize: 30,
    })
  ).Items?.DBInstance?.[0]?.DBInstanceId;
const firstCen = async (ctx: Ctx) =>
  (await request<wire.DescribeCens>(ctx, list('cbn', 'DescribeCens'), { PageSize: 1 })).Cens
    ?.Cen?.[0]?.CenId;

export const aliyunProbes: Readonly<Record<string, OperationProbe<AliyunSession>>> = {
  'vpc:DescribeZones': pageProbe({ AcceptLanguage: 'zh-CN' }),
  'vpc:DescribeVpcs': pageProbe({ PageSize: 1 }),
  'vpc:DescribeVSwitches': pageProbe({ PageSize: 1 }),
  'ecs:DescribeInstances': pageProbe({ PageSize: 1 }),
  'resourcemanager:ListResources': pageProbe({
    Service: 'ecs',
    ResourceType: 'instance',
    PageSize: 1,
  }),
  'ecs:DescribeNetworkInterfaces': pageProbe({ MaxResults: 10 }),
  'vpc:DescribeEipAddresses': pageProbe({ PageSize: 1 }),
  'ecs:DescribeSecurityGroups': pageProbe({ PageSize: 1 }),
  'ecs:DescribeSecurityGroupAttribute': itemProbe('SecurityGroupId', firstSecurityGroup, {
    Direction: 'all',
  }),
  'vpc:DescribeRouteTableList': pageProbe({ PageSize: 1 }),
  'vpc:DescribeRouteEntryList': itemProbe('RouteTableId', firstRouteTable, { MaxResult: 20 }),
  'vpc:DescribeNatGateways': pageProbe({ PageSize: 1 }),
  'vpc:DescribeSnatTableEntries': itemProbe(
    'SnatTableId',
    async (ctx) => (await firstNat(ctx))?.SnatTableIds?.SnatTableId?.[0],
    { PageSize: 1 },
  ),
  'vpc:DescribeForwardTableEntries': itemProbe(
    'ForwardTableId',
    async (ctx) => (await firstNat(ctx))?.ForwardTableIds?.ForwardTableId?.[0],
    { PageSize: 1 },
  ),
  'slb:DescribeLoadBalancers': pageProbe({ PageSize: 1 }),
  'slb:DescribeLoadBalancerAttribute': itemProbe('LoadBalancerId', firstLoadBalancer),
  'slb:DescribeHealthStatus': itemProbe('LoadBalancerId', firstLoadBalancer),
  'alb:ListLoadBalancers': pageProbe({ MaxResults: 1 }),
  'alb:GetLoadBalancerAttribute': itemProbe('LoadBalancerId', firstV2LoadBalancer),
  'alb:ListListeners': pageProbe({ MaxResults: 1 }),
  'alb:ListServerGroupServers': itemProbe('ServerGroupId', firstServerGroup('alb'), {
    MaxResults: 1,
  }),
  'nlb:ListLoadBalancers': pageProbe({ MaxResults: 1 }),
  'nlb:ListListeners': pageProbe({ MaxResults: 1 }),
  'nlb:ListServerGroupServers': itemProbe('ServerGroupId', firstServerGroup('nlb'), {
    MaxResults: 1,
  }),
  'rds:DescribeDBInstances': pageProbe({ PageSize: 30 }),
  'rds:DescribeDBInstanceNetInfo': itemProbe('DBInstanceId', firstDbInstance),
  'r-kvstore:DescribeInstances': pageProbe({ PageSize: 30 }),
  'vpcpeer:ListVpcPeerConnections': pageProbe({ MaxResults: 1 }),
  'cs:DescribeClustersV1': {
    method: 'page',
    run: async (ctx, op) => {
      await aliyunRoaGet(ctx, ctx.session.clients, op, ctx.region, '/api/v1/clusters', {
        region_id: ctx.region,
        page_number: 1,
        page_size: 1,
      });
      return PAGE;
    },
  },
  'cbn:DescribeCens': pageProbe({ PageSize: 1 }),
  'cbn:DescribeCenAttachedChildInstances': itemProbe('CenId', firstCen, { PageSize: 1 }),
};
