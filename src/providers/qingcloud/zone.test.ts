import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapZone } from './zone.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'pek3' };

describe('qingcloud/zone', () => {
  it('maps zones with their status', () => {
    expect(
      KIND_SCHEMAS.zone.parse(mapZone({ zone_id: 'pek3a', status: 'active' }, ctx)),
    ).toMatchObject({
      id: 'qingcloud/prod/pek3/zone/pek3a',
      name: 'pek3a',
      state: 'available',
    });
    expect(mapZone({ zone_id: 'pek3d', status: 'defunct' }, ctx).state).toBe('error');
  });
});
