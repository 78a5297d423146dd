import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapZone } from './zone.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/zone', () => {
  it('names a zone by its ZoneId', () => {
    expect(KIND_SCHEMAS.zone.parse(mapZone('cn-beijing-a', ctx))).toMatchObject({
      id: 'volcengine/prod/cn-beijing/zone/cn-beijing-a',
      name: 'cn-beijing-a',
      state: 'available',
    });
  });
});
