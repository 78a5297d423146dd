import { guardMapper } from '../mapper-guard.js';
import { ZoneSchema } from '../../model/index.js';
import type { MapContext, Zone } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { huaweiRequest } from './client.js';
import { baseFields, huaweiOperation, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const LIST_ZONES = huaweiOperation(
  'ecs',
  'NovaListAvailabilityZones',
  false,
  'ecs:availabilityZones:list',
);

/** The AZ name (`cn-north-4a`) is its id, as DeepFlow names it. */
function mapZoneUnguarded(raw: wire.AvailabilityZone, ctx: MapContext): Zone {
  const nativeId = raw.zoneName ?? '';
  const available = raw.zoneState?.available;
  return {
    ...baseFields(ctx, 'zone', nativeId, nativeId, {}),
    state: available === true ? 'available' : available === false ? 'error' : 'unknown',
  };
}

export const zoneFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'zone',
  scope: 'regional',
  operations: [LIST_ZONES],
  async *fetch(ctx) {
    const out = await huaweiRequest<wire.NovaListAvailabilityZones>(
      ctx,
      LIST_ZONES,
      ctx.region,
      '/v2.1/{project_id}/os-availability-zone',
    );
    for (const raw of out.availabilityZoneInfo ?? []) {
      if (nonEmpty(raw.zoneName) === undefined) continue;
      yield { kind: 'zone', record: mapZone(raw, ctx.map) };
    }
  },
};

/** `mapZoneUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapZone = guardMapper('huawei zone', mapZoneUnguarded, ZoneSchema);
