import { readFileSync } from 'node:fs';
import type { DescribeSubnetsResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSubnet } from './subnet.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture('DescribeSubnets', name) as DescribeSubnetsResult;
  return (page.Subnets ?? []).map((raw) => KIND_SCHEMAS.subnet.parse(mapSubnet(raw, ctx)));
}

describe('aws/subnet', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.subnet.json',
    );
  });

  it('derives vpc and zone references from native ids', () => {
    const [subnet] = mapPage('basic');
    expect(subnet).toMatchObject({
      vpc_id: 'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60001',
      zone_id: 'aws/prod/us-east-1/zone/us-east-1a',
      cidrs: ['10.0.1.0/24', '2001:db8:1234:1a01::/64'],
    });
    expect(subnet).not.toHaveProperty('route_table_id');
  });

  it('maps a subnet with every optional field missing', () => {
    const [subnet] = mapPage('minimal');
    expect(subnet).toMatchObject({ name: 'subnet-0a1b2c3d4e5f60013', cidrs: [], state: 'unknown' });
    expect(subnet).not.toHaveProperty('zone_id');
  });
});
