import { guardMapper } from '../mapper-guard.js';
import { ZoneSchema } from '../../model/index.js';
import type { MapContext, Zone } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { volcRequest } from './client.js';
import { baseFields, volcOperation } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_ZONES = volcOperation('ecs', 'DescribeZones', false);

/** A zone; name = label = ZoneId (DeepFlow's). The API lists only zones open to the account. */
function mapZoneUnguarded(zoneId: string, ctx: MapContext): Zone {
  return { ...baseFields(ctx, 'zone', zoneId, zoneId, {}), state: 'available' };
}

export const zoneFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'zone',
  scope: 'regional',
  operations: [DESCRIBE_ZONES],
  async *fetch(ctx) {
    // One call answers every zone of the region (the API does not page).
    const out = await volcRequest<wire.DescribeZones>(
      ctx,
      ctx.session.clients,
      DESCRIBE_ZONES,
      ctx.region,
      {},
    );
    for (const z of out.Zones ?? []) {
      if (z.ZoneId) yield { kind: 'zone', record: mapZone(z.ZoneId, ctx.map) };
    }
  },
};

/** `mapZoneUnguarded` behind the hostile-shape guard. */
export const mapZone = guardMapper('volcengine zone', mapZoneUnguarded, ZoneSchema);
