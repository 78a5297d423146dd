import { readFileSync } from 'node:fs';
import type { DescribeAddressesResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapAddress } from './public-ip.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture('DescribeAddresses', name) as DescribeAddressesResult;
  return (page.Addresses ?? []).map((raw) => KIND_SCHEMAS.public_ip.parse(mapAddress(raw, ctx)));
}

describe('aws/public_ip', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.public_ip.json',
    );
  });

  it('names the device and interface of an associated elastic IP', () => {
    const [vmIp, natIp, nlbIp, spare] = mapPage('basic');
    expect(vmIp).toMatchObject({
      native_id: 'eipalloc-0a1b2c3d4e5f60051',
      name: 'web-1-eip',
      allocation: 'elastic',
      device_kind: 'vm',
      device_id: 'aws/prod/us-east-1/vm/i-0a1b2c3d4e5f60021',
      interface_id: 'aws/prod/us-east-1/network_interface/eni-0a1b2c3d4e5f60041',
      private_ip: '10.0.1.11',
    });
    expect(natIp?.device_kind).toBe('other');
    expect(nlbIp?.device_kind).toBe('load_balancer');
    expect(spare).not.toHaveProperty('device_kind');
    expect(spare?.name).toBe('203.0.113.54');
  });

  it('maps an address with every optional field missing', () => {
    const [ip] = mapPage('minimal');
    expect(ip).toMatchObject({ native_id: '203.0.113.55', ip: '203.0.113.55', tags: {} });
    expect(ip).not.toHaveProperty('interface_id');
  });
});
