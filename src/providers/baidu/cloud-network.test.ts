import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapAttachment, mapCloudNetwork } from './cloud-network.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'global' } as const;

describe('baidu/cloud-network', () => {
  it('maps a CSN whose VPC attachments reference VPCs in their own regions', () => {
    const attachments = [
      mapAttachment(
        {
          attachId: 'att-1',
          instanceType: 'vpc',
          instanceId: 'vpc-1',
          instanceRegion: 'bj',
          status: 'available',
        },
        ctx,
        undefined,
      ),
      mapAttachment(
        { attachId: 'att-2', instanceType: 'channel', instanceId: 'dc-1', status: 'attaching' },
        ctx,
        undefined,
      ),
    ];
    const csn = KIND_SCHEMAS.cloud_network.parse(
      mapCloudNetwork({ csnId: 'csn-1', name: 'backbone', status: 'active' }, attachments, ctx),
    );
    expect(csn).toMatchObject({
      id: 'baidu/prod/global/cloud_network/csn-1',
      state: 'available',
      vpc_ids: ['baidu/prod/bj/vpc/vpc-1'],
    });
    expect(csn.attachments[1]).toMatchObject({ type: 'direct_connect', state: 'pending' });
  });

  it("does not reference another account's VPC when the account is known", () => {
    const a = mapAttachment(
      {
        attachId: 'att-3',
        instanceType: 'vpc',
        instanceId: 'vpc-2',
        instanceRegion: 'gz',
        instanceAccountId: 'other',
      },
      ctx,
      'mine',
    );
    expect(a.vpc_id).toBeUndefined();
    expect(a.resource_account_id).toBe('other');
  });
});
