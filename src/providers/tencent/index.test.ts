import { describe, expect, it } from 'vitest';
import { adapter, mapRegions } from './index.js';

describe('tencent/index', () => {
  it('lists regions with their RegionName; only AVAILABLE ones are enabled', () => {
    expect(
      mapRegions({
        RegionSet: [
          { Region: 'ap-guangzhou', RegionName: '华南地区(广州)', RegionState: 'AVAILABLE' },
          {
            Region: 'ap-shanghai-fsi',
            RegionName: '华东地区(上海金融)',
            RegionState: 'UNAVAILABLE',
          },
          { RegionName: 'no id' },
        ],
      }),
    ).toEqual([
      { id: 'ap-guangzhou', localName: '华南地区(广州)', enabled: true },
      { id: 'ap-shanghai-fsi', localName: '华东地区(上海金融)', enabled: false },
    ]);
  });

  it('marks exactly regions, VPCs, subnets, instances and network interfaces as required', () => {
    const required = [
      ...adapter.accountOperations,
      ...adapter.fetchers.flatMap((f) => f.operations),
    ]
      .filter((op) => op.required)
      .map((op) => `${op.service}:${op.action}`);
    expect(required.sort()).toEqual([
      'cvm:DescribeInstances',
      'cvm:DescribeRegions',
      'vpc:DescribeNetworkInterfaces',
      'vpc:DescribeSubnets',
      'vpc:DescribeVpcs',
    ]);
    expect(adapter.retries).toBe('ours');
  });
});
