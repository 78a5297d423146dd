import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedSubnet, mapSubnet } from './subnet.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeVSwitches) {
  return (page.VSwitches?.VSwitch ?? [])
    .filter(isListedSubnet)
    .map((raw) => KIND_SCHEMAS.subnet.parse(mapSubnet(raw, ctx)));
}

describe('aliyun/subnet', () => {
  it('maps vSwitches to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeVSwitches', 'basic'));
    const minimal = mapPage(fixture('DescribeVSwitches', 'minimal'));
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.subnet.json',
    );
  });

  it('references its VPC, zone and route table', () => {
    const [sw] = mapPage(fixture('DescribeVSwitches', 'basic'));
    expect(sw).toMatchObject({
      vpc_id: 'aliyun/prod/cn-hangzhou/vpc/vpc-bp1aevy8sofi8mh1q0001',
      zone_id: 'aliyun/prod/cn-hangzhou/zone/cn-hangzhou-h',
      route_table_id: 'aliyun/prod/cn-hangzhou/route_table/vtb-bp1krxxzp0c29fmon0001',
      cidrs: ['10.0.1.0/24', '2408:4005:3ec:1::/64'],
      state: 'available',
    });
  });

  it('drops a vSwitch without a VPC instead of inventing one', () => {
    expect(isListedSubnet({ VSwitchId: 'vsw-1' })).toBe(false);
  });
});
