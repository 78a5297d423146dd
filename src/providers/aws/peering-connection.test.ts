import { readFileSync } from 'node:fs';
import type { DescribeVpcPeeringConnectionsResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedPeering, mapPeeringConnection } from './peering-connection.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };
const ACCOUNT = '123456789012';

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture(
    'DescribeVpcPeeringConnections',
    name,
  ) as DescribeVpcPeeringConnectionsResult;
  return (page.VpcPeeringConnections ?? [])
    .filter(isListedPeering)
    .map((raw) => KIND_SCHEMAS.peering_connection.parse(mapPeeringConnection(raw, ctx, ACCOUNT)));
}

describe('aws/peering_connection', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.peering_connection.json',
    );
  });

  it('drops finished requests and refers only to VPCs of this account, in their region', () => {
    const [partner, incoming, crossRegion] = mapPage('basic');
    expect(mapPage('basic').map((p) => p.native_id)).not.toContain('pcx-0a1b2c3d4e5f60095');
    expect(partner).toMatchObject({
      state: 'available',
      local_vpc_id: 'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60001',
      remote_vpc_native_id: 'vpc-0f0e0d0c0b0a09001',
      remote_account_id: '210987654321',
    });
    expect(partner).not.toHaveProperty('remote_vpc_id');
    expect(incoming).toMatchObject({
      state: 'pending',
      local_region: 'eu-west-1',
      remote_vpc_id: 'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60002',
    });
    expect(incoming).not.toHaveProperty('local_vpc_id');
    expect(crossRegion?.remote_vpc_id).toBe('aws/prod/eu-west-1/vpc/vpc-0a1b2c3d4e5f600b1');
  });

  it('maps a peering with every optional field missing', () => {
    const [p] = mapPage('minimal');
    expect(p).toMatchObject({
      state: 'unknown',
      local_vpc_native_id: '',
      local_region: 'us-east-1',
      remote_region: 'us-east-1',
    });
    expect(p).not.toHaveProperty('local_vpc_id');
  });
});
