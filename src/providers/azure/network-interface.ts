import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema } from '../../model/index.js';
import type { MapContext, NetworkInterface } from '../../model/index.js';
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
  macOf,
  nonEmpty,
  parentOf,
  ref,
  refs,
} from './common.js';
import type * as wire from './wire.js';

export const LIST_NETWORK_INTERFACES = azureOperation(
  'networkInterfaces.listAll',
  'Microsoft.Network/networkInterfaces/read',
  true,
);

export function networkInterfaces(
  ctx: FetchContext<AzureSession>,
): Promise<wire.NetworkInterface[]> {
  return shared(
    ctx,
    LIST_NETWORK_INTERFACES,
    (sub) =>
      ctx.session.clients.network(sub).networkInterfaces.listAll({ abortSignal: ctx.signal }),
    ctx.session.clients.tokens.network,
  );
}

/** What an ip configuration of a NIC tells other kinds (load balancer backends, public IPs). */
export interface IpConfigInfo {
  readonly nicId: string;
  readonly vmId?: string;
  readonly subnetId?: string;
  readonly privateIp?: string;
}

/** Lower-cased ip configuration id → its NIC, VM, subnet and private IP. Pure. */
export function ipConfigIndex(nics: readonly wire.NetworkInterface[]): Map<string, IpConfigInfo> {
  const out = new Map<string, IpConfigInfo>();
  for (const nic of nics) {
    const nicId = armId(nic.id);
    if (nicId === undefined) continue;
    const vmId = armId(nic.virtualMachine?.id);
    for (const c of nic.ipConfigurations ?? []) {
      const id = armId(c.id);
      if (id === undefined) continue;
      const subnetId = armId(c.subnet?.id);
      const privateIp = nonEmpty(c.privateIPAddress);
      out.set(id, {
        nicId,
        ...(vmId === undefined ? {} : { vmId }),
        ...(subnetId === undefined ? {} : { subnetId }),
        ...(privateIp === undefined ? {} : { privateIp }),
      });
    }
  }
  return out;
}

/** The primary ip configuration (ARM marks one; else the first). */
export function primaryIpConfig(
  nic: wire.NetworkInterface,
): wire.NetworkInterfaceIPConfiguration | undefined {
  const configs = nic.ipConfigurations ?? [];
  return configs.find((c) => c.primary === true) ?? configs[0];
}

/** A NIC; attached to a VM, or to nothing / a private endpoint (`other`). */
function mapNetworkInterfaceUnguarded(
  raw: wire.NetworkInterface,
  ctx: MapContext,
): NetworkInterface {
  const nativeId = armId(raw.id) ?? '';
  const primary = primaryIpConfig(raw);
  const subnet = armId(primary?.subnet?.id);
  const vm = armId(raw.virtualMachine?.id);
  const configs = [...(raw.ipConfigurations ?? [])].sort(
    (a, b) => Number(b.primary === true) - Number(a.primary === true),
  );
  const mac = macOf(raw.macAddress);
  const vpc = ref(ctx, 'vpc', parentOf(subnet, 'subnets'));
  return {
    ...baseFields(
      ctx,
      'network_interface',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
    ),
    device_kind: vm === undefined ? 'other' : 'vm',
    ...(vm === undefined ? {} : { device_id: ref(ctx, 'vm', vm), device_native_id: vm }),
    ...(mac === undefined ? {} : { mac }),
    ...(vpc === undefined ? {} : { vpc_id: vpc }),
    ...(subnet === undefined ? {} : { subnet_id: ref(ctx, 'subnet', subnet) }),
    private_ips: compact(configs.map((c) => c.privateIPAddress)),
    primary: raw.primary ?? false,
    security_group_ids: refs(ctx, 'security_group', [raw.networkSecurityGroup?.id]),
  };
}

export const networkInterfaceFetcher: ResourceFetcher<AzureSession> = {
  kind: 'network_interface',
  scope: 'regional',
  operations: [LIST_NETWORK_INTERFACES],
  async *fetch(ctx) {
    for (const raw of await networkInterfaces(ctx)) {
      if (inRegion(raw, ctx.region)) {
        yield { kind: 'network_interface', record: mapNetworkInterface(raw, ctx.map) };
      }
    }
  },
};

/** `mapNetworkInterfaceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNetworkInterface = guardMapper(
  'azure network interface',
  mapNetworkInterfaceUnguarded,
  NetworkInterfaceSchema,
);
