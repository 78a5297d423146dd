import { guardMapper } from '../mapper-guard.js';
import { ZoneSchema } from '../../model/index.js';
import type { MapContext, Zone } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AzureLocation, AzureSession } from './pages.js';
import { baseFields, nonEmpty } from './common.js';
import type * as wire from './wire.js';

/**
 * A logical availability zone (`1`, `2`, `3`) of a location, from the location's availability zone
 * mappings that `connect` listed: zones need no call of their own. Logical zone names are per subscription
 * (zone `1` of two subscriptions may be different datacenters); resources name the logical zone.
 */
function mapZoneUnguarded(logical: string, ctx: MapContext): Zone {
  return {
    ...baseFields(ctx, 'zone', logical, `${ctx.region}-${logical}`, {}),
    state: 'available',
  };
}

export const zoneFetcher: ResourceFetcher<AzureSession> = {
  kind: 'zone',
  scope: 'regional',
  operations: [],
  // eslint-disable-next-line @typescript-eslint/require-await -- no call: the zones came with the locations
  async *fetch(ctx) {
    const location = ctx.session.locations.find((l) => l.id === ctx.region);
    for (const z of location?.zones ?? []) yield { kind: 'zone', record: mapZone(z, ctx.map) };
  },
};

/** Physical locations with their logical zones; logical ones (`global`, edge zones) are not regions. */
function mapLocationsUnguarded(raw: readonly wire.Location[]): AzureLocation[] {
  const out: AzureLocation[] = [];
  for (const l of raw) {
    const id = nonEmpty(l.name);
    if (id === undefined || l.metadata?.regionType === 'Logical') continue;
    const zones = (l.availabilityZoneMappings ?? [])
      .flatMap((m) => nonEmpty(m.logicalZone) ?? [])
      .sort();
    out.push({ id, localName: nonEmpty(l.displayName), enabled: true, zones });
  }
  return out;
}

/** `mapZoneUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapZone = guardMapper('azure zone', mapZoneUnguarded, ZoneSchema);
/** `mapLocationsUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapLocations = guardMapper('azure locations', mapLocationsUnguarded);
