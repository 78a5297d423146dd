import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { groupsByRegion, mapVm } from './vm.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeInstances) {
  return (page.Instances?.Instance ?? []).map((raw) => KIND_SCHEMAS.vm.parse(mapVm(raw, ctx)));
}

describe('aliyun/vm', () => {
  it('maps instances to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeInstances', 'basic'));
    const minimal = mapPage(fixture('DescribeInstances', 'minimal'));
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.vm.json',
    );
  });

  it('takes InstanceName, Tags.Tag, the primary ENI IP and maps the state', () => {
    const [web, proxy] = mapPage(fixture('DescribeInstances', 'basic'));
    expect(web).toMatchObject({
      name: 'web-1',
      state: 'running',
      primary_ip: '10.0.1.10',
      tags: { env: 'prod', 'acs:ecs:owner': 'ops' },
      created_at: '2026-03-05T02:03:00.000Z',
    });
    expect(proxy).toMatchObject({ name: 'i-bp67acfmxazb4p000002', state: 'pending' });
    expect(proxy?.security_group_ids).toHaveLength(2);
  });

  it.each([
    ['Running', 'running'],
    ['Stopped', 'stopped'],
    ['Starting', 'pending'],
    ['Stopping', 'pending'],
    ['Pending', 'pending'],
    ['Exploded', 'unknown'],
  ])('state %s → %s', (Status, state) => {
    expect(mapVm({ InstanceId: 'i-1', Status }, ctx).state).toBe(state);
  });
});

describe('aliyun/vm resource-group pre-pass', () => {
  it('groups ListResources rows by region, each group once, skipping incomplete rows', () => {
    const map = groupsByRegion([
      { ResourceId: 'i-1', RegionId: 'cn-hangzhou', ResourceGroupId: 'rg-a' },
      { ResourceId: 'i-2', RegionId: 'cn-hangzhou', ResourceGroupId: 'rg-b' },
      { ResourceId: 'i-3', RegionId: 'cn-hangzhou', ResourceGroupId: 'rg-a' },
      { ResourceId: 'i-4', RegionId: 'cn-beijing', ResourceGroupId: 'rg-a' },
      { ResourceId: 'i-5', RegionId: 'cn-beijing' },
      { ResourceId: 'i-6', ResourceGroupId: 'rg-c' },
    ]);
    expect(Object.fromEntries(map)).toEqual({
      'cn-hangzhou': ['rg-a', 'rg-b'],
      'cn-beijing': ['rg-a'],
    });
  });
});
