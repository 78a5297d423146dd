/**
 * `deepflow-cloud check` probes: every list operation the fetchers declare, called once with the smallest
 * page. The per-item operations (ShowRouteTable, ListMembers, ER ListAttachments) have none: `check` runs their fetcher.
 */
import type { Operation, OperationProbe, ProbeResult } from '../types.js';
import type { HuaweiSession, Query } from './client.js';
import { huaweiRequest } from './client.js';

const PAGE: ProbeResult = { via: 'page' };

function pageProbe(path: string, query: Query = { limit: 1 }): OperationProbe<HuaweiSession> {
  return {
    method: 'page',
    run: async (ctx, op: Operation) => {
      await huaweiRequest(ctx, op, ctx.region, path, query);
      return PAGE;
    },
  };
}

export const huaweiProbes: Readonly<Record<string, OperationProbe<HuaweiSession>>> = {
  'ecs:NovaListAvailabilityZones': pageProbe('/v2.1/{project_id}/os-availability-zone', {}),
  'vpc:ListVpcs': pageProbe('/v3/{project_id}/vpc/vpcs'),
  'vpc:ListSubnets': pageProbe('/v1/{project_id}/subnets'),
  'ecs:ListServersDetails': pageProbe('/v1/{project_id}/cloudservers/detail', {
    limit: 1,
    offset: 1,
  }),
  'vpc:ListPorts': pageProbe('/v1/{project_id}/ports'),
  'eip:ListPublicips': pageProbe('/v3/{project_id}/eip/publicips'),
  'vpc:ListSecurityGroups': pageProbe('/v1/{project_id}/security-groups'),
  'vpc:ListRouteTables': pageProbe('/v1/{project_id}/routetables'),
  'nat:ListNatGateways': pageProbe('/v2/{project_id}/nat_gateways'),
  'nat:ListNatGatewaySnatRules': pageProbe('/v2/{project_id}/snat_rules'),
  'nat:ListNatGatewayDnatRules': pageProbe('/v2/{project_id}/dnat_rules'),
  'elb:ListLoadBalancers': pageProbe('/v3/{project_id}/elb/loadbalancers'),
  'elb:ListListeners': pageProbe('/v3/{project_id}/elb/listeners'),
  'rds:ListInstances': pageProbe('/v3/{project_id}/instances', { limit: 1, offset: 0 }),
  'dcs:ListInstances': pageProbe('/v2/{project_id}/instances', { limit: 1, offset: 0 }),
  'vpc:ListVpcPeerings': pageProbe('/v2.0/vpc/peerings'),
  'er:ListEnterpriseRouters': pageProbe('/v3/{project_id}/enterprise-router/instances'),
  'cce:ListClusters': pageProbe('/api/v3/projects/{project_id}/clusters', {}),
};
