import { guardMapper } from '../mapper-guard.js';
import { SubnetSchema } from '../../model/index.js';
import type { MapContext, Subnet } from '../../model/index.js';
import { compact, refId, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import { baseFields, defined, nonEmpty, tencentOperation, tencentTags, zoneRef } from './common.js';
import { VPC_PAGE_SIZE } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_SUBNETS = tencentOperation('vpc', 'DescribeSubnets', true);

/** A subnet with its IPv4 and IPv6 blocks (DeepFlow splits them into two CIDR records; we list both). */
function mapSubnetUnguarded(raw: wire.Subnet, ctx: MapContext): Subnet {
  const nativeId = raw.SubnetId ?? '';
  return {
    ...baseFields(
      ctx,
      'subnet',
      nativeId,
      nonEmpty(raw.SubnetName) ?? nativeId,
      tencentTags(raw.TagSet),
      raw.CreatedTime,
    ),
    vpc_id: resourceId(ctx, 'vpc', raw.VpcId ?? ''),
    ...defined({
      zone_id: zoneRef(ctx, raw.Zone),
      route_table_id: refId(ctx, 'route_table', nonEmpty(raw.RouteTableId)),
    }),
    cidrs: compact([raw.CidrBlock, raw.Ipv6CidrBlock]),
    state: 'available',
  };
}

export const subnetFetcher: ResourceFetcher<TencentSession> = {
  kind: 'subnet',
  scope: 'regional',
  operations: [DESCRIBE_SUBNETS],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeSubnets, wire.Subnet>(
      ctx,
      ctx.session.clients,
      DESCRIBE_SUBNETS,
      ctx.region,
      {},
      {
        pageSize: VPC_PAGE_SIZE,
        asStrings: true,
        items: (p) => p.SubnetSet,
        idOf: (s) => s.SubnetId,
      },
    );
    for await (const raw of items) {
      if (raw.SubnetId && raw.VpcId) yield { kind: 'subnet', record: mapSubnet(raw, ctx.map) };
    }
  },
};

/** `mapSubnetUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapSubnet = guardMapper('tencent subnet', mapSubnetUnguarded, SubnetSchema);
