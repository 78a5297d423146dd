import { describe, expect, it } from 'vitest';
import { generateWorld } from '../world.js';
import { baiduNativeIds, baiduRegions } from './shape.js';

describe('baidu world shape', () => {
  it('has BCE region ids with Chinese names, the disabled one last', () => {
    const regions = baiduRegions('small');
    expect(regions.map((r) => [r.id, r.localName, r.enabled])).toEqual([
      ['bj', '北京', true],
      ['gz', '广州', true],
      ['su', '苏州', true],
      ['yq', '阳泉', false],
    ]);
  });

  it('shapes ids like BCE and keeps them unique and stable per seed', () => {
    const ids = baiduNativeIds(7, ['bj', 'gz']);
    expect(ids('vpc', 0, 'bj')).toMatch(/^vpc-[0-9a-z]{13}$/);
    expect(ids('subnet', 0, 'bj')).toMatch(/^sbn-[0-9a-z]{13}$/);
    expect(ids('vm', 0, 'bj')).toMatch(/^i-[0-9A-Za-z]{11}$/);
    expect(ids('zone', 1, 'gz')).toBe('cn-gz-b');
    expect(baiduNativeIds(7, ['bj', 'gz'])('vpc', 3, 'gz')).toBe(ids('vpc', 3, 'gz'));
    const all = new Set<string>();
    for (const region of ['bj', 'gz']) {
      for (const kind of ['vpc', 'subnet', 'vm', 'network_interface', 'cloud_network'] as const) {
        for (let n = 0; n < 200; n++) all.add(ids(kind, n, region));
      }
    }
    expect(all.size).toBe(2 * 5 * 200);
  });

  it('generates a world whose regions and ids are Baidu-shaped', () => {
    const world = generateWorld({ provider: 'baidu', seed: 1, scale: 'tiny' });
    expect(world.regions.map((r) => r.id)).toEqual(['bj', 'gz', 'yq']);
    expect(world.resources('bj').vpcs[0]?.id).toMatch(/^vpc-/);
    expect(world.resources('yq').vpcs).toEqual([]);
  });
});
