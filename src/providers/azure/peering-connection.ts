import { guardMapper } from '../mapper-guard.js';
import { PeeringConnectionSchema } from '../../model/index.js';
import type { Availability, MapContext, PeeringConnection } from '../../model/index.js';
import { resourceIdIn } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import {
  armId,
  baseFields,
  inRegion,
  locationId,
  lookup,
  nonEmpty,
  ref,
  subscriptionOf,
} from './common.js';
import { LIST_VIRTUAL_NETWORKS, virtualNetworks } from './vpc.js';
import type * as wire from './wire.js';

const PEERING_STATE: Readonly<Record<string, Availability>> = {
  Connected: 'available',
  Initiated: 'pending',
  Disconnected: 'error',
};

/**
 * One side of a VNet peering (ARM lists a peering resource on each VNet). A peering does not name the remote
 * VNet's location: it comes from the VNet listing (passed in by lower-cased id), `unknown` when the remote
 * VNet is in a subscription the account does not see.
 */
function mapPeeringUnguarded(
  raw: wire.VirtualNetworkPeering,
  localVnetId: string,
  vnetLocations: ReadonlyMap<string, string>,
  ctx: MapContext,
): PeeringConnection {
  const nativeId = armId(raw.id) ?? '';
  const local = armId(localVnetId) ?? '';
  const remote = armId(raw.remoteVirtualNetwork?.id) ?? '';
  const remoteRegion = vnetLocations.get(remote);
  const localAccount = subscriptionOf(local);
  const remoteAccount = subscriptionOf(remote);
  return {
    ...baseFields(ctx, 'peering_connection', nativeId, nonEmpty(raw.name) ?? nativeId, {}),
    state: lookup(PEERING_STATE, raw.peeringState, 'unknown'),
    local_vpc_native_id: local,
    local_region: ctx.region,
    ...(localAccount === undefined ? {} : { local_account_id: localAccount }),
    remote_vpc_native_id: remote,
    remote_region: remoteRegion ?? 'unknown',
    ...(remoteAccount === undefined ? {} : { remote_account_id: remoteAccount }),
    local_vpc_id: ref(ctx, 'vpc', local) ?? '',
    ...(remoteRegion === undefined || remote === ''
      ? {}
      : { remote_vpc_id: resourceIdIn(ctx, remoteRegion, 'vpc', remote) }),
  };
}

export const peeringConnectionFetcher: ResourceFetcher<AzureSession> = {
  kind: 'peering_connection',
  scope: 'regional',
  operations: [LIST_VIRTUAL_NETWORKS],
  async *fetch(ctx) {
    const vnets = await virtualNetworks(ctx);
    const locations = new Map(
      vnets.flatMap((v) =>
        v.id === undefined ? [] : [[v.id.toLowerCase(), locationId(v.location)]],
      ),
    );
    for (const vnet of vnets) {
      if (!inRegion(vnet, ctx.region) || vnet.id === undefined) continue;
      for (const p of vnet.virtualNetworkPeerings ?? []) {
        yield { kind: 'peering_connection', record: mapPeering(p, vnet.id, locations, ctx.map) };
      }
    }
  },
};

/** `mapPeeringUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapPeering = guardMapper(
  'azure peering',
  mapPeeringUnguarded,
  PeeringConnectionSchema,
);
