import { guardMapper } from '../mapper-guard.js';
import { VmSchema } from '../../model/index.js';
import { DeepflowCloudError } from '../../errors/errors.js';
import type { MapContext, RunState, Vm } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { AliyunSession, Params } from './client.js';
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
/** The resource-group pre-pass (DeepFlow's): which resource groups hold ECS instances, per region. */
const LIST_RESOURCES = aliyunOperation('resourcemanager', 'ListResources', false);

export const ECS_PAGE_SIZE = 100;
const RM_PAGE_SIZE = 100;

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

function mapVmUnguarded(raw: wire.Instance, ctx: MapContext): Vm {
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

/** ListResources rows → region → its resource groups holding instances (first-seen order, no repeats). */
export function groupsByRegion(
  rows: readonly wire.RmResource[],
): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const region = nonEmpty(r.RegionId);
    const group = nonEmpty(r.ResourceGroupId);
    if (region === undefined || group === undefined) continue;
    const groups = out.get(region) ?? [];
    if (!groups.includes(group)) groups.push(group);
    out.set(region, groups);
  }
  return out;
}

type Ctx = FetchContext<AliyunSession>;

function listInstances(ctx: Ctx, params: Params): AsyncGenerator<wire.Instance, void, undefined> {
  return listByPageNumber<wire.DescribeInstances, wire.Instance>(
    ctx,
    ctx.session.clients,
    DESCRIBE_INSTANCES,
    ctx.region,
    { RegionId: ctx.region, ...params },
    { pageSize: ECS_PAGE_SIZE, items: (p) => p.Instances?.Instance, idOf: (i) => i.InstanceId },
  );
}

/** The account's resource groups holding ECS instances, per region: one listing per account (memoised). */
function instanceGroups(ctx: Ctx): Promise<ReadonlyMap<string, readonly string[]>> {
  const memo = ctx.session.instanceGroups;
  memo.pending ??= (async () => {
    const rows: wire.RmResource[] = [];
    const items = listByPageNumber<wire.ListResources, wire.RmResource>(
      ctx,
      ctx.session.clients,
      LIST_RESOURCES,
      ctx.session.defaultRegion,
      { Service: 'ecs', ResourceType: 'instance' },
      { pageSize: RM_PAGE_SIZE, items: (p) => p.Resources?.Resource, idOf: (r) => r.ResourceId },
    );
    try {
      for await (const r of items) rows.push(r);
    } catch (e) {
      // DescribeInstances already answered (an empty region is common); the pre-pass only finds what a
      // resource-group-scoped RAM user cannot list account-wide. A key without ListResources is not such a
      // user's problem to report on every run: say so once and keep the authoritative empty answer.
      if (!(e instanceof DeepflowCloudError) || e.kind !== 'permission_denied') throw e;
      ctx.log.warn(
        'resourcemanager:ListResources denied; resource-group-scoped instances cannot be found',
        {
          error: e.message,
        },
      );
    }
    return groupsByRegion(rows);
  })();
  // A failed listing (denied, aborted with its task) is asked again by the next region, not cached.
  memo.pending.catch(() => {
    memo.pending = undefined;
  });
  return memo.pending;
}

/**
 * A RAM user whose policy is scoped to resource groups sees no instance account-wide: DescribeInstances
 * answers an empty list, not a denial. As DeepFlow does, a region that lists nothing is asked again per
 * resource group that ListResources says holds instances there. An instance is yielded once even if two
 * groups list it.
 */
export const vmFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'vm',
  scope: 'regional',
  operations: [DESCRIBE_INSTANCES, LIST_RESOURCES],
  async *fetch(ctx) {
    let listed = 0;
    for await (const raw of listInstances(ctx, {})) {
      listed++;
      yield { kind: 'vm', record: mapVm(raw, ctx.map) };
    }
    if (listed > 0) return;
    const seen = new Set<string>();
    for (const group of (await instanceGroups(ctx)).get(ctx.region) ?? []) {
      for await (const raw of listInstances(ctx, { ResourceGroupId: group })) {
        const id = raw.InstanceId ?? '';
        if (seen.has(id)) continue;
        seen.add(id);
        yield { kind: 'vm', record: mapVm(raw, ctx.map) };
      }
    }
  },
};

/** `mapVmUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapVm = guardMapper('aliyun vm', mapVmUnguarded, VmSchema);
