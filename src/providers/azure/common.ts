/** Helpers shared by the Azure kind files. Pure: no I/O, no clock. */
import type { MapContext, ResourceKind } from '../../model/index.js';
import { resourceId, tagsFrom } from '../../model/index.js';
import type { Operation } from '../types.js';

// Shared by every provider (src/providers/types.ts, src/model).
import { nonEmpty, zoneRef } from '../../model/index.js';

export { nonEmpty, zoneRef };

export { baseFields, compact, defined, lookup, refIds } from '../../model/index.js';

/**
 * An ARM operation: `action` is the SDK call (`virtualNetworks.listAll`), `permission` the RBAC action it
 * needs (`Microsoft.Network/virtualNetworks/read`). Every ARM call goes to the `management` endpoint.
 */
export function azureOperation(action: string, permission: string, required: boolean): Operation {
  return { service: 'management', action, required, permission };
}

/**
 * ARM resource ids are case-insensitive and ARM does not keep one spelling (a VM names its NIC's resource
 * group in upper case, the NIC itself in lower case): native ids are the id in lower case, so references
 * derived from any spelling resolve.
 */
export function armId(id: string | undefined | null): string | undefined {
  const v = nonEmpty(id);
  return v === undefined ? undefined : v.toLowerCase();
}

/** The resource id up to (not including) `/<segment>/`: a subnet's VNet, an ip configuration's NIC. */
export function parentOf(id: string | undefined, segment: string): string | undefined {
  const v = armId(id);
  if (v === undefined) return undefined;
  const at = v.indexOf(`/${segment.toLowerCase()}/`);
  return at < 0 ? undefined : v.slice(0, at);
}

/** The last path segment of an ARM id (its name). */
export function leafOf(id: string | undefined | null): string | undefined {
  const v = nonEmpty(id);
  return v === undefined ? undefined : (v.split('/').pop() ?? undefined);
}

/** The subscription an ARM id lives in. */
export function subscriptionOf(id: string | undefined | null): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id ?? '')?.[1]?.toLowerCase();
}

/** ARM `location` as a region id: `East US` (Redis) and `eastus` (most providers) are the same. */
export function locationId(location: string | undefined | null): string {
  return (location ?? '').toLowerCase().replace(/\s+/g, '');
}

/** True when the resource is in the task's region. */
export function inRegion(raw: { location?: string | null }, region: string): boolean {
  return locationId(raw.location) === region;
}

/** A reference to a record of this region by ARM id (lower-cased). */
export function ref(ctx: MapContext, kind: ResourceKind, id: string | undefined | null) {
  const v = armId(id);
  return v === undefined ? undefined : resourceId(ctx, kind, v);
}

/** References by ARM id, without duplicates. */
export function refs(
  ctx: MapContext,
  kind: ResourceKind,
  ids: readonly (string | undefined | null)[],
): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const r = ref(ctx, kind, id);
    if (r !== undefined && !out.includes(r)) out.push(r);
  }
  return out;
}

/** ARM tags are a plain object. */
export function azureTags(
  tags: Readonly<Record<string, string>> | undefined | null,
): Record<string, string> {
  return tagsFrom(
    Object.entries(tags ?? {}),
    ([k]) => k,
    ([, v]) => v,
  );
}

/** `00-0D-3A-12-34-56` (ARM) → `00:0d:3a:12:34:56`. */
export function macOf(mac: string | undefined | null): string | undefined {
  const v = nonEmpty(mac);
  return v === undefined ? undefined : v.replace(/-/g, ':').toLowerCase();
}

/** ARM `provisioningState` → our availability. */
export function provisioningState(state: string | undefined | null) {
  switch ((state ?? '').toLowerCase()) {
    case 'succeeded':
      return 'available' as const;
    case 'creating':
    case 'updating':
    case 'provisioning':
      return 'pending' as const;
    case 'deleting':
      return 'deleting' as const;
    case 'failed':
    case 'canceled':
      return 'error' as const;
    default:
      return 'unknown' as const;
  }
}
