import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema } from '../../model/index.js';
import type { MapContext, NetworkInterface } from '../../model/index.js';
import { compact, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, nonEmpty, refIds } from './common.js';
import { VPC_PAGE_SIZE } from './vpc.js';
import { listByMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_PORTS = huaweiOperation('vpc', 'ListPorts', true, 'vpc:ports:get');

/**
 * The device a port belongs to, from `device_owner`: `compute:<az>` (ECS), `network:nat_gateway` (public NAT),
 * `neutron:LOADBALANCERV3` / `V2` (ELB). DHCP, router and VIP ports are infrastructure, not devices.
 */
export type PortDevice = 'vm' | 'nat_gateway' | 'load_balancer';

export function deviceKindOf(owner: string | undefined): PortDevice | undefined {
  if (owner === undefined) return undefined;
  if (owner.startsWith('compute:')) return 'vm';
  if (owner === 'network:nat_gateway') return 'nat_gateway';
  if (owner.startsWith('neutron:LOADBALANCER')) return 'load_balancer';
  return undefined;
}

/** Whether a port is listed: it belongs to a device we model. */
export function isListedPort(raw: wire.Port): boolean {
  return nonEmpty(raw.id) !== undefined && deviceKindOf(raw.device_owner) !== undefined;
}

/**
 * A port. `network_id` is the Huawei subnet. The port list does not mark a server's primary NIC (ECS does, in
 * `addresses[].primary`, which this fetcher does not join), so every port is reported `primary: true`.
 */
function mapNetworkInterfaceUnguarded(raw: wire.Port, ctx: MapContext): NetworkInterface {
  const nativeId = raw.id ?? '';
  const kind = deviceKindOf(raw.device_owner) ?? 'other';
  const device = nonEmpty(raw.device_id);
  return {
    ...baseFields(
      ctx,
      'network_interface',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      {},
      raw.created_at,
    ),
    device_kind: kind,
    ...defined({
      device_id: kind === 'other' ? undefined : refId(ctx, kind, device),
      device_native_id: device,
      mac: nonEmpty(raw.mac_address),
      subnet_id: refId(ctx, 'subnet', nonEmpty(raw.network_id)),
    }),
    private_ips: compact((raw.fixed_ips ?? []).map((f) => f.ip_address)),
    primary: true,
    security_group_ids: refIds(ctx, 'security_group', raw.security_groups ?? []),
  };
}

export const networkInterfaceFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'network_interface',
  scope: 'regional',
  operations: [LIST_PORTS],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListPorts, wire.Port>(
      ctx,
      LIST_PORTS,
      ctx.region,
      '/v1/{project_id}/ports',
      {},
      { limit: VPC_PAGE_SIZE, items: (p) => p.ports, idOf: (p) => p.id },
    );
    for await (const raw of items) {
      if (!isListedPort(raw)) continue;
      yield { kind: 'network_interface', record: mapNetworkInterface(raw, ctx.map) };
    }
  },
};

/** `mapNetworkInterfaceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNetworkInterface = guardMapper(
  'huawei network interface',
  mapNetworkInterfaceUnguarded,
  NetworkInterfaceSchema,
);
