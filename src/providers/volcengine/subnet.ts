import { guardMapper } from '../mapper-guard.js';
import { SubnetSchema } from '../../model/index.js';
import type { MapContext, Subnet } from '../../model/index.js';
import { compact, lookup, refId, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { pagesByToken } from './paging.js';
import { baseFields, defined, nonEmpty, volcOperation, volcTags, zoneRef } from './common.js';
import { NETWORK_STATE, VPC_MAX_RESULTS } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_SUBNETS = volcOperation('vpc', 'DescribeSubnets', true);

/** One subnet; its route table is the one the API names (the VPC's system table when none is bound). */
function mapSubnetUnguarded(raw: wire.Subnet, ctx: MapContext): Subnet {
  const nativeId = raw.SubnetId ?? '';
  return {
    ...baseFields(
      ctx,
      'subnet',
      nativeId,
      nonEmpty(raw.SubnetName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreationTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    ...defined({
      zone_id: zoneRef(ctx, raw.ZoneId),
      route_table_id: refId(ctx, 'route_table', raw.RouteTable?.RouteTableId),
    }),
    cidrs: compact([raw.CidrBlock, raw.Ipv6CidrBlock]),
    state: lookup(NETWORK_STATE, raw.Status, 'unknown'),
  };
}

export const subnetFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'subnet',
  scope: 'regional',
  operations: [DESCRIBE_SUBNETS],
  async *fetch(ctx) {
    const pages = pagesByToken<wire.DescribeSubnets>(
      ctx,
      ctx.session.clients,
      DESCRIBE_SUBNETS,
      ctx.region,
      {},
      VPC_MAX_RESULTS,
    );
    for await (const page of pages) {
      for (const raw of page.Subnets ?? []) {
        if (raw.SubnetId) yield { kind: 'subnet', record: mapSubnet(raw, ctx.map) };
      }
    }
  },
};

/** `mapSubnetUnguarded` behind the hostile-shape guard. */
export const mapSubnet = guardMapper('volcengine subnet', mapSubnetUnguarded, SubnetSchema);
