import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema } from '../../model/index.js';
import type { DeviceKind, MapContext, NetworkInterface, PublicIp } from '../../model/index.js';
import { compact, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { pagesByToken } from './client.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty, refIds } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_NETWORK_INTERFACES = aliyunOperation('ecs', 'DescribeNetworkInterfaces', true);

/** The largest `MaxResults` DescribeNetworkInterfaces accepts. */
export const ENI_MAX_RESULTS = 500;

/** Instance id prefixes of the devices an ENI can belong to. */
const DEVICE_PREFIXES: readonly (readonly [string, DeviceKind])[] = [
  ['i-', 'vm'],
  ['ngw-', 'nat_gateway'],
  ['lb-', 'load_balancer'],
  ['rm-', 'rds_instance'],
  ['pgm-', 'rds_instance'],
  ['r-', 'redis_instance'],
];

export function deviceKindOf(instanceId: string | undefined): DeviceKind {
  if (!instanceId) return 'other';
  return DEVICE_PREFIXES.find(([prefix]) => instanceId.startsWith(prefix))?.[1] ?? 'other';
}

function deviceRef(ctx: MapContext, kind: DeviceKind, id: string | undefined): string | undefined {
  return kind === 'other' || kind === 'vpc_endpoint' ? undefined : refId(ctx, kind, id);
}

function mapNetworkInterfaceUnguarded(
  raw: wire.NetworkInterfaceSet,
  ctx: MapContext,
): NetworkInterface {
  const nativeId = raw.NetworkInterfaceId ?? '';
  const device = nonEmpty(raw.InstanceId);
  const kind = deviceKindOf(device);
  const sets = raw.PrivateIpSets?.PrivateIpSet ?? [];
  const primaryFirst = [
    ...sets.filter((s) => s.Primary === true),
    ...sets.filter((s) => s.Primary !== true),
  ];
  return {
    ...baseFields(
      ctx,
      'network_interface',
      nativeId,
      nonEmpty(raw.NetworkInterfaceName) ?? nativeId,
      aliyunTags(raw.Tags),
      raw.CreationTime,
    ),
    device_kind: kind,
    ...defined({
      device_id: deviceRef(ctx, kind, device),
      device_native_id: device,
      mac: nonEmpty(raw.MacAddress),
      vpc_id: refId(ctx, 'vpc', raw.VpcId),
      subnet_id: refId(ctx, 'subnet', raw.VSwitchId),
    }),
    private_ips: compact([raw.PrivateIpAddress, ...primaryFirst.map((s) => s.PrivateIpAddress)]),
    primary: raw.Type === 'Primary',
    security_group_ids: refIds(ctx, 'security_group', raw.SecurityGroupIds?.SecurityGroupId ?? []),
  };
}

/**
 * Public IPs assigned with the instance (an association without an allocation id). EIPs have one and come
 * from DescribeEipAddresses; native id of an assigned IP = the address.
 */
export function assignedPublicIps(raw: wire.NetworkInterfaceSet, ctx: MapContext): PublicIp[] {
  const device = nonEmpty(raw.InstanceId);
  const kind = deviceKindOf(device);
  const pairs: [wire.AssociatedPublicIp | undefined, string | undefined][] = [
    [raw.AssociatedPublicIp, raw.PrivateIpAddress],
    ...(raw.PrivateIpSets?.PrivateIpSet ?? []).map(
      (s): [wire.AssociatedPublicIp | undefined, string | undefined] => [
        s.AssociatedPublicIp,
        s.PrivateIpAddress,
      ],
    ),
  ];
  const out: PublicIp[] = [];
  for (const [assoc, privateIp] of pairs) {
    const ip = nonEmpty(assoc?.PublicIpAddress);
    if (ip === undefined || nonEmpty(assoc?.AllocationId) !== undefined) continue;
    if (out.some((p) => p.ip === ip)) continue;
    out.push({
      ...baseFields(ctx, 'public_ip', ip, ip, {}),
      ip,
      allocation: 'ephemeral',
      ...defined({
        device_kind: device === undefined ? undefined : kind,
        device_id: deviceRef(ctx, kind, device),
        interface_id: refId(ctx, 'network_interface', raw.NetworkInterfaceId),
        private_ip: nonEmpty(privateIp),
      }),
    });
  }
  return out;
}

export const networkInterfaceFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'network_interface',
  alsoEmits: ['public_ip'],
  scope: 'regional',
  operations: [DESCRIBE_NETWORK_INTERFACES],
  async *fetch(ctx) {
    const pages = pagesByToken<wire.DescribeNetworkInterfaces>(
      ctx,
      ctx.session.clients,
      DESCRIBE_NETWORK_INTERFACES,
      ctx.region,
      { RegionId: ctx.region },
      ENI_MAX_RESULTS,
    );
    for await (const page of pages) {
      for (const raw of page.NetworkInterfaceSets?.NetworkInterfaceSet ?? []) {
        yield { kind: 'network_interface', record: mapNetworkInterface(raw, ctx.map) };
        for (const ip of assignedPublicIps(raw, ctx.map)) yield { kind: 'public_ip', record: ip };
      }
    }
  },
};

/** `mapNetworkInterfaceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapNetworkInterface = guardMapper(
  'aliyun network interface',
  mapNetworkInterfaceUnguarded,
  NetworkInterfaceSchema,
);
