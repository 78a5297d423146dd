import { guardMapper } from '../mapper-guard.js';
import { SubnetSchema } from '../../model/index.js';
import type { MapContext, Subnet } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import {
  armId,
  baseFields,
  compact,
  inRegion,
  nonEmpty,
  provisioningState,
  ref,
} from './common.js';
import { LIST_VIRTUAL_NETWORKS, virtualNetworks } from './vpc.js';
import type * as wire from './wire.js';

/** A subnet of a VNet (ARM embeds them in the VNet listing). Subnets are regional: no zone. */
function mapSubnetUnguarded(raw: wire.Subnet, vnetId: string, ctx: MapContext): Subnet {
  const nativeId = armId(raw.id) ?? '';
  const route = ref(ctx, 'route_table', raw.routeTable?.id);
  return {
    ...baseFields(ctx, 'subnet', nativeId, nonEmpty(raw.name) ?? nativeId, {}),
    vpc_id: ref(ctx, 'vpc', vnetId) ?? '',
    cidrs: compact([raw.addressPrefix, ...(raw.addressPrefixes ?? [])]),
    ...(route === undefined ? {} : { route_table_id: route }),
    state: provisioningState(raw.provisioningState),
  };
}

export const subnetFetcher: ResourceFetcher<AzureSession> = {
  kind: 'subnet',
  scope: 'regional',
  operations: [LIST_VIRTUAL_NETWORKS],
  async *fetch(ctx) {
    for (const vnet of await virtualNetworks(ctx)) {
      if (!inRegion(vnet, ctx.region) || vnet.id === undefined) continue;
      for (const raw of vnet.subnets ?? []) {
        yield { kind: 'subnet', record: mapSubnet(raw, vnet.id, ctx.map) };
      }
    }
  },
};

/** `mapSubnetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapSubnet = guardMapper('azure subnet', mapSubnetUnguarded, SubnetSchema);
