import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRouteTable } from './route-table.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeRouteTableList, entries: readonly wire.RouteEntry[]) {
  return (page.RouterTableList?.RouterTableListType ?? []).map((raw) =>
    KIND_SCHEMAS.route_table.parse(mapRouteTable(raw, entries, ctx)),
  );
}

describe('aliyun/route_table', () => {
  const entries =
    fixture<wire.DescribeRouteEntryList>('DescribeRouteEntryList', 'basic').RouteEntrys
      ?.RouteEntry ?? [];

  it('maps route tables with their entries to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeRouteTableList', 'basic'), entries);
    const minimal = mapPage(fixture('DescribeRouteTableList', 'minimal'), []);
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.route-table.json',
    );
  });

  it('keeps Available entries only; no next hop is the local route; NatGateway references the NAT', () => {
    const [rt] = mapPage(fixture('DescribeRouteTableList', 'basic'), entries);
    expect(rt?.is_main).toBe(true);
    expect(rt?.routes.map((r) => [r.destination, r.next_hop_type])).toEqual([
      ['10.0.1.0/24', 'local'],
      ['0.0.0.0/0', 'nat_gateway'],
      ['172.31.0.0/16', 'instance'],
      ['192.168.0.0/16', 'other'],
    ]);
    expect(rt?.routes[1]?.next_hop_id).toBe(
      'aliyun/prod/cn-hangzhou/nat_gateway/ngw-bp1uewa15k4iy5770001',
    );
  });
});
