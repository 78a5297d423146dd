import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema, VmSchema } from '../../model/index.js';
import type { MapContext, NetworkInterface, RunState, Vm } from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByMarker } from './paging.js';
import {
  baiduOperation,
  baiduTags,
  baseFields,
  defined,
  nonEmpty,
  refIds,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const LIST_INSTANCES = baiduOperation('bcc', 'ListInstances', true);

/** BCC instance states (Running, Stopped, Starting, Stopping, Recharging, Rebooting, Expired, ...). */
const VM_STATE: Readonly<Record<string, RunState>> = {
  Running: 'running',
  Starting: 'pending',
  Stopping: 'pending',
  Rebooting: 'pending',
  Recharging: 'pending',
  Creating: 'pending',
  Stopped: 'stopped',
  Expired: 'stopped',
  Error: 'error',
};

/** The primary private IP: the NIC's IP flagged `primary: "true"`, else `internalIp`. */
export function primaryIpOf(raw: wire.Instance): string | undefined {
  const ip = raw.nicInfo?.ips?.find((i) => i.primary === 'true');
  return nonEmpty(ip?.privateIp) ?? nonEmpty(raw.internalIp);
}

function mapVmUnguarded(raw: wire.Instance, ctx: MapContext): Vm {
  const nativeId = raw.id ?? '';
  return {
    ...baseFields(
      ctx,
      'vm',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      baiduTags(raw.tags),
      raw.createTime,
    ),
    state: lookup(VM_STATE, raw.status, 'unknown'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', raw.vpcId ?? raw.nicInfo?.vpcId),
      zone_id: zoneRef(ctx, raw.zoneName),
      subnet_id: refId(ctx, 'subnet', raw.subnetId ?? raw.nicInfo?.subnetId),
      primary_ip: primaryIpOf(raw),
      instance_type: nonEmpty(raw.spec) ?? nonEmpty(raw.instanceType),
      image_id: nonEmpty(raw.imageId),
      hostname: nonEmpty(raw.hostname),
    }),
    security_group_ids: refIds(ctx, 'security_group', raw.nicInfo?.securityGroups ?? []),
  };
}

/**
 * The instance's primary NIC (`nicInfo`), which the ENI list does not include (as DeepFlow reads it); its id is
 * the NIC's `eniId`, else the instance id. Its EIP is listed by the EIP fetcher.
 */
function mapPrimaryNicUnguarded(raw: wire.Instance, ctx: MapContext): NetworkInterface | undefined {
  const vmId = nonEmpty(raw.id);
  if (vmId === undefined) return undefined;
  const nic = raw.nicInfo;
  const nativeId = nonEmpty(nic?.eniId) ?? vmId;
  const ips = nic?.ips ?? [];
  const primaryFirst = [
    ...ips.filter((i) => i.primary === 'true'),
    ...ips.filter((i) => i.primary !== 'true'),
  ];
  return {
    ...baseFields(ctx, 'network_interface', nativeId, nativeId, {}),
    device_kind: 'vm',
    device_id: refId(ctx, 'vm', vmId) ?? '',
    device_native_id: vmId,
    ...defined({
      mac: nonEmpty(nic?.macAddress),
      vpc_id: refId(ctx, 'vpc', nic?.vpcId ?? raw.vpcId),
      subnet_id: refId(ctx, 'subnet', nic?.subnetId ?? raw.subnetId),
    }),
    private_ips: compact([...primaryFirst.map((i) => i.privateIp), raw.internalIp]),
    primary: true,
    security_group_ids: refIds(ctx, 'security_group', nic?.securityGroups ?? []),
  };
}

export const vmFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'vm',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [LIST_INSTANCES],
  async *fetch(ctx) {
    const items = listByMarker<wire.ListInstances, wire.Instance>(
      ctx,
      LIST_INSTANCES,
      ctx.region,
      '/v2/instance',
      {},
      (p) => p.instances,
    );
    for await (const raw of items) {
      yield { kind: 'vm', record: mapVm(raw, ctx.map) };
      const nic = mapPrimaryNic(raw, ctx.map);
      if (nic !== undefined) yield { kind: 'network_interface', record: nic };
    }
  },
};

/** `mapVmUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVm = guardMapper('baidu vm', mapVmUnguarded, VmSchema);
/** `mapPrimaryNicUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapPrimaryNic = guardMapper(
  'baidu primary nic',
  mapPrimaryNicUnguarded,
  NetworkInterfaceSchema.optional(),
);
