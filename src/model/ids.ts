import type { ProviderName, ResourceKind } from './common.js';

/** Context every mapper receives: which provider, account and region the raw data came from. */
export interface MapContext {
  readonly provider: ProviderName;
  /** The account's config `name`. */
  readonly account: string;
  /** The region being synced, or `global`. */
  readonly region: string;
}

/** The region value of account-wide records. */
export const GLOBAL_REGION = 'global';

/**
 * The deterministic, readable id of a record: `<provider>/<account>/<region>/<kind>/<native_id>`.
 * `native_id` may itself contain `/` (ARNs); the first four segments never do.
 */
export function resourceId(ctx: MapContext, kind: ResourceKind, nativeId: string): string {
  return `${ctx.provider}/${ctx.account}/${ctx.region}/${kind}/${nativeId}`;
}

/** Like `resourceId` but for a reference into another region of the same account. */
export function resourceIdIn(
  ctx: MapContext,
  region: string,
  kind: ResourceKind,
  nativeId: string,
): string {
  return resourceId({ ...ctx, region }, kind, nativeId);
}

/** `resourceId` when the native id is present, else `undefined` (for optional references). */
export function refId(
  ctx: MapContext,
  kind: ResourceKind,
  nativeId: string | undefined | null,
): string | undefined {
  return nativeId ? resourceId(ctx, kind, nativeId) : undefined;
}

/** A reference to the region's zone record whose native id is `zone` (undefined when missing or empty). */
export function zoneRef(ctx: MapContext, zone: string | undefined | null): string | undefined {
  return typeof zone === 'string' && zone !== '' ? resourceId(ctx, 'zone', zone) : undefined;
}

/** Splits an id back into its parts; `undefined` when it is not one of ours. */
export function parseResourceId(
  id: string,
):
  | { provider: string; account: string; region: string; kind: string; nativeId: string }
  | undefined {
  const parts = id.split('/');
  if (parts.length < 5) return undefined;
  const [provider, account, region, kind, ...rest] = parts;
  if (!provider || !account || !region || !kind) return undefined;
  return { provider, account, region, kind, nativeId: rest.join('/') };
}
