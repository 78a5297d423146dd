import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedPeering, mapPeeringConnection } from './peering-connection.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

function fixture(name: string): wire.ListVpcPeerConnections {
  const url = new URL(
    `../../../test/fixtures/aliyun/ListVpcPeerConnections/${name}.json`,
    import.meta.url,
  );
  return JSON.parse(readFileSync(url, 'utf8')) as wire.ListVpcPeerConnections;
}

function mapPage(page: wire.ListVpcPeerConnections) {
  return (page.VpcPeerConnects ?? [])
    .filter(isListedPeering)
    .map((raw) => KIND_SCHEMAS.peering_connection.parse(mapPeeringConnection(raw, ctx)));
}

describe('aliyun/peering_connection', () => {
  it('maps ListVpcPeerConnections to records that match the schema', async () => {
    const basic = mapPage(fixture('basic'));
    const minimal = mapPage(fixture('minimal'));
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.peering-connection.json',
    );
  });

  it('drops deleted peerings and takes the requester as the local side', () => {
    const [same, , ...rest] = mapPage(fixture('basic'));
    expect(rest).toEqual([]);
    expect(same).toMatchObject({
      id: 'aliyun/prod/cn-hangzhou/peering_connection/pcc-90thmbyw6rrhd0ad0001',
      state: 'available',
      local_vpc_id: 'aliyun/prod/cn-hangzhou/vpc/vpc-bp1aevy8sofi8mh1q0001',
      remote_vpc_id: 'aliyun/prod/cn-hangzhou/vpc/vpc-bp1aevy8sofi8mh1q0002',
      local_account_id: '1234567890123456',
      tags: { env: 'prod' },
    });
  });

  it('references the accepter VPC only when it has the same owner', () => {
    const cross = mapPage(fixture('basic'))[1];
    expect(cross).toMatchObject({
      name: 'pcc-90thmbyw6rrhd0ad0002',
      state: 'pending',
      remote_region: 'cn-beijing',
      remote_vpc_native_id: 'vpc-2zeaevy8sofi8mh1q0009',
      remote_account_id: '6543210987654321',
    });
    expect(cross?.remote_vpc_id).toBeUndefined();
  });

  it('keeps a record with every optional field missing', () => {
    const [only] = mapPage(fixture('minimal'));
    expect(only).toMatchObject({ local_vpc_native_id: '', local_region: 'cn-hangzhou' });
    expect(only?.local_vpc_id).toBeUndefined();
    expect(only?.state).toBe('unknown');
  });
});
