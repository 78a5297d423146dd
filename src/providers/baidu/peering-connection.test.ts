import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapPeering } from './peering-connection.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/peering-connection', () => {
  it('references a same-account peer VPC in its own region', () => {
    const p = KIND_SCHEMAS.peering_connection.parse(
      mapPeering(
        {
          peerConnId: 'peerconn-1',
          status: 'active',
          localVpcId: 'vpc-1',
          localRegion: 'bj',
          peerVpcId: 'vpc-9',
          peerRegion: 'gz',
        },
        ctx,
      ),
    );
    expect(p).toMatchObject({
      state: 'available',
      local_vpc_id: 'baidu/prod/bj/vpc/vpc-1',
      remote_vpc_id: 'baidu/prod/gz/vpc/vpc-9',
      remote_region: 'gz',
    });
  });

  it("does not reference another account's VPC", () => {
    const p = mapPeering(
      {
        peerConnId: 'peerconn-2',
        status: 'consulting',
        localVpcId: 'vpc-1',
        peerVpcId: 'vpc-x',
        peerAccountId: 'acc-2',
      },
      ctx,
    );
    expect(p).toMatchObject({ state: 'pending', remote_account_id: 'acc-2', remote_region: 'bj' });
    expect(p.remote_vpc_id).toBeUndefined();
  });
});
