/** Record-building helpers shared by every provider's mappers. Pure: no I/O, no clock. */
import type { ProviderName, ResourceKind } from './common.js';
import type { MapContext } from './ids.js';
import { resourceId } from './ids.js';
import { toIsoUtc } from './normalize.js';

/** References for a list of native ids, without duplicates. */
export function refIds(
  ctx: MapContext,
  kind: ResourceKind,
  nativeIds: readonly (string | undefined)[],
): string[] {
  const out: string[] = [];
  for (const nativeId of nativeIds) {
    if (!nativeId) continue;
    const id = resourceId(ctx, kind, nativeId);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

type OptionalKeys<T> = { [K in keyof T]: undefined extends T[K] ? K : never }[keyof T];
type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

/** The object without its undefined values, typed so that those keys become optional. */
export type Defined<T> = { [K in RequiredKeys<T>]: T[K] } & {
  [K in OptionalKeys<T>]?: Exclude<T[K], undefined>;
};

/** Drops undefined values, so optional fields are omitted rather than set to undefined. */
export function defined<T extends object>(fields: T): Defined<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Defined<T>;
}

/** Fields every record has. */
export interface BaseFields {
  id: string;
  native_id: string;
  name: string;
  provider: ProviderName;
  account: string;
  region: string;
  tags: Record<string, string>;
  created_at?: string;
}

export function baseFields(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string,
  name: string,
  tags: Record<string, string>,
  createdAt?: Date | string,
): BaseFields {
  const created = toIsoUtc(createdAt);
  return {
    id: resourceId(ctx, kind, nativeId),
    native_id: nativeId,
    name,
    provider: ctx.provider,
    account: ctx.account,
    region: ctx.region,
    tags,
    ...(created === undefined ? {} : { created_at: created }),
  };
}
