import { guardMapper } from '../mapper-guard.js';
import { NatGatewaySchema } from '../../model/index.js';
import type { MapContext, NatGateway } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
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
  parentOf,
  provisioningState,
  ref,
  zoneRef,
} from './common.js';
import { LIST_PUBLIC_IPS, publicIpAddresses } from './public-ip.js';
import type * as wire from './wire.js';

const LIST_NAT_GATEWAYS = azureOperation(
  'natGateways.listAll',
  'Microsoft.Network/natGateways/read',
  false,
);

/** A NAT gateway serves the subnets it is attached to; one attached to none has no VPC and is not listed. */
export function isListedNatGateway(raw: wire.NatGateway): boolean {
  return (raw.subnets ?? []).some((s) => armId(s.id) !== undefined);
}

/**
 * A NAT gateway names its public IP resources by id only: the addresses come from the public IP listing
 * (passed in by lower-cased id). Every subnet attached is translated (one SNAT rule each).
 */
function mapNatGatewayUnguarded(
  raw: wire.NatGateway,
  ipsById: ReadonlyMap<string, string>,
  ctx: MapContext,
): NatGateway {
  const nativeId = armId(raw.id) ?? '';
  const subnets = compact((raw.subnets ?? []).map((s) => armId(s.id)));
  const first = subnets[0];
  const ips = compact((raw.publicIpAddresses ?? []).map((p) => ipsById.get(armId(p.id) ?? '')));
  const zone = zoneRef(ctx, raw.zones?.[0]);
  return {
    ...baseFields(
      ctx,
      'nat_gateway',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
    ),
    vpc_id: ref(ctx, 'vpc', parentOf(first, 'subnets')) ?? '',
    ...(first === undefined ? {} : { subnet_id: ref(ctx, 'subnet', first) }),
    ...(zone === undefined ? {} : { zone_id: zone }),
    state: provisioningState(raw.provisioningState),
    connectivity:
      (raw.publicIpAddresses ?? []).length + (raw.publicIpPrefixes ?? []).length > 0
        ? 'public'
        : 'private',
    public_ips: ips,
    private_ips: [],
    snat_rules: subnets.map((s) => ({
      source_cidr: '0.0.0.0/0',
      source_subnet_id: ref(ctx, 'subnet', s) ?? '',
      public_ips: ips,
    })),
    dnat_rules: [],
  };
}

export const natGatewayFetcher: ResourceFetcher<AzureSession> = {
  kind: 'nat_gateway',
  scope: 'regional',
  operations: [LIST_NAT_GATEWAYS, LIST_PUBLIC_IPS],
  async *fetch(ctx) {
    const [nats, ips] = await Promise.all([
      shared(
        ctx,
        LIST_NAT_GATEWAYS,
        (sub) => ctx.session.clients.network(sub).natGateways.listAll({ abortSignal: ctx.signal }),
        ctx.session.clients.tokens.network,
      ),
      publicIpAddresses(ctx),
    ]);
    const byId = new Map(
      ips.flatMap((p) => (p.id && p.ipAddress ? [[p.id.toLowerCase(), p.ipAddress]] : [])),
    );
    for (const raw of nats) {
      if (inRegion(raw, ctx.region) && isListedNatGateway(raw)) {
        yield { kind: 'nat_gateway', record: mapNatGateway(raw, byId, ctx.map) };
      }
    }
  },
};

/** `mapNatGatewayUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNatGateway = guardMapper(
  'azure nat gateway',
  mapNatGatewayUnguarded,
  NatGatewaySchema,
);
