import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedZone, mapZone } from './zone.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/zone', () => {
  it('maps an available zone and drops sold-out ones', () => {
    const raw = {
      Zone: 'ap-guangzhou-3',
      ZoneName: '广州三区',
      ZoneId: '100003',
      ZoneState: 'AVAILABLE',
    };
    expect(KIND_SCHEMAS.zone.parse(mapZone(raw, ctx))).toMatchObject({
      id: 'tencent/prod/ap-guangzhou/zone/ap-guangzhou-3',
      name: '广州三区',
      alias: '广州三区',
      state: 'available',
    });
    expect(isListedZone(raw)).toBe(true);
    expect(isListedZone({ ...raw, ZoneState: 'UNAVAILABLE' })).toBe(false);
    expect(isListedZone({ ZoneState: 'AVAILABLE' })).toBe(false);
  });

  it('falls back to the zone id as name', () => {
    expect(mapZone({ Zone: 'ap-guangzhou-4' }, ctx)).not.toHaveProperty('alias');
    expect(mapZone({ Zone: 'ap-guangzhou-4' }, ctx).name).toBe('ap-guangzhou-4');
  });
});
