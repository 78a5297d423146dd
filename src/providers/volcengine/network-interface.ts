import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema } from '../../model/index.js';
import type { DeviceKind, MapContext, NetworkInterface } from '../../model/index.js';
import { compact, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { listByPageNumber } from './paging.js';
import { baseFields, defined, nonEmpty, refIds, volcOperation, volcTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_NETWORK_INTERFACES = volcOperation('vpc', 'DescribeNetworkInterfaces', true);

export const ENI_PAGE_SIZE = 100;

/** Id prefixes of the devices an ENI can belong to (ECS, NAT, CLB, the database services). */
const DEVICE_PREFIXES: readonly (readonly [string, DeviceKind])[] = [
  ['i-', 'vm'],
  ['ngw-', 'nat_gateway'],
  ['clb-', 'load_balancer'],
  ['mysql-', 'rds_instance'],
  ['postgres-', 'rds_instance'],
  ['mssql-', 'rds_instance'],
  ['redis-', 'redis_instance'],
];

export function deviceKindOf(deviceId: string | undefined): DeviceKind {
  if (!deviceId) return 'other';
  return DEVICE_PREFIXES.find(([prefix]) => deviceId.startsWith(prefix))?.[1] ?? 'other';
}

/** The reference to a device of a kind we list, else undefined. */
export function deviceRef(
  ctx: MapContext,
  kind: DeviceKind,
  id: string | undefined,
): string | undefined {
  return kind === 'other' || kind === 'vpc_endpoint' ? undefined : refId(ctx, kind, id);
}

/** An ENI with its private IPs (primary first) and the device it is attached to. */
function mapNetworkInterfaceUnguarded(
  raw: wire.NetworkInterfaceSet,
  ctx: MapContext,
): NetworkInterface {
  const nativeId = raw.NetworkInterfaceId ?? '';
  const device = nonEmpty(raw.DeviceId);
  const kind = deviceKindOf(device);
  const sets = raw.PrivateIpSets?.PrivateIpSet ?? [];
  const primaryFirst = [
    ...sets.filter((s) => s.Primary === true),
    ...sets.filter((s) => s.Primary !== true),
  ];
  const ips = compact([raw.PrimaryIpAddress, ...primaryFirst.map((s) => s.PrivateIpAddress)]);
  return {
    ...baseFields(
      ctx,
      'network_interface',
      nativeId,
      nonEmpty(raw.NetworkInterfaceName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreatedAt,
    ),
    device_kind: kind,
    ...defined({
      device_id: deviceRef(ctx, kind, device),
      device_native_id: device,
      mac: nonEmpty(raw.MacAddress),
      vpc_id: refId(ctx, 'vpc', raw.VpcId),
      subnet_id: refId(ctx, 'subnet', raw.SubnetId),
    }),
    private_ips: [...new Set(ips)],
    primary: raw.Type === 'primary',
    security_group_ids: refIds(ctx, 'security_group', raw.SecurityGroupIds ?? []),
  };
}

/** Every ENI of the region: those of VMs and those NAT, CLB, RDS and Redis hold in the VPC. */
export const networkInterfaceFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'network_interface',
  scope: 'regional',
  operations: [DESCRIBE_NETWORK_INTERFACES],
  async *fetch(ctx) {
    const items = listByPageNumber<wire.DescribeNetworkInterfaces, wire.NetworkInterfaceSet>(
      ctx,
      ctx.session.clients,
      DESCRIBE_NETWORK_INTERFACES,
      ctx.region,
      {},
      {
        pageSize: ENI_PAGE_SIZE,
        items: (p) => p.NetworkInterfaceSets,
        total: (p) => p.TotalCount,
        idOf: (n) => n.NetworkInterfaceId,
      },
    );
    for await (const raw of items) {
      if (raw.NetworkInterfaceId) {
        yield { kind: 'network_interface', record: mapNetworkInterface(raw, ctx.map) };
      }
    }
  },
};

/** `mapNetworkInterfaceUnguarded` behind the hostile-shape guard. */
export const mapNetworkInterface = guardMapper(
  'volcengine network interface',
  mapNetworkInterfaceUnguarded,
  NetworkInterfaceSchema,
);
