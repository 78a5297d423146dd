import { guardMapper } from '../mapper-guard.js';
import { SubnetSchema } from '../../model/index.js';
import type { MapContext, Subnet } from '../../model/index.js';
import { compact, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import { baiduOperation, baiduTags, baseFields, defined, nonEmpty, zoneRef } from './common.js';
import type * as wire from './wire.js';

const LIST_SUBNETS = baiduOperation('vpc', 'ListSubnets', true);

function mapSubnetUnguarded(raw: wire.Subnet, ctx: MapContext): Subnet {
  const nativeId = raw.subnetId ?? '';
  return {
    ...baseFields(
      ctx,
      'subnet',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      baiduTags(raw.tags),
      raw.createdTime,
    ),
    vpc_id: refId(ctx, 'vpc', raw.vpcId) ?? '',
    ...defined({ zone_id: zoneRef(ctx, raw.zoneName) }),
    cidrs: compact([raw.cidr, raw.ipv6Cidr]),
    state: 'available',
  };
}

export const subnetFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'subnet',
  scope: 'regional',
  operations: [LIST_SUBNETS],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListSubnets, wire.Subnet>(
      ctx,
      LIST_SUBNETS,
      ctx.region,
      '/v1/subnet',
      {},
      (p) => p.subnets,
    );
    for await (const raw of items) yield { kind: 'subnet', record: mapSubnet(raw, ctx.map) };
  },
};

/** `mapSubnetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSubnet = guardMapper('baidu subnet', mapSubnetUnguarded, SubnetSchema);
