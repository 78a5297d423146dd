import type { MapContext, RunState, Vm } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { listByPageNumber } from './client.js';
import {
  aliyunOperation,
  aliyunTags,
  baseFields,
  defined,
  nonEmpty,
  refIds,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_INSTANCES = aliyunOperation('ecs', 'DescribeInstances', true);

export const ECS_PAGE_SIZE = 100;

const VM_STATE: Readonly<Record<string, RunState>> = {
  Pending: 'pending',
  Starting: 'pending',
  Running: 'running',
  Stopping: 'pending',
  Stopped: 'stopped',
};

/** The primary private IP: the primary ENI's, else the first VPC private IP, else the classic inner IP. */
export function primaryIpOf(raw: wire.Instance): string | undefined {
  const eni = raw.NetworkInterfaces?.NetworkInterface?.find((n) => n.Type === 'Primary');
  return (
    nonEmpty(eni?.PrimaryIpAddress) ??
    nonEmpty(raw.VpcAttributes?.PrivateIpAddress?.IpAddress?.[0]) ??
    nonEmpty(raw.InnerIpAddress?.IpAddress?.[0])
  );
}

export function mapVm(raw: wire.Instance, ctx: MapContext): Vm {
  const nativeId = raw.InstanceId ?? '';
  return {
    ...baseFields(
      ctx,
      'vm',
      nativeId,
      nonEmpty(raw.InstanceName) ?? nativeId,
      aliyunTags(raw.Tags),
      raw.CreationTime,
    ),
    state: lookup(VM_STATE, raw.Status, 'unknown'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', raw.VpcAttributes?.VpcId),
      zone_id: zoneRef(ctx, raw.ZoneId),
      subnet_id: refId(ctx, 'subnet', raw.VpcAttributes?.VSwitchId),
      primary_ip: primaryIpOf(raw),
      instance_type: nonEmpty(raw.InstanceType),
      image_id: nonEmpty(raw.ImageId),
      hostname: nonEmpty(raw.HostName),
    }),
    security_group_ids: refIds(ctx, 'security_group', raw.SecurityGroupIds?.SecurityGroupId ?? []),
  };
}

export const vmFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'vm',
  scope: 'regional',
  operations: [DESCRIBE_INSTANCES],
  async *fetch(ctx) {
    const items = listByPageNumber<wire.DescribeInstances, wire.Instance>(
      ctx,
      ctx.session.clients,
      DESCRIBE_INSTANCES,
      ctx.region,
      { RegionId: ctx.region },
      {
        pageSize: ECS_PAGE_SIZE,
        items: (p) => p.Instances?.Instance,
        idOf: (i) => i.InstanceId,
      },
    );
    for await (const raw of items) yield { kind: 'vm', record: mapVm(raw, ctx.map) };
  },
};
