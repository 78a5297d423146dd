import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapNatGateway } from './nat-gateway.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

describe('aliyun/nat_gateway', () => {
  const snat =
    fixture<wire.DescribeSnatTableEntries>('DescribeSnatTableEntries', 'basic').SnatTableEntries
      ?.SnatTableEntry ?? [];
  const dnat =
    fixture<wire.DescribeForwardTableEntries>('DescribeForwardTableEntries', 'basic')
      .ForwardTableEntries?.ForwardTableEntry ?? [];

  function mapPage(page: wire.DescribeNatGateways, withRules: boolean) {
    return (page.NatGateways?.NatGateway ?? []).map((raw) =>
      KIND_SCHEMAS.nat_gateway.parse(
        mapNatGateway(raw, withRules ? snat : [], withRules ? dnat : [], ctx),
      ),
    );
  }

  it('maps NAT gateways with SNAT/DNAT entries to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeNatGateways', 'basic'), true);
    const minimal = mapPage(fixture('DescribeNatGateways', 'minimal'), false);
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.nat-gateway.json',
    );
  });

  it('splits SnatIp lists, and maps Any ports and protocols', () => {
    const [nat] = mapPage(fixture('DescribeNatGateways', 'basic'), true);
    expect(nat?.public_ips).toEqual(['198.51.100.30']);
    expect(nat?.snat_rules[1]?.public_ips).toEqual(['198.51.100.30', '198.51.100.31']);
    expect(nat?.dnat_rules[1]).toEqual({
      native_id: 'fwd-bp1u1b6z5y0pg3rj0002',
      protocol: 'all',
      public_ip: '198.51.100.30',
      private_ip: '10.0.1.11',
    });
  });
});
