/** Helpers shared by the Baidu kind files. Pure: no I/O, no clock. */
import type { BaseFields, MapContext, NetworkInterface, ResourceKind } from '../../model/index.js';
import {
  baseFields as commonBaseFields,
  compact,
  defined,
  GLOBAL_REGION,
  refId,
  resourceId,
  tagsFrom,
  toIsoUtc,
} from '../../model/index.js';
import type { Operation } from '../types.js';
import type { BaiduService } from './spec.js';

// Shared by every provider (src/providers/types.ts, src/model).
export { operationName } from '../types.js';
import { nonEmpty, zoneRef } from '../../model/index.js';

export { nonEmpty, zoneRef };

/**
 * An operation. BCE IAM grants per service and permission level, not per API action: a read-only sync needs
 * `READ` (the `bce:*` policy of `check` lists it once).
 */
export function baiduOperation(
  service: BaiduService,
  action: string,
  required: boolean,
): Operation {
  return { service, action, required, permission: 'READ' };
}

/** BCE tags: `[{tagKey, tagValue}]`. */
export interface BaiduTag {
  readonly tagKey?: string;
  readonly tagValue?: string;
}

export function baiduTags(tags: readonly BaiduTag[] | undefined | null): Record<string, string> {
  return tagsFrom(
    tags,
    (t) => t.tagKey,
    (t) => t.tagValue,
  );
}

/** BCE times are UTC ISO-8601 (`2026-01-02T03:04:05Z`); a value without a zone is read as UTC. */
export function baiduTime(value: string | undefined): string | undefined {
  const v = nonEmpty(value);
  if (v === undefined) return undefined;
  const iso = /[zZ]$|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v.replace(' ', 'T')}Z`;
  return toIsoUtc(iso);
}

/** A reference to an account-wide record (CSN). */
export function globalRef(ctx: MapContext, kind: ResourceKind, nativeId: string): string {
  return resourceId({ ...ctx, region: GLOBAL_REGION }, kind, nativeId);
}

// Shared by every provider's mappers (src/model/record.ts).
export { defined, refIds } from '../../model/index.js';
export type { BaseFields, Defined } from '../../model/index.js';

/** The fields every record has. */
export function baseFields(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string,
  name: string,
  tags: Record<string, string>,
  createdAt?: string,
): BaseFields {
  return commonBaseFields(ctx, kind, nativeId, name, tags, baiduTime(createdAt));
}

/** What a managed device (NAT, BLB, RDS, SCS) tells of its network. */
export interface DeviceNetwork {
  readonly vpcId?: string | undefined;
  readonly subnetId?: string | undefined;
  readonly privateIps: readonly (string | undefined)[];
}

/**
 * The network interface a managed device contributes (BCE lists none for it): its native id is the device's,
 * as DeepFlow keys a NAT's or a BLB's interface by the device.
 */
export function deviceInterface(
  ctx: MapContext,
  kind: 'nat_gateway' | 'load_balancer' | 'rds_instance' | 'redis_instance',
  deviceId: string,
  net: DeviceNetwork,
): NetworkInterface {
  return {
    ...baseFields(ctx, 'network_interface', deviceId, deviceId, {}),
    device_kind: kind,
    device_id: resourceId(ctx, kind, deviceId),
    device_native_id: deviceId,
    ...defined({
      vpc_id: refId(ctx, 'vpc', net.vpcId),
      subnet_id: refId(ctx, 'subnet', net.subnetId),
    }),
    private_ips: compact(net.privateIps),
    primary: true,
    security_group_ids: [],
  };
}
