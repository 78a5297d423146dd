import { describe, expect, it } from 'vitest';
import { operationKey } from '../types.js';
import { regionOfZone } from './common.js';
import { adapter, mapRegions } from './index.js';

describe('qingcloud/index', () => {
  it('groups zones into regions as DeepFlow does (ap zones are their own region)', () => {
    expect(['pek3a', 'sh1b', 'gd2a', 'ap2a'].map(regionOfZone)).toEqual([
      'pek3',
      'sh1',
      'gd2',
      'ap2a',
    ]);
    expect(
      mapRegions([
        { zone_id: 'pek3a', status: 'active' },
        { zone_id: 'pek3b', status: 'faulty' },
        { zone_id: 'ap2a', status: 'defunct' },
      ]),
    ).toEqual([
      { id: 'pek3', localName: '北京3区', enabled: true },
      { id: 'ap2a', localName: '亚太2区-A', enabled: false },
    ]);
  });

  it("marks exactly the seed table's operations required and probes every other one", () => {
    const ops = [...adapter.accountOperations, ...adapter.fetchers.flatMap((f) => f.operations)];
    const required = new Set(ops.filter((o) => o.required).map((o) => o.action));
    expect([...required].sort()).toEqual([
      'DescribeInstances',
      'DescribeNics',
      'DescribeRouters',
      'DescribeVxnets',
      'DescribeZones',
    ]);
    // One operation is declared the same way wherever it is used.
    const byKey = new Map<string, boolean>();
    for (const o of ops) {
      expect(byKey.get(operationKey(o)) ?? o.required).toBe(o.required);
      byKey.set(operationKey(o), o.required);
    }
    const unprobed = [...byKey.keys()].filter((k) => adapter.probes?.[k] === undefined);
    expect(unprobed).toEqual(['iaas:DescribeZones']);
    const kinds = adapter.fetchers.map((f) => f.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
