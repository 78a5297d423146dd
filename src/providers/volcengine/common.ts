/** Helpers shared by the Volcengine kind files. Pure: no I/O, no clock. */
import type { BaseFields, MapContext, ResourceKind } from '../../model/index.js';
import { baseFields as commonBaseFields, tagsFrom, toIsoUtc } from '../../model/index.js';
import type { Operation } from '../types.js';
import type { VolcengineService } from './spec.js';

// Shared by every provider (src/providers/types.ts, src/model).
export { operationName } from '../types.js';
import { nonEmpty, zoneRef } from '../../model/index.js';

export { nonEmpty, zoneRef };

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
