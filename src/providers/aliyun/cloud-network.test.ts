import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapCen } from './cloud-network.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

const global: MapContext = { ...ctx, region: 'global' };

describe('aliyun/cloud_network', () => {
  const children =
    fixture<wire.DescribeCenAttachedChildInstances>('DescribeCenAttachedChildInstances', 'basic')
      .ChildInstances?.ChildInstance ?? [];

  function mapPage(page: wire.DescribeCens, withChildren: boolean) {
    return (page.Cens?.Cen ?? []).map((raw) =>
      KIND_SCHEMAS.cloud_network.parse(mapCen(raw, withChildren ? children : [], global)),
    );
  }

  it('maps CENs with attached children to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeCens', 'basic'), true);
    const minimal = mapPage(fixture('DescribeCens', 'minimal'), false);
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.cloud-network.json',
    );
  });

  it('is global and references attached VPCs in their own regions', () => {
    const [cen] = mapPage(fixture('DescribeCens', 'basic'), true);
    expect(cen?.id).toBe('aliyun/prod/global/cloud_network/cen-7qthudw0ll6jmc0001');
    expect(cen?.vpc_ids).toEqual([
      'aliyun/prod/cn-hangzhou/vpc/vpc-bp1aevy8sofi8mh1q0001',
      'aliyun/prod/cn-beijing/vpc/vpc-2zeaevy8sofi8mh1q0009',
    ]);
    expect(cen?.attachments[2]).toMatchObject({ type: 'direct_connect', state: 'available' });
  });
});
