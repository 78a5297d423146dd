import { guardMapper } from '../mapper-guard.js';
import { ZoneSchema } from '../../model/index.js';
import type { MapContext, Zone } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { aliyunRequest } from './client.js';
import { aliyunOperation, baseFields, defined, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_ZONES = aliyunOperation('vpc', 'DescribeZones', false);

/** A zone; native id = ZoneId (`cn-hangzhou-h`), name = LocalName (`杭州 可用区H`). Listed zones are usable. */
function mapZoneUnguarded(raw: wire.Zone, ctx: MapContext): Zone {
  const nativeId = raw.ZoneId ?? '';
  return {
    ...baseFields(ctx, 'zone', nativeId, nonEmpty(raw.LocalName) ?? nativeId, {}),
    ...defined({ alias: nonEmpty(raw.LocalName) }),
    state: 'available',
  };
}

export const zoneFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'zone',
  scope: 'regional',
  operations: [DESCRIBE_ZONES],
  async *fetch(ctx) {
    // Not paged: one response lists every zone of the region.
    const out = await aliyunRequest<wire.DescribeZones>(
      ctx,
      ctx.session.clients,
      DESCRIBE_ZONES,
      ctx.region,
      { RegionId: ctx.region, AcceptLanguage: 'zh-CN' },
    );
    for (const raw of out.Zones?.Zone ?? []) {
      if (raw.ZoneId) yield { kind: 'zone', record: mapZone(raw, ctx.map) };
    }
  },
};

/** `mapZoneUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapZone = guardMapper('aliyun zone', mapZoneUnguarded, ZoneSchema);
