/** Helpers shared by the Tencent kind files. Pure: no I/O, no clock. */
import type {
  BaseFields,
  DeviceKind,
  MapContext,
  NetworkInterface,
  PublicIp,
  ResourceKind,
} from '../../model/index.js';
import {
  baseFields as commonBaseFields,
  compact,
  defined,
  refId,
  resourceId,
  tagsFrom,
  toIsoUtc,
} from '../../model/index.js';
import type { Operation } from '../types.js';
import type { TencentService } from './spec.js';

// Shared by every provider (src/providers/types.ts, src/model).
export { operationName } from '../types.js';
import { nonEmpty, zoneRef } from '../../model/index.js';

export { nonEmpty, zoneRef };

/** The API version of each product (API 3.0, `X-TC-Version`). */
export const API_VERSIONS: Readonly<Record<TencentService, string>> = {
  cvm: '2017-03-12',
  vpc: '2017-03-12',
  clb: '2018-03-17',
  cdb: '2017-03-20',
  postgres: '2017-03-12',
  sqlserver: '2018-03-28',
  redis: '2018-04-12',
  tke: '2018-05-25',
};

/** An operation whose CAM permission is `<service>:<action>` (CAM names products by their service code). */
export function tencentOperation(
  service: TencentService,
  action: string,
  required: boolean,
): Operation {
  return { service, action, required, permission: `${service}:${action}` };
}

/** Tencent tags: `{Key, Value}` (CVM, VPC) or `{TagKey, TagValue}` (CLB, CDB, Redis, PostgreSQL). */
export interface TencentTag {
  readonly Key?: string;
  readonly Value?: string;
  readonly TagKey?: string;
  readonly TagValue?: string;
}

export function tencentTags(
  tags: readonly TencentTag[] | undefined | null,
): Record<string, string> {
  return tagsFrom(
    tags,
    (t) => t.Key ?? t.TagKey,
    (t) => t.Value ?? t.TagValue,
  );
}

/**
 * Tencent times: CVM gives ISO-8601 UTC (`2026-01-02T03:04:05Z`); VPC, CLB, CDB and Redis give
 * `2026-01-02 11:04:05`, which is China Standard Time (UTC+8) whatever the region.
 */
export function tencentTime(value: string | undefined | null): string | undefined {
  const v = nonEmpty(value);
  if (v === undefined || v.startsWith('0000')) return undefined;
  const iso = /[zZ]$|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v.replace(' ', 'T')}+08:00`;
  return toIsoUtc(iso);
}

/**
 * Redis names its zone by the numeric ZoneId only (`100003` = ap-guangzhou-3: region number × 100000 +
 * zone number), so the zone of the synced region is derived from it rather than looked up.
 */
export function zoneRefOfNumber(
  ctx: MapContext,
  zoneId: number | string | undefined | null,
): string | undefined {
  const n = Number(zoneId);
  if (zoneId === undefined || zoneId === null || !Number.isInteger(n) || n <= 0) return undefined;
  return resourceId(ctx, 'zone', `${ctx.region}-${n % 100000}`);
}

// Shared by every provider's mappers (src/model/record.ts).
export { defined, refIds } from '../../model/index.js';
export type { BaseFields, Defined } from '../../model/index.js';

/** The fields every record has, with Tencent times read as above. */
export function baseFields(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string,
  name: string,
  tags: Record<string, string>,
  createdAt?: string,
): BaseFields {
  return commonBaseFields(ctx, kind, nativeId, name, tags, tencentTime(createdAt));
}

/**
 * A managed service's address as a network interface (NAT, CLB, CDB, PostgreSQL, SQL Server, Redis expose
 * no ENI of their own): native id = the device's id, as DeepFlow keys such a vif by its device.
 */
export function deviceInterface(
  ctx: MapContext,
  kind: 'nat_gateway' | 'load_balancer' | 'rds_instance' | 'redis_instance',
  deviceNativeId: string,
  fields: {
    readonly vpcId?: string | undefined;
    readonly subnetId?: string | undefined;
    readonly privateIps: readonly (string | undefined)[];
  },
): NetworkInterface {
  return {
    ...baseFields(ctx, 'network_interface', deviceNativeId, deviceNativeId, {}),
    device_kind: kind,
    device_id: resourceId(ctx, kind, deviceNativeId),
    device_native_id: deviceNativeId,
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(fields.vpcId)),
      subnet_id: refId(ctx, 'subnet', nonEmpty(fields.subnetId)),
    }),
    private_ips: compact(fields.privateIps),
    primary: true,
    security_group_ids: [],
  };
}

/** A public address that is not an EIP (a CLB's public VIP, an address assigned with a CVM): id = the IP. */
export function ephemeralIp(
  ctx: MapContext,
  ip: string,
  device: {
    readonly kind: DeviceKind;
    readonly nativeId: string | undefined;
    readonly interfaceNativeId?: string | undefined;
    readonly privateIp?: string | undefined;
  },
): PublicIp {
  return {
    ...baseFields(ctx, 'public_ip', ip, ip, {}),
    ip,
    allocation: 'ephemeral',
    ...defined({
      device_kind: device.nativeId === undefined ? undefined : device.kind,
      device_id:
        device.kind === 'other' || device.kind === 'vpc_endpoint'
          ? undefined
          : refId(ctx, device.kind, device.nativeId),
      interface_id: refId(ctx, 'network_interface', device.interfaceNativeId),
      private_ip: nonEmpty(device.privateIp),
    }),
  };
}
