import { guardMapper } from '../mapper-guard.js';
import { SubnetSchema } from '../../model/index.js';
import type { MapContext, Subnet } from '../../model/index.js';
import { compact, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { DESCRIBE_VXNETS, baseFields, defined, nonEmpty, regionVxnets, zoneRef } from './common.js';
import type * as wire from './wire.js';

/** Only vxnets joined to a VPC router are subnets; basic-network vxnets (`vxnet-0`) belong to no VPC. */
export function isListedSubnet(raw: wire.Vxnet): boolean {
  return (
    Boolean(raw.vxnet_id) && nonEmpty(raw.vpc_router_id ?? raw.router?.router_id) !== undefined
  );
}

/** A managed vxnet: VPC = its router, CIDR = the router's `ip_network` for it. */
function mapSubnetUnguarded(raw: wire.Vxnet, ctx: MapContext): Subnet {
  const nativeId = raw.vxnet_id ?? '';
  const router = nonEmpty(raw.vpc_router_id) ?? raw.router?.router_id ?? '';
  return {
    ...baseFields(ctx, 'subnet', nativeId, raw.vxnet_name, raw.tags, raw.create_time),
    vpc_id: resourceId(ctx, 'vpc', router),
    ...defined({ zone_id: zoneRef(ctx, raw.zone_id) }),
    cidrs: compact([raw.router?.ip_network]),
    state: 'available',
  };
}

export const subnetFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'subnet',
  scope: 'regional',
  operations: [DESCRIBE_VXNETS],
  async *fetch(ctx) {
    for (const raw of await regionVxnets(ctx)) {
      if (isListedSubnet(raw)) yield { kind: 'subnet', record: mapSubnet(raw, ctx.map) };
    }
  },
};

/** `mapSubnetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSubnet = guardMapper('qingcloud subnet', mapSubnetUnguarded, SubnetSchema);
