/** Helpers shared by the Aliyun kind files. Pure: no I/O, no clock. */
import type { BaseFields, MapContext, ResourceKind } from '../../model/index.js';
import { baseFields as commonBaseFields, tagsFrom, toIsoUtc } from '../../model/index.js';
import type { Operation } from '../types.js';
import type { AliyunService } from './spec.js';

// Shared by every provider (src/providers/types.ts, src/model).
export { operationName } from '../types.js';
import { nonEmpty, zoneRef } from '../../model/index.js';

export { nonEmpty, zoneRef };

/** The RPC API version of each product (one pop-core client per product, version and region). */
export const API_VERSIONS: Readonly<Record<AliyunService, string>> = {
  ecs: '2014-05-26',
  vpc: '2016-04-28',
  slb: '2014-05-15',
  alb: '2020-06-16',
  nlb: '2022-04-30',
  rds: '2014-08-15',
  'r-kvstore': '2015-01-01',
  cbn: '2017-09-12',
  resourcemanager: '2020-03-31',
  vpcpeer: '2022-01-01',
  sts: '2015-04-01',
  cs: '2015-12-15',
};

/** RAM action prefix of each product (`kvstore:`, not `r-kvstore:`). */
const RAM_PREFIX: Readonly<Record<AliyunService, string>> = {
  ecs: 'ecs',
  vpc: 'vpc',
  slb: 'slb',
  alb: 'alb',
  nlb: 'nlb',
  rds: 'rds',
  'r-kvstore': 'kvstore',
  cbn: 'cbn',
  resourcemanager: 'resourcemanager',
  // VpcPeer is its own product (vpcpeer.aliyuncs.com) but RAM authorises it under `vpc:`.
  vpcpeer: 'vpc',
  sts: 'sts',
  cs: 'cs',
};

/** An operation whose RAM permission is `<prefix>:<action>`. */
export function aliyunOperation(
  service: AliyunService,
  action: string,
  required: boolean,
): Operation {
  return { service, action, required, permission: `${RAM_PREFIX[service]}:${action}` };
}

/** Aliyun tags: `Tags.Tag[]` of `{TagKey, TagValue}` (ECS, VPC) or `{Key, Value}` (SLB, RDS). */
export interface AliyunTag {
  readonly TagKey?: string;
  readonly TagValue?: string;
  readonly Key?: string;
  readonly Value?: string;
}

export function aliyunTags(
  tags: { readonly Tag?: readonly AliyunTag[] } | undefined,
): Record<string, string> {
  return tagsFrom(
    tags?.Tag,
    (t) => t.TagKey ?? t.Key,
    (t) => t.TagValue ?? t.Value,
  );
}

/**
 * Aliyun times are UTC: `2026-01-02T03:04Z`, `2026-01-02T03:04:05Z`, or (RDS/SLB) with seconds and no zone.
 * A value without a zone designator is read as UTC.
 */
export function aliyunTime(value: string | undefined): string | undefined {
  const v = nonEmpty(value);
  if (v === undefined) return undefined;
  const iso = /[zZ]$|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v.replace(' ', 'T')}Z`;
  return toIsoUtc(iso);
}

// Shared by every provider's mappers (src/model/record.ts).
export { defined, refIds } from '../../model/index.js';
export type { BaseFields, Defined } from '../../model/index.js';

/** The fields every record has; Aliyun times (minutes, no seconds, sometimes no zone) are read as UTC. */
export function baseFields(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string,
  name: string,
  tags: Record<string, string>,
  createdAt?: string,
): BaseFields {
  return commonBaseFields(ctx, kind, nativeId, name, tags, aliyunTime(createdAt));
}
