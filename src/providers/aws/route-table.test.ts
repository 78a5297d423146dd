import { readFileSync } from 'node:fs';
import type { DescribeRouteTablesResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRouteTable } from './route-table.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture('DescribeRouteTables', name) as DescribeRouteTablesResult;
  return (page.RouteTables ?? []).map((raw) =>
    KIND_SCHEMAS.route_table.parse(mapRouteTable(raw, ctx)),
  );
}

describe('aws/route_table', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.route_table.json',
    );
  });

  it('types each next hop and refers to the kinds we sync', () => {
    const [main] = mapPage('basic');
    expect(main?.routes.map((r) => [r.next_hop_type, r.next_hop_id, r.state])).toEqual([
      ['local', undefined, 'active'],
      ['nat_gateway', 'aws/prod/us-east-1/nat_gateway/nat-0a1b2c3d4e5f60061', 'active'],
      ['peering', 'aws/prod/us-east-1/peering_connection/pcx-0a1b2c3d4e5f60091', 'active'],
      ['transit_gateway', 'aws/prod/us-east-1/cloud_network/tgw-0a1b2c3d4e5f600a1', 'active'],
      ['instance', 'aws/prod/us-east-1/vm/i-0a1b2c3d4e5f60021', 'active'],
      [
        'network_interface',
        'aws/prod/us-east-1/network_interface/eni-0a1b2c3d4e5f60049',
        'blackhole',
      ],
      ['vpn_gateway', undefined, 'active'],
      ['vpc_endpoint', undefined, 'active'],
      ['egress_only_gateway', undefined, 'active'],
      ['other', undefined, 'unknown'],
    ]);
  });

  it('marks the main table and lists live subnet associations only', () => {
    const [main, pub] = mapPage('basic');
    expect(main).toMatchObject({ is_main: true, subnet_ids: [] });
    expect(pub).toMatchObject({
      is_main: false,
      subnet_ids: ['aws/prod/us-east-1/subnet/subnet-0a1b2c3d4e5f60011'],
    });
    expect(pub?.routes[1]).toEqual({
      destination: '0.0.0.0/0',
      next_hop_type: 'internet_gateway',
      next_hop: 'igw-0a1b2c3d',
      state: 'active',
    });
  });

  it('maps a table with every optional field missing', () => {
    const [table] = mapPage('minimal');
    expect(table?.routes).toEqual([{ destination: '', next_hop_type: 'other', state: 'unknown' }]);
  });
});
