import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapZone } from './zone.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/zone', () => {
  it('names a zone by its AZ name and reads its state', () => {
    const z = KIND_SCHEMAS.zone.parse(
      mapZone({ zoneName: 'cn-north-4a', zoneState: { available: true } }, ctx),
    );
    expect(z).toMatchObject({
      id: ref('zone', 'cn-north-4a'),
      name: 'cn-north-4a',
      state: 'available',
    });
    expect(mapZone({ zoneName: 'cn-north-4b' }, ctx).state).toBe('unknown');
  });
});
