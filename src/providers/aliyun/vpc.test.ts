import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVpc } from './vpc.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeVpcs) {
  return (page.Vpcs?.Vpc ?? []).map((raw) => KIND_SCHEMAS.vpc.parse(mapVpc(raw, ctx)));
}

describe('aliyun/vpc', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const basic = ['two-pages-1', 'two-pages-2'].flatMap((p) =>
      mapPage(fixture<wire.DescribeVpcs>('DescribeVpcs', p)),
    );
    const minimal = mapPage(fixture<wire.DescribeVpcs>('DescribeVpcs', 'minimal'));
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.vpc.json',
    );
  });

  it('names a VPC by VpcName, else its CIDR, and lists secondary and IPv6 blocks', () => {
    const [prod, unnamed] = mapPage(fixture<wire.DescribeVpcs>('DescribeVpcs', 'two-pages-1'));
    expect(prod?.name).toBe('prod');
    expect(prod?.cidrs).toEqual(['10.0.0.0/16', '10.1.0.0/16', '2408:4005:3ec::/56']);
    expect(prod?.tags).toEqual({ env: 'prod' });
    expect(unnamed).toMatchObject({ name: '172.16.0.0/12', is_default: true, state: 'pending' });
  });

  it('falls back to the native id when every optional field is missing', () => {
    const [vpc] = mapPage(fixture<wire.DescribeVpcs>('DescribeVpcs', 'minimal'));
    expect(vpc).toEqual({
      id: 'aliyun/prod/cn-hangzhou/vpc/vpc-bp1aevy8sofi8mh1q0004',
      native_id: 'vpc-bp1aevy8sofi8mh1q0004',
      name: 'vpc-bp1aevy8sofi8mh1q0004',
      provider: 'aliyun',
      account: 'prod',
      region: 'cn-hangzhou',
      tags: {},
      cidrs: [],
      is_default: false,
      state: 'unknown',
    });
  });
});
