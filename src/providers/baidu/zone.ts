import { guardMapper } from '../mapper-guard.js';
import { ZoneSchema } from '../../model/index.js';
import type { MapContext, Zone } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { baiduRequest } from './client.js';
import { baiduOperation, baseFields } from './common.js';
import type * as wire from './wire.js';

const LIST_ZONES = baiduOperation('bcc', 'ListZones', false);

/** BCE lists only the zones the account can use (`cn-bj-a`); the name is the id. */
function mapZoneUnguarded(zoneName: string, ctx: MapContext): Zone {
  return { ...baseFields(ctx, 'zone', zoneName, zoneName, {}), state: 'available' };
}

export const zoneFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'zone',
  scope: 'regional',
  operations: [LIST_ZONES],
  async *fetch(ctx) {
    const out = await baiduRequest<wire.ListZones>(ctx, LIST_ZONES, ctx.region, {
      path: '/v2/zone',
    });
    for (const z of out.zones ?? []) {
      if (z.zoneName) yield { kind: 'zone', record: mapZone(z.zoneName, ctx.map) };
    }
  },
};

/** `mapZoneUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapZone = guardMapper('baidu zone', mapZoneUnguarded, ZoneSchema);
