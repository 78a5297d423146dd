import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapZone } from './zone.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/zone', () => {
  it('names a zone by its zoneName, which is also its id', () => {
    expect(KIND_SCHEMAS.zone.parse(mapZone('cn-bj-a', ctx))).toEqual({
      id: 'baidu/prod/bj/zone/cn-bj-a',
      native_id: 'cn-bj-a',
      name: 'cn-bj-a',
      provider: 'baidu',
      account: 'prod',
      region: 'bj',
      tags: {},
      state: 'available',
    });
  });
});
