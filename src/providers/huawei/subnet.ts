import { guardMapper } from '../mapper-guard.js';
import { SubnetSchema } from '../../model/index.js';
import type { MapContext, Subnet } from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, keyValueTags, nonEmpty, zoneRef } from './common.js';
import { NETWORK_STATE, VPC_PAGE_SIZE } from './vpc.js';
import { listByMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_SUBNETS = huaweiOperation('vpc', 'ListSubnets', true, 'vpc:subnets:get');

/**
 * A Huawei subnet (a neutron network) with its IPv4 `cidr` and IPv6 `cidr_v6`. Ports name it as
 * `network_id`, so its `id` is the native id (not `neutron_subnet_id`). Its route table is not on the subnet:
 * route tables list their subnets.
 */
function mapSubnetUnguarded(raw: wire.Subnet, ctx: MapContext): Subnet {
  const nativeId = raw.id ?? '';
  return {
    ...baseFields(
      ctx,
      'subnet',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      keyValueTags(raw.tags),
      raw.created_at,
    ),
    vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)) ?? '',
    ...defined({ zone_id: zoneRef(ctx, raw.availability_zone) }),
    cidrs: compact([raw.cidr, raw.cidr_v6]),
    state: lookup(NETWORK_STATE, raw.status, 'unknown'),
  };
}

export const subnetFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'subnet',
  scope: 'regional',
  operations: [LIST_SUBNETS],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListSubnets, wire.Subnet>(
      ctx,
      LIST_SUBNETS,
      ctx.region,
      '/v1/{project_id}/subnets',
      {},
      { limit: VPC_PAGE_SIZE, items: (p) => p.subnets, idOf: (s) => s.id },
    );
    for await (const raw of items) {
      if (nonEmpty(raw.vpc_id) === undefined) continue;
      yield { kind: 'subnet', record: mapSubnet(raw, ctx.map) };
    }
  },
};

/** `mapSubnetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSubnet = guardMapper('huawei subnet', mapSubnetUnguarded, SubnetSchema);
