/** Helpers shared by the Huawei kind files. Pure: no I/O, no clock. */
import type { BaseFields, MapContext, ResourceKind } from '../../model/index.js';
import { baseFields as commonBaseFields, tagsFrom, toIsoUtc } from '../../model/index.js';
import type { Operation } from '../types.js';
import type { HuaweiService } from './spec.js';
import type * as wire from './wire.js';

// Shared by every provider (src/providers/types.ts, src/model).
export { operationName } from '../types.js';
import { nonEmpty, zoneRef } from '../../model/index.js';

export { nonEmpty, zoneRef };

/**
 * An operation: `action` is the API's name in the Huawei API Explorer (`ListServersDetails`); `permission` the
 * IAM fine-grained action (`ecs:cloudServers:list`).
 */
export function huaweiOperation(
  service: HuaweiService,
  action: string,
  required: boolean,
  permission: string,
): Operation {
  return { service, action, required, permission };
}

/** `[{key, value}]` tags (VPC, EIP v3, ELB v3, RDS v3, DCS v2). */
export function keyValueTags(
  tags: readonly wire.KeyValueTag[] | undefined,
): Record<string, string> {
  return tagsFrom(
    tags,
    (t) => t.key,
    (t) => t.value,
  );
}

/** ECS tags: `"key=value"` strings (a tag without `=` has an empty value). */
export function stringTags(tags: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) {
    const at = t.indexOf('=');
    const key = at < 0 ? t : t.slice(0, at);
    if (key !== '') out[key] = at < 0 ? '' : t.slice(at + 1);
  }
  return out;
}

/**
 * Huawei times are UTC: `2026-01-02T03:04:05Z`, `2026-01-02T03:04:05` (VPC, no zone) or, in NAT and DCS,
 * `2026-01-02 03:04:05.000000`. A value without a zone designator is read as UTC.
 */
export function huaweiTime(value: string | undefined | null): string | undefined {
  const v = nonEmpty(value);
  if (v === undefined) return undefined;
  const t = v.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
  return toIsoUtc(/[zZ]$|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t}Z`);
}

// Shared by every provider's mappers (src/model/record.ts).
export { defined, refIds } from '../../model/index.js';
export type { BaseFields, Defined } from '../../model/index.js';

/** The fields every record has, with Huawei times read as UTC. */
export function baseFields(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string,
  name: string,
  tags: Record<string, string>,
  createdAt?: string | null,
): BaseFields {
  return commonBaseFields(ctx, kind, nativeId, name, tags, huaweiTime(createdAt));
}
