import { guardMapper } from '../mapper-guard.js';
import { SubnetSchema } from '../../model/index.js';
import type { MapContext, Subnet } from '../../model/index.js';
import { compact, lookup, refId, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { listByPageNumber } from './client.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty, zoneRef } from './common.js';
import { NETWORK_STATE, VPC_PAGE_SIZE } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_VSWITCHES = aliyunOperation('vpc', 'DescribeVSwitches', true);

/** A vSwitch is Aliyun's subnet: one zone, one IPv4 CIDR (plus an optional IPv6 one). */
function mapSubnetUnguarded(raw: wire.VSwitch, ctx: MapContext): Subnet {
  const nativeId = raw.VSwitchId ?? '';
  return {
    ...baseFields(
      ctx,
      'subnet',
      nativeId,
      nonEmpty(raw.VSwitchName) ?? nativeId,
      aliyunTags(raw.Tags),
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

/** A vSwitch without a VPC cannot be referenced; the API always sets it, but the mapper must not invent one. */
export function isListedSubnet(raw: wire.VSwitch): boolean {
  return nonEmpty(raw.VSwitchId) !== undefined && nonEmpty(raw.VpcId) !== undefined;
}

export const subnetFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'subnet',
  scope: 'regional',
  operations: [DESCRIBE_VSWITCHES],
  async *fetch(ctx) {
    const items = listByPageNumber<wire.DescribeVSwitches, wire.VSwitch>(
      ctx,
      ctx.session.clients,
      DESCRIBE_VSWITCHES,
      ctx.region,
      { RegionId: ctx.region },
      { pageSize: VPC_PAGE_SIZE, items: (p) => p.VSwitches?.VSwitch, idOf: (v) => v.VSwitchId },
    );
    for await (const raw of items) {
      if (isListedSubnet(raw)) yield { kind: 'subnet', record: mapSubnet(raw, ctx.map) };
    }
  },
};

/** `mapSubnetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSubnet = guardMapper('aliyun subnet', mapSubnetUnguarded, SubnetSchema);
