import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { assignedPublicIps, deviceKindOf, mapNetworkInterface } from './network-interface.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeNetworkInterfaces) {
  const sets = page.NetworkInterfaceSets?.NetworkInterfaceSet ?? [];
  return {
    interfaces: sets.map((raw) =>
      KIND_SCHEMAS.network_interface.parse(mapNetworkInterface(raw, ctx)),
    ),
    public_ips: sets.flatMap((raw) =>
      assignedPublicIps(raw, ctx).map((ip) => KIND_SCHEMAS.public_ip.parse(ip)),
    ),
  };
}

describe('aliyun/network_interface', () => {
  it('maps ENIs and their assigned public IPs to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeNetworkInterfaces', 'basic'));
    const minimal = mapPage(fixture('DescribeNetworkInterfaces', 'minimal'));
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.network-interface.json',
    );
  });

  it('emits AssociatedPublicIp without an allocation id once, and leaves EIPs to DescribeEipAddresses', () => {
    const { public_ips } = mapPage(fixture('DescribeNetworkInterfaces', 'basic'));
    expect(public_ips.map((p) => [p.ip, p.allocation, p.device_id])).toEqual([
      ['203.0.113.10', 'ephemeral', 'aliyun/prod/cn-hangzhou/vm/i-bp67acfmxazb4p000001'],
    ]);
  });

  it.each([
    ['i-abc', 'vm'],
    ['ngw-abc', 'nat_gateway'],
    ['lb-abc', 'load_balancer'],
    ['rm-abc', 'rds_instance'],
    ['r-abc', 'redis_instance'],
    ['eci-abc', 'other'],
    [undefined, 'other'],
  ])('device %s → %s', (id, kind) => {
    expect(deviceKindOf(id)).toBe(kind);
  });
});
