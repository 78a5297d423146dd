import { guardMapper } from '../mapper-guard.js';
import { VpcSchema } from '../../model/index.js';
import type { MapContext, Vpc } from '../../model/index.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { shared } from './pages.js';
import {
  armId,
  azureOperation,
  azureTags,
  baseFields,
  compact,
  inRegion,
  nonEmpty,
  provisioningState,
} from './common.js';
import type * as wire from './wire.js';

export const LIST_VIRTUAL_NETWORKS = azureOperation(
  'virtualNetworks.listAll',
  'Microsoft.Network/virtualNetworks/read',
  true,
);

/** Every VNet of the account (one listing per subscription, shared by every region's task). */
export function virtualNetworks(ctx: FetchContext<AzureSession>): Promise<wire.VirtualNetwork[]> {
  return shared(
    ctx,
    LIST_VIRTUAL_NETWORKS,
    (sub) => ctx.session.clients.network(sub).virtualNetworks.listAll({ abortSignal: ctx.signal }),
    ctx.session.clients.tokens.network,
  );
}

function mapVpcUnguarded(raw: wire.VirtualNetwork, ctx: MapContext): Vpc {
  const nativeId = armId(raw.id) ?? '';
  return {
    ...baseFields(ctx, 'vpc', nativeId, nonEmpty(raw.name) ?? nativeId, azureTags(raw.tags)),
    cidrs: compact(raw.addressSpace?.addressPrefixes ?? []),
    // Azure has no default VNet.
    is_default: false,
    state: provisioningState(raw.provisioningState),
  };
}

export const vpcFetcher: ResourceFetcher<AzureSession> = {
  kind: 'vpc',
  scope: 'regional',
  operations: [LIST_VIRTUAL_NETWORKS],
  async *fetch(ctx) {
    for (const raw of await virtualNetworks(ctx)) {
      if (inRegion(raw, ctx.region)) yield { kind: 'vpc', record: mapVpc(raw, ctx.map) };
    }
  },
};

/** `mapVpcUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVpc = guardMapper('azure vpc', mapVpcUnguarded, VpcSchema);
