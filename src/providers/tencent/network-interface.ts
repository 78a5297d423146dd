import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema } from '../../model/index.js';
import type { DeviceKind, MapContext, NetworkInterface, PublicIp } from '../../model/index.js';
import { compact, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import {
  baseFields,
  defined,
  ephemeralIp,
  nonEmpty,
  refIds,
  tencentOperation,
  tencentTags,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_NETWORK_INTERFACES = tencentOperation('vpc', 'DescribeNetworkInterfaces', true);

/** The largest `Limit` DescribeNetworkInterfaces accepts. */
export const ENI_PAGE_SIZE = 100;

/** The device an ENI is attached to, by its id's prefix (CVM `ins-`; others are not ours to reference). */
export function deviceKindOf(instanceId: string | undefined): DeviceKind {
  return instanceId?.startsWith('ins-') === true ? 'vm' : 'other';
}

/** Primary address first, then the secondary ones. */
function addresses(raw: wire.NetworkInterface): wire.PrivateIpAddress[] {
  const set = raw.PrivateIpAddressSet ?? [];
  return [...set.filter((s) => s.Primary === true), ...set.filter((s) => s.Primary !== true)];
}

function mapNetworkInterfaceUnguarded(
  raw: wire.NetworkInterface,
  ctx: MapContext,
): NetworkInterface {
  const nativeId = raw.NetworkInterfaceId ?? '';
  const device = nonEmpty(raw.Attachment?.InstanceId);
  const kind = deviceKindOf(device);
  return {
    ...baseFields(
      ctx,
      'network_interface',
      nativeId,
      nonEmpty(raw.NetworkInterfaceName) ?? nativeId,
      tencentTags(raw.TagSet),
      raw.CreatedTime,
    ),
    device_kind: kind,
    ...defined({
      device_id: kind === 'vm' ? refId(ctx, 'vm', device) : undefined,
      device_native_id: device,
      mac: nonEmpty(raw.MacAddress),
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VpcId)),
      subnet_id: refId(ctx, 'subnet', nonEmpty(raw.SubnetId)),
    }),
    private_ips: compact(addresses(raw).map((a) => a.PrivateIpAddress)),
    primary: raw.Primary ?? false,
    security_group_ids: refIds(ctx, 'security_group', raw.GroupSet ?? []),
  };
}

/**
 * Public addresses assigned with the instance (no `AddressId`); EIPs carry one and come from
 * DescribeAddresses. Native id of an assigned address = the address.
 */
function assignedPublicIpsUnguarded(raw: wire.NetworkInterface, ctx: MapContext): PublicIp[] {
  const device = nonEmpty(raw.Attachment?.InstanceId);
  const out: PublicIp[] = [];
  for (const a of addresses(raw)) {
    const ip = nonEmpty(a.PublicIpAddress);
    if (ip === undefined || nonEmpty(a.AddressId) !== undefined) continue;
    if (out.some((p) => p.ip === ip)) continue;
    out.push(
      ephemeralIp(ctx, ip, {
        kind: deviceKindOf(device),
        nativeId: device,
        interfaceNativeId: nonEmpty(raw.NetworkInterfaceId),
        privateIp: a.PrivateIpAddress,
      }),
    );
  }
  return out;
}

export const networkInterfaceFetcher: ResourceFetcher<TencentSession> = {
  kind: 'network_interface',
  alsoEmits: ['public_ip'],
  scope: 'regional',
  operations: [DESCRIBE_NETWORK_INTERFACES],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeNetworkInterfaces, wire.NetworkInterface>(
      ctx,
      ctx.session.clients,
      DESCRIBE_NETWORK_INTERFACES,
      ctx.region,
      {},
      {
        pageSize: ENI_PAGE_SIZE,
        items: (p) => p.NetworkInterfaceSet,
        idOf: (n) => n.NetworkInterfaceId,
      },
    );
    for await (const raw of items) {
      if (!raw.NetworkInterfaceId) continue;
      yield { kind: 'network_interface', record: mapNetworkInterface(raw, ctx.map) };
      for (const ip of assignedPublicIps(raw, ctx.map)) yield { kind: 'public_ip', record: ip };
    }
  },
};

/** `mapNetworkInterfaceUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapNetworkInterface = guardMapper(
  'tencent network interface',
  mapNetworkInterfaceUnguarded,
  NetworkInterfaceSchema,
);

/** `assignedPublicIpsUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const assignedPublicIps = guardMapper(
  'tencent assigned public IPs',
  assignedPublicIpsUnguarded,
);
