import { readFileSync } from 'node:fs';
import type {
  DescribeTransitGatewayAttachmentsResult,
  DescribeTransitGatewaysResult,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedTransitGateway, mapTransitGateway } from './cloud-network.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };
const ACCOUNT = '123456789012';

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const gateways =
    (fixture('DescribeTransitGateways', name) as DescribeTransitGatewaysResult).TransitGateways ??
    [];
  const attachments =
    (fixture('DescribeTransitGatewayAttachments', name) as DescribeTransitGatewayAttachmentsResult)
      .TransitGatewayAttachments ?? [];
  return gateways
    .filter(isListedTransitGateway)
    .map((raw) =>
      KIND_SCHEMAS.cloud_network.parse(mapTransitGateway(raw, attachments, ctx, ACCOUNT)),
    );
}

describe('aws/cloud_network', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.cloud_network.json',
    );
  });

  it('keeps the gateway’s live attachments and refers to this account’s VPCs', () => {
    const [tgw, ...rest] = mapPage('basic');
    expect(rest).toEqual([]);
    expect(tgw?.vpc_ids).toEqual([
      'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60001',
      'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60002',
    ]);
    expect(tgw?.attachments.map((a) => [a.type, a.state])).toEqual([
      ['vpc', 'available'],
      ['vpc', 'pending'],
      ['vpc', 'pending'],
      ['vpn', 'available'],
      ['direct_connect', 'available'],
      ['peering', 'available'],
      ['other', 'available'],
    ]);
    expect(tgw?.attachments[2]).not.toHaveProperty('vpc_id');
  });

  it('maps a gateway with every optional field missing', () => {
    const [tgw] = mapPage('minimal');
    expect(tgw).toMatchObject({ state: 'unknown', vpc_ids: [] });
    expect(tgw?.attachments).toEqual([
      { native_id: 'tgw-attach-000000000000000a', type: 'other', state: 'unknown' },
    ]);
  });
});
