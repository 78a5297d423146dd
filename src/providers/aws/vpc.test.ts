import { readFileSync } from 'node:fs';
import type { DescribeVpcsResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVpc } from './vpc.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(page: DescribeVpcsResult) {
  return (page.Vpcs ?? []).map((raw) => KIND_SCHEMAS.vpc.parse(mapVpc(raw, ctx)));
}

describe('aws/vpc', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const basic = ['two-pages-1', 'two-pages-2'].flatMap((p) =>
      mapPage(fixture('DescribeVpcs', p) as DescribeVpcsResult),
    );
    const minimal = mapPage(fixture('DescribeVpcs', 'minimal') as DescribeVpcsResult);
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.vpc.json',
    );
  });

  it('lists the primary CIDR first and leaves out disassociated blocks', () => {
    const [vpc] = mapPage(fixture('DescribeVpcs', 'two-pages-1') as DescribeVpcsResult);
    expect(vpc?.cidrs).toEqual(['10.0.0.0/16', '10.1.0.0/16', '2001:db8:1234:1a00::/56']);
  });

  it('falls back to native id when Name tag is absent', () => {
    const [vpc] = mapPage(fixture('DescribeVpcs', 'minimal') as DescribeVpcsResult);
    expect(vpc).toMatchObject({
      id: 'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60003',
      name: 'vpc-0a1b2c3d4e5f60003',
      tags: {},
      cidrs: [],
      is_default: false,
      state: 'unknown',
    });
  });
});
