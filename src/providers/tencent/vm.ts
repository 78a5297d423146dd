import { guardMapper } from '../mapper-guard.js';
import { VmSchema } from '../../model/index.js';
import type { MapContext, RunState, Vm } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import {
  baseFields,
  defined,
  nonEmpty,
  refIds,
  tencentOperation,
  tencentTags,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_INSTANCES = tencentOperation('cvm', 'DescribeInstances', true);

/** The largest `Limit` DescribeInstances accepts. */
export const CVM_PAGE_SIZE = 100;

const VM_STATE: Readonly<Record<string, RunState>> = {
  PENDING: 'pending',
  LAUNCH_FAILED: 'error',
  RUNNING: 'running',
  STOPPED: 'stopped',
  STARTING: 'pending',
  STOPPING: 'pending',
  REBOOTING: 'pending',
  SHUTDOWN: 'stopped',
  TERMINATING: 'pending',
};

function mapVmUnguarded(raw: wire.Instance, ctx: MapContext): Vm {
  const nativeId = raw.InstanceId ?? '';
  return {
    ...baseFields(
      ctx,
      'vm',
      nativeId,
      nonEmpty(raw.InstanceName) ?? nativeId,
      tencentTags(raw.Tags),
      raw.CreatedTime,
    ),
    state: lookup(VM_STATE, raw.InstanceState, 'unknown'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VirtualPrivateCloud?.VpcId)),
      zone_id: zoneRef(ctx, raw.Placement?.Zone),
      subnet_id: refId(ctx, 'subnet', nonEmpty(raw.VirtualPrivateCloud?.SubnetId)),
      primary_ip: nonEmpty(raw.PrivateIpAddresses?.[0]),
      instance_type: nonEmpty(raw.InstanceType),
      image_id: nonEmpty(raw.ImageId),
    }),
    security_group_ids: refIds(ctx, 'security_group', raw.SecurityGroupIds ?? []),
  };
}

export const vmFetcher: ResourceFetcher<TencentSession> = {
  kind: 'vm',
  scope: 'regional',
  operations: [DESCRIBE_INSTANCES],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeInstances, wire.Instance>(
      ctx,
      ctx.session.clients,
      DESCRIBE_INSTANCES,
      ctx.region,
      {},
      { pageSize: CVM_PAGE_SIZE, items: (p) => p.InstanceSet, idOf: (i) => i.InstanceId },
    );
    for await (const raw of items) {
      if (raw.InstanceId) yield { kind: 'vm', record: mapVm(raw, ctx.map) };
    }
  },
};

/** `mapVmUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapVm = guardMapper('tencent vm', mapVmUnguarded, VmSchema);
