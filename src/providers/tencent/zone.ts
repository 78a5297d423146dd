import { guardMapper } from '../mapper-guard.js';
import { ZoneSchema } from '../../model/index.js';
import type { MapContext, Zone } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { tencentRequest } from './client.js';
import { baseFields, defined, nonEmpty, tencentOperation } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_ZONES = tencentOperation('cvm', 'DescribeZones', false);

/** Sold-out and closed zones are listed too; only AVAILABLE ones are synced (as DeepFlow does). */
export function isListedZone(raw: wire.Zone): boolean {
  return nonEmpty(raw.Zone) !== undefined && raw.ZoneState === 'AVAILABLE';
}

/** A zone; native id = Zone (`ap-guangzhou-3`), name = ZoneName (`广州三区`). */
function mapZoneUnguarded(raw: wire.Zone, ctx: MapContext): Zone {
  const nativeId = raw.Zone ?? '';
  return {
    ...baseFields(ctx, 'zone', nativeId, nonEmpty(raw.ZoneName) ?? nativeId, {}),
    ...defined({ alias: nonEmpty(raw.ZoneName) }),
    state: 'available',
  };
}

export const zoneFetcher: ResourceFetcher<TencentSession> = {
  kind: 'zone',
  scope: 'regional',
  operations: [DESCRIBE_ZONES],
  async *fetch(ctx) {
    // Not paged: one response lists every zone of the region.
    const out = await tencentRequest<wire.DescribeZones>(
      ctx,
      ctx.session.clients,
      DESCRIBE_ZONES,
      ctx.region,
      {},
    );
    for (const raw of out.ZoneSet ?? []) {
      if (isListedZone(raw)) yield { kind: 'zone', record: mapZone(raw, ctx.map) };
    }
  },
};

/** `mapZoneUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapZone = guardMapper('tencent zone', mapZoneUnguarded, ZoneSchema);
