import { describe, expect, it } from 'vitest';
import { generateWorld } from '../world.js';
import { numericZoneId, tencentNativeIds, tencentRegions } from './shape.js';

describe('tencent/shape', () => {
  it('lists real regions with their RegionName, finance regions disabled and last', () => {
    const regions = tencentRegions('tiny');
    expect(regions[0]).toMatchObject({
      id: 'ap-guangzhou',
      localName: '华南地区(广州)',
      enabled: true,
    });
    expect(regions.at(-1)).toMatchObject({ id: 'ap-shanghai-fsi', enabled: false });
  });

  it('shapes ids like Tencent and keeps them unique and stable per seed', () => {
    const ids = tencentNativeIds(7, ['ap-guangzhou', 'ap-shanghai']);
    expect(ids('vpc', 0, 'ap-guangzhou')).toMatch(/^vpc-[0-9a-z]{8}$/);
    expect(ids('vm', 3, 'ap-shanghai')).toMatch(/^ins-[0-9a-z]{8}$/);
    expect(ids('zone', 0, 'ap-guangzhou')).toBe('ap-guangzhou-3');
    expect(ids('vpc', 0, 'ap-guangzhou')).toBe(
      tencentNativeIds(7, ['ap-guangzhou'])('vpc', 0, 'ap-guangzhou'),
    );
    const seen = new Set<string>();
    for (const region of ['ap-guangzhou', 'ap-shanghai']) {
      for (let n = 0; n < 2000; n++) seen.add(ids('network_interface', n, region));
    }
    expect(seen.size).toBe(4000);
  });

  it('numbers zones the way Redis reports them', () => {
    expect(numericZoneId('ap-guangzhou-3')).toBe(100003);
    expect(numericZoneId('ap-shanghai-2')).toBe(200002);
  });

  it('gives the generated world Tencent ids', () => {
    const world = generateWorld({ provider: 'tencent', scale: 'tiny' });
    const res = world.resources('ap-guangzhou');
    expect(res.vpcs[0]?.id).toMatch(/^vpc-/);
    expect(res.zones[0]?.id).toMatch(/^ap-guangzhou-\d$/);
  });
});
