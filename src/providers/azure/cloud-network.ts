import { guardMapper } from '../mapper-guard.js';
import { CloudNetworkSchema } from '../../model/index.js';
import type { CloudNetwork, CloudNetworkAttachment, MapContext } from '../../model/index.js';
import { resourceIdIn } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { listPages, shared } from './pages.js';
import {
  armId,
  azureOperation,
  azureTags,
  baseFields,
  compact,
  inRegion,
  leafOf,
  locationId,
  nonEmpty,
  provisioningState,
  subscriptionOf,
} from './common.js';
import { LIST_VIRTUAL_NETWORKS, virtualNetworks } from './vpc.js';
import type * as wire from './wire.js';

const LIST_VIRTUAL_HUBS = azureOperation(
  'virtualHubs.list',
  'Microsoft.Network/virtualHubs/read',
  false,
);
/** Per hub: its VNet connections. */
const LIST_HUB_CONNECTIONS = azureOperation(
  'hubVirtualNetworkConnections.list',
  'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections/read',
  false,
);

/** `/subscriptions/<s>/resourceGroups/<rg>/...` → `rg`. */
export function resourceGroupOf(id: string | undefined): string | undefined {
  return /\/resourceGroups\/([^/]+)/i.exec(id ?? '')?.[1];
}

/**
 * A Virtual WAN hub with its VNet connections. Connected VNets may be in other locations: their location
 * comes from the VNet listing (passed in by lower-cased id).
 */
function mapVirtualHubUnguarded(
  raw: wire.VirtualHub,
  connections: readonly wire.HubVirtualNetworkConnection[],
  vnetLocations: ReadonlyMap<string, string>,
  ctx: MapContext,
): CloudNetwork {
  const nativeId = armId(raw.id) ?? '';
  const attachments: CloudNetworkAttachment[] = connections.map((c) => {
    const vnet = armId(c.remoteVirtualNetwork?.id);
    const region = vnet === undefined ? undefined : vnetLocations.get(vnet);
    const account = subscriptionOf(vnet);
    return {
      native_id: armId(c.id) ?? '',
      type: 'vpc',
      ...(vnet === undefined ? {} : { resource_native_id: vnet }),
      ...(region === undefined ? {} : { resource_region: region }),
      ...(account === undefined ? {} : { resource_account_id: account }),
      ...(vnet === undefined || region === undefined
        ? {}
        : { vpc_id: resourceIdIn(ctx, region, 'vpc', vnet) }),
      state: provisioningState(c.provisioningState),
    };
  });
  return {
    ...baseFields(
      ctx,
      'cloud_network',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
    ),
    state: provisioningState(raw.provisioningState),
    vpc_ids: compact(attachments.map((a) => a.vpc_id)),
    attachments,
  };
}

export const cloudNetworkFetcher: ResourceFetcher<AzureSession> = {
  kind: 'cloud_network',
  scope: 'regional',
  operations: [LIST_VIRTUAL_HUBS, LIST_HUB_CONNECTIONS, LIST_VIRTUAL_NETWORKS],
  async *fetch(ctx) {
    const [hubs, vnets] = await Promise.all([
      shared(
        ctx,
        LIST_VIRTUAL_HUBS,
        (sub) => ctx.session.clients.network(sub).virtualHubs.list({ abortSignal: ctx.signal }),
        ctx.session.clients.tokens.network,
      ),
      virtualNetworks(ctx),
    ]);
    const locations = new Map(
      vnets.flatMap((v) =>
        v.id === undefined ? [] : [[v.id.toLowerCase(), locationId(v.location)]],
      ),
    );
    for (const hub of hubs) {
      const sub = subscriptionOf(hub.id);
      const group = resourceGroupOf(hub.id);
      const name = leafOf(hub.id);
      if (!inRegion(hub, ctx.region) || !sub || !group || !name) continue;
      const connections: wire.HubVirtualNetworkConnection[] = [];
      const pages = listPages(
        ctx,
        LIST_HUB_CONNECTIONS,
        ctx.region,
        () =>
          ctx.session.clients
            .network(sub)
            .hubVirtualNetworkConnections.list(group, name, { abortSignal: ctx.signal }),
        ctx.session.clients.tokens.network,
      );
      for await (const page of pages) connections.push(...page);
      yield { kind: 'cloud_network', record: mapVirtualHub(hub, connections, locations, ctx.map) };
    }
  },
};

/** `mapVirtualHubUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVirtualHub = guardMapper(
  'azure virtual hub',
  mapVirtualHubUnguarded,
  CloudNetworkSchema,
);
