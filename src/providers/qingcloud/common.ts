/** Helpers shared by the QingCloud kind files. Pure except `vxnetRouters` (a memoised listing). */
import type { BaseFields, MapContext, NetworkInterface, ResourceKind } from '../../model/index.js';
import { baseFields as commonBaseFields, resourceId, tagsFrom } from '../../model/index.js';
import type { AccountContext, Operation } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listArray } from './client.js';
import type * as wire from './wire.js';

/** An IaaS operation; its IAM action is `iaas:<Action>`. */
export function qingcloudOperation(action: string, required: boolean): Operation {
  return { service: 'iaas', action, required, permission: `iaas:${action}` };
}

export const DESCRIBE_ZONES = qingcloudOperation('DescribeZones', true);
export const DESCRIBE_VXNETS = qingcloudOperation('DescribeVxnets', true);

/**
 * The region of a zone, as DeepFlow groups them: the zone id without its last letter (`pek3a` → `pek3`),
 * except `ap*` zones, which are regions of their own (`ap2a`).
 */
export function regionOfZone(zoneId: string): string {
  return zoneId.startsWith('ap') ? zoneId : zoneId.slice(0, -1);
}

/** Tags: `tag_key` → `tag_name`, or a bare `tag_name` (no key) → `''`. */
export function qingcloudTags(tags: readonly wire.Tag[] | undefined): Record<string, string> {
  return tagsFrom(
    tags,
    (t) => nonEmpty(t.tag_key) ?? nonEmpty(t.tag_name),
    (t) => (nonEmpty(t.tag_key) === undefined ? '' : (t.tag_name ?? '')),
  );
}

/** A reference to a zone record (native id = zone id), when the zone is in this region. */
export function zoneRef(ctx: MapContext, zoneId: string | undefined): string | undefined {
  const z = nonEmpty(zoneId);
  return z === undefined || regionOfZone(z) !== ctx.region ? undefined : resourceId(ctx, 'zone', z);
}

// Shared by every provider's mappers (src/model/record.ts).
import { defined } from '../../model/index.js';

// Shared by every provider (src/providers/types.ts, src/model).
import { nonEmpty } from '../../model/index.js';

export { nonEmpty };
export { defined, refIds } from '../../model/index.js';

/** The fields every record has (QingCloud times are ISO-8601 UTC). */
export function baseFields(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string,
  name: string | undefined,
  tags: readonly wire.Tag[] | undefined,
  createdAt?: string,
): BaseFields {
  return commonBaseFields(
    ctx,
    kind,
    nativeId,
    nonEmpty(name) ?? nativeId,
    qingcloudTags(tags),
    nonEmpty(createdAt),
  );
}

/** vxnet id → its VPC router id, for the vxnets of a DescribeVxnets listing. Pure. */
export function routersByVxnet(vxnets: readonly wire.Vxnet[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const v of vxnets) {
    const router = nonEmpty(v.vpc_router_id) ?? nonEmpty(v.router?.router_id);
    if (v.vxnet_id && router !== undefined) out.set(v.vxnet_id, router);
  }
  return out;
}

/**
 * The vxnets of a region, listed once and shared: subnets are vxnets, and instances, NICs, NAT gateways,
 * route tables, LBs, RDBs and caches name only their vxnet, whose router is their VPC.
 */
export function regionVxnets(
  ctx: AccountContext & { readonly session: QingcloudSession; readonly region: string },
): Promise<readonly wire.Vxnet[]> {
  const hit = ctx.session.vxnets.get(ctx.region);
  if (hit !== undefined) return hit;
  const pending = listArray<wire.Vxnet>(
    ctx,
    ctx.session.client,
    DESCRIBE_VXNETS,
    ctx.region,
    { verbose: 1 },
    { key: 'vxnet_set', idOf: (v) => v.vxnet_id },
  );
  // A failed listing is not kept: the next fetcher that needs it asks again.
  pending.catch(() => ctx.session.vxnets.delete(ctx.region));
  ctx.session.vxnets.set(ctx.region, pending);
  return pending;
}

/** vxnet → VPC router of the region. */
export async function vxnetRouters(
  ctx: AccountContext & { readonly session: QingcloudSession; readonly region: string },
): Promise<ReadonlyMap<string, string>> {
  return routersByVxnet(await regionVxnets(ctx));
}

/** A VPC reference for a vxnet, through the vxnet → router map. */
export function vpcOfVxnet(
  ctx: MapContext,
  routers: ReadonlyMap<string, string>,
  vxnetId: string | undefined,
): string | undefined {
  const router = vxnetId === undefined ? undefined : routers.get(vxnetId);
  return router === undefined ? undefined : resourceId(ctx, 'vpc', router);
}

/** A subnet reference for a vxnet that is in a VPC (basic-network vxnets are not subnets). */
export function subnetOfVxnet(
  ctx: MapContext,
  routers: ReadonlyMap<string, string>,
  vxnetId: string | undefined,
): string | undefined {
  return vxnetId !== undefined && routers.has(vxnetId)
    ? resourceId(ctx, 'subnet', vxnetId)
    : undefined;
}

/**
 * The interface of a managed device (NAT gateway, LB, RDB, cache) in its vxnet: DescribeNics lists only
 * instance NICs, so these are built from the device itself. Native id `<device id>-<vxnet id>`, no MAC.
 */
export function serviceInterface(
  ctx: MapContext,
  routers: ReadonlyMap<string, string>,
  device: {
    readonly kind: 'nat_gateway' | 'load_balancer' | 'rds_instance' | 'redis_instance';
    readonly deviceId: string;
    readonly vxnetId: string | undefined;
    readonly privateIps: readonly string[];
    readonly createdAt?: string | undefined;
  },
): NetworkInterface | undefined {
  if (device.deviceId === '' || device.vxnetId === undefined || device.privateIps.length === 0) {
    return undefined;
  }
  const nativeId = `${device.deviceId}-${device.vxnetId}`;
  return {
    ...baseFields(ctx, 'network_interface', nativeId, nativeId, undefined, device.createdAt),
    device_kind: device.kind,
    device_id: resourceId(ctx, device.kind, device.deviceId),
    device_native_id: device.deviceId,
    ...defined({
      vpc_id: vpcOfVxnet(ctx, routers, device.vxnetId),
      subnet_id: subnetOfVxnet(ctx, routers, device.vxnetId),
    }),
    private_ips: [...new Set(device.privateIps)],
    primary: true,
    security_group_ids: [],
  };
}
