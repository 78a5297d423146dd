import { guardMapper } from '../mapper-guard.js';
import { ZoneSchema } from '../../model/index.js';
import type { Availability, MapContext, Zone } from '../../model/index.js';
import { lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { DESCRIBE_ZONES, baseFields, regionOfZone } from './common.js';
import type * as wire from './wire.js';

const ZONE_STATE: Readonly<Record<string, Availability>> = {
  active: 'available',
  faulty: 'error',
  defunct: 'error',
};

/** A zone; native id and name = zone id (`pek3a`). */
function mapZoneUnguarded(raw: wire.Zone, ctx: MapContext): Zone {
  const nativeId = raw.zone_id ?? '';
  return {
    ...baseFields(ctx, 'zone', nativeId, nativeId, undefined),
    state: lookup(ZONE_STATE, raw.status, 'unknown'),
  };
}

/** The zones of the region, from the DescribeZones answer `connect` already has (no second call). */
export const zoneFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'zone',
  scope: 'regional',
  operations: [DESCRIBE_ZONES],
  async *fetch(ctx) {
    // Nothing to ask: the zones came with `connect` (one DescribeZones per account).
    await Promise.resolve();
    for (const raw of ctx.session.zones) {
      if (raw.zone_id && regionOfZone(raw.zone_id) === ctx.region) {
        yield { kind: 'zone', record: mapZone(raw, ctx.map) };
      }
    }
  },
};

/** `mapZoneUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapZone = guardMapper('qingcloud zone', mapZoneUnguarded, ZoneSchema);
