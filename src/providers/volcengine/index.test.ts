import { describe, expect, it } from 'vitest';
import { operationKey } from '../types.js';
import { adapter, mapRegions } from './index.js';

describe('volcengine/index', () => {
  it('lists the regions DescribeRegions gives, with the Chinese names of known ones', () => {
    expect(
      mapRegions([
        { RegionId: 'cn-beijing' },
        { RegionId: 'cn-new-1' },
        { RegionId: 'cn-beijing' },
        {},
      ]),
    ).toEqual([
      { id: 'cn-beijing', localName: '华北2（北京）', enabled: true },
      { id: 'cn-new-1', localName: undefined, enabled: true },
    ]);
  });

  it('marks exactly regions, VPCs, subnets, instances and network interfaces required', () => {
    const ops = [...adapter.accountOperations, ...adapter.fetchers.flatMap((f) => f.operations)];
    expect(ops.filter((o) => o.required).map(operationKey)).toEqual([
      'ecs:DescribeRegions',
      'vpc:DescribeVpcs',
      'vpc:DescribeSubnets',
      'ecs:DescribeInstances',
      'vpc:DescribeNetworkInterfaces',
    ]);
    expect(new Set(ops.map(operationKey)).size).toBe(ops.length);
  });

  it('has a check probe for every operation of the fetchers', () => {
    const keys = adapter.fetchers.flatMap((f) => f.operations).map(operationKey);
    expect(keys.filter((k) => adapter.probes?.[k] === undefined)).toEqual([]);
  });

  it('retries in our call wrapper only (the SDK never does)', () => {
    expect(adapter.retries).toBe('ours');
  });
});
