import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapEipAddress } from './public-ip.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeEipAddresses) {
  return (page.EipAddresses?.EipAddress ?? []).map((raw) =>
    KIND_SCHEMAS.public_ip.parse(mapEipAddress(raw, ctx)),
  );
}

describe('aliyun/public_ip', () => {
  it('maps EIPs to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeEipAddresses', 'basic'));
    const minimal = mapPage(fixture('DescribeEipAddresses', 'minimal'));
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.public-ip.json',
    );
  });

  it('references the associated device by InstanceType', () => {
    const [ecs, nat] = mapPage(fixture('DescribeEipAddresses', 'basic'));
    expect(ecs).toMatchObject({ native_id: 'eip-bp1q8m8dvk3x6p0000001', device_kind: 'vm' });
    expect(nat).toMatchObject({
      device_kind: 'nat_gateway',
      device_id: 'aliyun/prod/cn-hangzhou/nat_gateway/ngw-bp1uewa15k4iy5770001',
      name: '198.51.100.30',
    });
  });
});
