import { guardMapper } from '../mapper-guard.js';
import { VmSchema } from '../../model/index.js';
import type { MapContext, RunState, Vm } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { pagesByToken } from './paging.js';
import { baseFields, defined, nonEmpty, volcOperation, volcTags, zoneRef } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_INSTANCES = volcOperation('ecs', 'DescribeInstances', true);

/** The largest `MaxResults` DescribeInstances accepts. */
export const ECS_MAX_RESULTS = 100;

/** DeepFlow: RUNNING → running, STOPPED → stopped, anything else unknown. */
const VM_STATE: Readonly<Record<string, RunState>> = {
  RUNNING: 'running',
  STOPPED: 'stopped',
  CREATING: 'pending',
  STARTING: 'pending',
  STOPPING: 'pending',
  REBOOTING: 'pending',
  ERROR: 'error',
};

/** The primary NIC (Type `primary`), else the first. */
function primaryNic(raw: wire.Instance): wire.InstanceNic | undefined {
  const nics = raw.NetworkInterfaces ?? [];
  return nics.find((n) => n.Type === 'primary') ?? nics[0];
}

function mapVmUnguarded(raw: wire.Instance, ctx: MapContext): Vm {
  const nativeId = raw.InstanceId ?? '';
  const nic = primaryNic(raw);
  return {
    ...baseFields(
      ctx,
      'vm',
      nativeId,
      nonEmpty(raw.InstanceName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreatedAt,
    ),
    state: lookup(VM_STATE, raw.Status, 'unknown'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', raw.VpcId),
      zone_id: zoneRef(ctx, raw.ZoneId),
      subnet_id: refId(ctx, 'subnet', nic?.SubnetId),
      primary_ip: nonEmpty(nic?.PrimaryIpAddress),
      instance_type: nonEmpty(raw.InstanceTypeId),
      image_id: nonEmpty(raw.ImageId),
      hostname: nonEmpty(raw.Hostname),
    }),
    // DescribeInstances names no security group; the VM's interfaces carry them.
    security_group_ids: [],
  };
}

export const vmFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'vm',
  scope: 'regional',
  operations: [DESCRIBE_INSTANCES],
  async *fetch(ctx) {
    const pages = pagesByToken<wire.DescribeInstances>(
      ctx,
      ctx.session.clients,
      DESCRIBE_INSTANCES,
      ctx.region,
      {},
      ECS_MAX_RESULTS,
    );
    for await (const page of pages) {
      for (const raw of page.Instances ?? []) {
        if (raw.InstanceId) yield { kind: 'vm', record: mapVm(raw, ctx.map) };
      }
    }
  },
};

/** `mapVmUnguarded` behind the hostile-shape guard. */
export const mapVm = guardMapper('volcengine vm', mapVmUnguarded, VmSchema);
