/**
 * `deepflow-cloud check` probes: every operation the fetchers declare, called once with the smallest page
 * the API accepts. Per-item operations use a real item of the region when there is one, else a placeholder
 * id: CAM authorises the action before the resource lookup, so the service's not-found answer proves the
 * permission.
 */
import { DeepflowCloudError } from '../../errors/errors.js';
import type { Operation, OperationProbe, ProbeContext, ProbeResult } from '../types.js';
import type { Params, TencentSession } from './client.js';
import { tencentRequest } from './client.js';
import { tencentOperation } from './common.js';
import type { TencentService } from './spec.js';
import type * as wire from './wire.js';

type Ctx = ProbeContext<TencentSession>;

/** A made-up id no real resource has. */
const PLACEHOLDER = 'deepflow-cloud-check';

/** Tencent's not-found answers: `ResourceNotFound`, `InvalidParameter.LBIdNotFound`, `...NotExist`. */
export function isNotFoundCode(code: string | undefined): boolean {
  return code !== undefined && /NotFound|NotExist/i.test(code);
}

/** CCN is global: asked in the default region. */
function regionOf(ctx: Ctx, op: Operation): string {
  return op.action.includes('Ccn') ? ctx.session.defaultRegion : ctx.region;
}

function request<T>(ctx: Ctx, op: Operation, params: Params): Promise<T> {
  return tencentRequest<T>(ctx, ctx.session.clients, op, regionOf(ctx, op), params);
}

/** One smallest page (VPC lists type Offset/Limit as strings). */
function pageProbe(params: Params = { Offset: 0, Limit: 1 }): OperationProbe<TencentSession> {
  return {
    method: 'page',
    run: async (ctx, op): Promise<ProbeResult> => {
      await request(ctx, op, params);
      return { via: 'page' };
    },
  };
}
const STRING_PAGE: Params = { Offset: '0', Limit: '1' };

/** The list a real item is looked up in, made as that list's own operation. */
const list = (service: TencentService, action: string): Operation =>
  tencentOperation(service, action, false);

/** A per-item probe: a real item if `lookup` finds one, else the placeholder and a not-found answer. */
function itemProbe(
  param: string,
  lookup: (ctx: Ctx) => Promise<string | undefined>,
  wrap: (id: string) => unknown = (id) => id,
): OperationProbe<TencentSession> {
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
        await request(ctx, op, { [param]: wrap(real ?? PLACEHOLDER) });
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
    await request<wire.DescribeSecurityGroups>(
      ctx,
      list('vpc', 'DescribeSecurityGroups'),
      STRING_PAGE,
    )
  ).SecurityGroupSet?.[0]?.SecurityGroupId;
const firstNat = async (ctx: Ctx) =>
  (
    await request<wire.DescribeNatGateways>(ctx, list('vpc', 'DescribeNatGateways'), {
      Offset: 0,
      Limit: 1,
    })
  ).NatGatewaySet?.[0]?.NatGatewayId;
/** The first balancer of a kind (application: Forward 1; classic: Forward 0). */
const firstLoadBalancer = (forward: 0 | 1) => async (ctx: Ctx) =>
  (
    await request<wire.DescribeLoadBalancers>(ctx, list('clb', 'DescribeLoadBalancers'), {
      Forward: forward,
      Offset: 0,
      Limit: 1,
    })
  ).LoadBalancerSet?.find((lb) => lb.Forward === forward)?.LoadBalancerId;
const firstCcn = async (ctx: Ctx) =>
  (await request<wire.DescribeCcns>(ctx, list('vpc', 'DescribeCcns'), { Offset: 0, Limit: 1 }))
    .CcnSet?.[0]?.CcnId;

export const tencentProbes: Readonly<Record<string, OperationProbe<TencentSession>>> = {
  'cvm:DescribeZones': pageProbe({}),
  'cvm:DescribeInstances': pageProbe(),
  'vpc:DescribeVpcs': pageProbe(STRING_PAGE),
  'vpc:DescribeSubnets': pageProbe(STRING_PAGE),
  'vpc:DescribeNetworkInterfaces': pageProbe(),
  'vpc:DescribeAddresses': pageProbe(),
  'vpc:DescribeSecurityGroups': pageProbe(STRING_PAGE),
  'vpc:DescribeSecurityGroupPolicies': itemProbe('SecurityGroupId', firstSecurityGroup),
  'vpc:DescribeRouteTables': pageProbe(STRING_PAGE),
  'vpc:DescribeNatGateways': pageProbe(),
  'vpc:DescribeNatGatewayDestinationIpPortTranslationNatRules': itemProbe(
    'NatGatewayIds',
    firstNat,
    (id) => [id],
  ),
  'clb:DescribeLoadBalancers': pageProbe(),
  'clb:DescribeListeners': itemProbe('LoadBalancerId', firstLoadBalancer(1)),
  'clb:DescribeTargets': itemProbe('LoadBalancerId', firstLoadBalancer(1)),
  'clb:DescribeClassicalLBListeners': itemProbe('LoadBalancerId', firstLoadBalancer(0)),
  'clb:DescribeClassicalLBTargets': itemProbe('LoadBalancerId', firstLoadBalancer(0)),
  'cdb:DescribeDBInstances': pageProbe(),
  'postgres:DescribeDBInstances': pageProbe(),
  'sqlserver:DescribeDBInstances': pageProbe(),
  'redis:DescribeInstances': pageProbe(),
  'vpc:DescribeVpcPeeringConnections': pageProbe(),
  'vpc:DescribeCcns': pageProbe(),
  'vpc:DescribeCcnAttachedInstances': itemProbe('CcnId', firstCcn),
  'tke:DescribeClusters': pageProbe(),
};
