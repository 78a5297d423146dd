import { readFileSync } from 'node:fs';
import type { DescribeNatGatewaysResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedNatGateway, mapNatGateway } from './nat-gateway.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture('DescribeNatGateways', name) as DescribeNatGatewaysResult;
  return (page.NatGateways ?? [])
    .filter(isListedNatGateway)
    .map((raw) => KIND_SCHEMAS.nat_gateway.parse(mapNatGateway(raw, ctx)));
}

describe('aws/nat_gateway', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.nat_gateway.json',
    );
  });

  it('skips deleted gateways and lists every address', () => {
    const nats = mapPage('basic');
    expect(nats.map((n) => n.native_id)).toEqual([
      'nat-0a1b2c3d4e5f60061',
      'nat-0a1b2c3d4e5f60062',
    ]);
    expect(nats[0]).toMatchObject({
      public_ips: ['198.51.100.30', '198.51.100.31'],
      private_ips: ['10.0.1.30', '10.0.1.31'],
      connectivity: 'public',
      snat_rules: [],
      dnat_rules: [],
    });
    expect(nats[1]).toMatchObject({ connectivity: 'private', public_ips: [], state: 'pending' });
  });

  it('maps a gateway with every optional field missing', () => {
    const [nat] = mapPage('minimal');
    expect(nat).toMatchObject({ state: 'unknown', connectivity: 'public', public_ips: [] });
    expect(nat).not.toHaveProperty('subnet_id');
  });
});
