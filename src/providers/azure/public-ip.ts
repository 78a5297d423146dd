import { guardMapper } from '../mapper-guard.js';
import { PublicIpSchema } from '../../model/index.js';
import type { DeviceKind, MapContext, PublicIp } from '../../model/index.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { shared } from './pages.js';
import {
  armId,
  azureOperation,
  azureTags,
  baseFields,
  inRegion,
  nonEmpty,
  parentOf,
  ref,
} from './common.js';
import type { IpConfigInfo } from './network-interface.js';
import { ipConfigIndex, LIST_NETWORK_INTERFACES, networkInterfaces } from './network-interface.js';
import type * as wire from './wire.js';

export const LIST_PUBLIC_IPS = azureOperation(
  'publicIPAddresses.listAll',
  'Microsoft.Network/publicIPAddresses/read',
  false,
);

export function publicIpAddresses(
  ctx: FetchContext<AzureSession>,
): Promise<wire.PublicIPAddress[]> {
  return shared(
    ctx,
    LIST_PUBLIC_IPS,
    (sub) =>
      ctx.session.clients.network(sub).publicIPAddresses.listAll({ abortSignal: ctx.signal }),
    ctx.session.clients.tokens.network,
  );
}

/** A public IP resource without an address yet (dynamic, unattached) is not listed. */
export function isListedPublicIp(raw: wire.PublicIPAddress): boolean {
  return nonEmpty(raw.ipAddress) !== undefined;
}

interface Device {
  kind: DeviceKind;
  id?: string | undefined;
  interfaceId?: string | undefined;
  privateIp?: string | undefined;
}

/** What the address is attached to: a NIC (its VM), a load balancer / application gateway frontend, a NAT. */
function deviceOf(
  raw: wire.PublicIPAddress,
  ipConfigs: ReadonlyMap<string, IpConfigInfo>,
  ctx: MapContext,
): Device | undefined {
  const nat = armId(raw.natGateway?.id);
  if (nat !== undefined) return { kind: 'nat_gateway', id: ref(ctx, 'nat_gateway', nat) };
  const config = armId(raw.ipConfiguration?.id);
  if (config === undefined) return undefined;
  const nic = parentOf(config, 'ipConfigurations');
  if (nic?.includes('/microsoft.network/networkinterfaces/') === true) {
    const info = ipConfigs.get(config);
    return {
      kind: info?.vmId === undefined ? 'other' : 'vm',
      id: ref(ctx, 'vm', info?.vmId),
      interfaceId: ref(ctx, 'network_interface', nic),
      privateIp: info?.privateIp,
    };
  }
  const lb = parentOf(config, 'frontendIPConfigurations');
  if (lb !== undefined) {
    return {
      kind: 'load_balancer',
      id: ref(ctx, 'load_balancer', lb),
      interfaceId: ref(ctx, 'network_interface', config),
    };
  }
  return { kind: 'other' };
}

function mapPublicIpUnguarded(
  raw: wire.PublicIPAddress,
  ipConfigs: ReadonlyMap<string, IpConfigInfo>,
  ctx: MapContext,
): PublicIp {
  const nativeId = armId(raw.id) ?? '';
  const d = deviceOf(raw, ipConfigs, ctx);
  return {
    ...baseFields(ctx, 'public_ip', nativeId, nonEmpty(raw.name) ?? nativeId, azureTags(raw.tags)),
    ip: raw.ipAddress ?? '',
    // A Static address is kept until the resource is deleted; a Dynamic one is released on deallocation.
    allocation: raw.publicIPAllocationMethod === 'Static' ? 'elastic' : 'ephemeral',
    ...(d === undefined ? {} : { device_kind: d.kind }),
    ...(d?.id === undefined ? {} : { device_id: d.id }),
    ...(d?.interfaceId === undefined ? {} : { interface_id: d.interfaceId }),
    ...(d?.privateIp === undefined ? {} : { private_ip: d.privateIp }),
  };
}

export const publicIpFetcher: ResourceFetcher<AzureSession> = {
  kind: 'public_ip',
  scope: 'regional',
  operations: [LIST_PUBLIC_IPS, LIST_NETWORK_INTERFACES],
  async *fetch(ctx) {
    const [ips, nics] = await Promise.all([publicIpAddresses(ctx), networkInterfaces(ctx)]);
    const configs = ipConfigIndex(nics);
    for (const raw of ips) {
      if (inRegion(raw, ctx.region) && isListedPublicIp(raw)) {
        yield { kind: 'public_ip', record: mapPublicIp(raw, configs, ctx.map) };
      }
    }
  },
};

/** `mapPublicIpUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapPublicIp = guardMapper('azure public ip', mapPublicIpUnguarded, PublicIpSchema);
