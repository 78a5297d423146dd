import { guardMapper } from '../mapper-guard.js';
import { VmSchema } from '../../model/index.js';
import type { MapContext, RunState, Vm } from '../../model/index.js';
import { lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll } from './client.js';
import {
  DESCRIBE_VXNETS,
  baseFields,
  defined,
  nonEmpty,
  qingcloudOperation,
  refIds,
  subnetOfVxnet,
  vpcOfVxnet,
  vxnetRouters,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_INSTANCES = qingcloudOperation('DescribeInstances', true);

const VM_STATE: Readonly<Record<string, RunState>> = {
  pending: 'pending',
  running: 'running',
  stopped: 'stopped',
  suspended: 'stopped',
};

/** Instances that exist (terminated and ceased ones are left out, as DeepFlow does). */
export const LISTED_STATES = ['pending', 'running', 'stopped', 'suspended'] as const;

/** `status.1=pending&status.2=running…`: QingCloud's flattened list parameters (1-based). */
export function listParam(name: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((v, i) => [`${name}.${i + 1}`, v]));
}

/**
 * An instance. Its VPC is the router of its first managed vxnet (`routers`: vxnet → router), its primary
 * IP that vxnet's private IP; it has one security group.
 */
function mapVmUnguarded(
  raw: wire.Instance,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): Vm {
  const nativeId = raw.instance_id ?? '';
  const vxnets = raw.vxnets ?? [];
  const inVpc = vxnets.filter((v) => v.vxnet_id !== undefined && routers.has(v.vxnet_id));
  // The primary NIC (`role` 1) when it is in a VPC, else the first NIC that is.
  const managed = inVpc.find((v) => v.role === 1) ?? inVpc[0];
  const primary = managed ?? vxnets.find((v) => v.role === 1) ?? vxnets[0];
  return {
    ...baseFields(ctx, 'vm', nativeId, raw.instance_name, raw.tags, raw.create_time),
    state: lookup(VM_STATE, raw.status, 'unknown'),
    ...defined({
      vpc_id: vpcOfVxnet(ctx, routers, managed?.vxnet_id),
      zone_id: zoneRef(ctx, raw.zone_id),
      subnet_id: subnetOfVxnet(ctx, routers, managed?.vxnet_id),
      primary_ip: nonEmpty(primary?.private_ip),
      instance_type: nonEmpty(raw.instance_type),
      image_id: nonEmpty(raw.image?.image_id),
    }),
    security_group_ids: refIds(ctx, 'security_group', [raw.security_group?.security_group_id]),
  };
}

export const vmFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'vm',
  scope: 'regional',
  operations: [DESCRIBE_INSTANCES, DESCRIBE_VXNETS],
  async *fetch(ctx) {
    const routers = vxnetRouters(ctx);
    routers.catch(() => undefined);
    const items = listAll<wire.Instance>(
      ctx,
      ctx.session.client,
      DESCRIBE_INSTANCES,
      ctx.region,
      { verbose: 1, ...listParam('status', LISTED_STATES) },
      { key: 'instance_set', idOf: (i) => i.instance_id },
    );
    for await (const raw of items) {
      if (raw.instance_id) yield { kind: 'vm', record: mapVm(raw, await routers, ctx.map) };
    }
  },
};

/** `mapVmUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVm = guardMapper('qingcloud vm', mapVmUnguarded, VmSchema);
