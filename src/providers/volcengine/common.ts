/** Helpers shared by the Volcengine kind files. Pure: no I/O, no clock. */
import type { BaseFields, MapContext, ResourceKind } from '../../model/index.js';
import {
  baseFields as commonBaseFields,
  resourceId,
  tagsFrom,
  toIsoUtc,
} from '../../model/index.js';
import type { Operation } from '../types.js';
import type { VolcengineService } from './spec.js';

/** The OpenAPI `Version` of each service (one generic SDK `Service` per service and region). */
export const API_VERSIONS: Readonly<Record<VolcengineService, string>> = {
  ecs: '2020-04-01',
  vpc: '2020-04-01',
  clb: '2020-04-01',
  natgateway: '2020-04-01',
  rds_mysql: '2022-01-01',
  rds_postgresql: '2022-01-01',
  rds_mssql: '2022-01-01',
  redis: '2020-12-07',
  cen: '2020-04-01',
  vke: '2022-05-12',
};

/**
 * Services whose APIs take a JSON body on POST (the database and VKE APIs); the others take their
 * parameters in the query string of a GET.
 */
export const JSON_SERVICES: ReadonlySet<VolcengineService> = new Set([
  'rds_mysql',
  'rds_postgresql',
  'rds_mssql',
  'redis',
  'vke',
]);

/** An operation whose IAM permission is `<service>:<Action>`. */
export function volcOperation(
  service: VolcengineService,
  action: string,
  required: boolean,
): Operation {
  return { service, action, required, permission: `${service}:${action}` };
}

/** `service:Action`, as errors and metrics name an operation. */
export function operationName(op: Operation): string {
  return `${op.service}:${op.action}`;
}

/**
 * The string, or undefined when it is missing, null or empty. A value of another type (a number or an object
 * where the API documents a string) reads as missing too, so that no mapper calls string methods on it.
 */
export function nonEmpty(value: string | undefined | null): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Volcengine tags: `Tags[]` of `{Key, Value}` (the same in every service). */
export interface VolcTag {
  readonly Key?: string;
  readonly Value?: string;
}

export function volcTags(tags: readonly VolcTag[] | undefined | null): Record<string, string> {
  return tagsFrom(
    tags,
    (t) => t.Key,
    (t) => t.Value,
  );
}

/**
 * Volcengine times: `2026-01-02T03:04:05Z`, `2026-01-02T03:04:05+08:00`, or (databases) `2026-01-02 03:04:05`
 * without a zone, which is read as UTC.
 */
export function volcTime(value: string | undefined): string | undefined {
  const v = nonEmpty(value);
  if (v === undefined) return undefined;
  const iso = /[zZ]$|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v.replace(' ', 'T')}Z`;
  return toIsoUtc(iso);
}

/** A reference to a zone record (native id = ZoneId). */
export function zoneRef(ctx: MapContext, zoneId: string | undefined): string | undefined {
  const z = nonEmpty(zoneId);
  return z === undefined ? undefined : resourceId(ctx, 'zone', z);
}

// Shared by every provider's mappers (src/model/record.ts).
export { defined, refIds } from '../../model/index.js';
export type { BaseFields, Defined } from '../../model/index.js';

/** The fields every record has, with Volcengine times read as UTC. */
export function baseFields(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string,
  name: string,
  tags: Record<string, string>,
  createdAt?: string,
): BaseFields {
  return commonBaseFields(ctx, kind, nativeId, name, tags, volcTime(createdAt));
}
