import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapPeeringConnection } from './peering-connection.js';

const raw = {
  PeeringConnectionId: 'pcx-1',
  PeeringConnectionName: 'gz-sh',
  SourceVpcId: 'vpc-gz',
  DestinationVpcId: 'vpc-sh',
  SourceRegion: 'ap-guangzhou',
  DestinationRegion: 'ap-shanghai',
  SourceUin: '100000000001',
  DestinationUin: '100000000001',
  State: 'ACTIVE',
};

describe('tencent/peering-connection', () => {
  it('sees a cross-region peering from the synced side', () => {
    const gz: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };
    expect(KIND_SCHEMAS.peering_connection.parse(mapPeeringConnection(raw, gz))).toMatchObject({
      state: 'available',
      local_vpc_native_id: 'vpc-gz',
      remote_vpc_native_id: 'vpc-sh',
      local_vpc_id: 'tencent/prod/ap-guangzhou/vpc/vpc-gz',
      remote_vpc_id: 'tencent/prod/ap-shanghai/vpc/vpc-sh',
    });
    const sh: MapContext = { ...gz, region: 'ap-shanghai' };
    expect(mapPeeringConnection(raw, sh)).toMatchObject({
      local_vpc_native_id: 'vpc-sh',
      local_region: 'ap-shanghai',
      remote_region: 'ap-guangzhou',
    });
  });

  it('does not reference the VPC of another account', () => {
    const gz: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };
    const p = mapPeeringConnection({ ...raw, DestinationUin: '100000000002' }, gz);
    expect(p).not.toHaveProperty('remote_vpc_id');
    expect(p.remote_account_id).toBe('100000000002');
  });
});
