import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapCcn } from './cloud-network.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'global' };

describe('tencent/cloud-network', () => {
  it('maps a CCN with the VPCs it joins, referenced in their regions', () => {
    const ccn = KIND_SCHEMAS.cloud_network.parse(
      mapCcn(
        {
          CcnId: 'ccn-1',
          CcnName: 'backbone',
          State: 'AVAILABLE',
          CreateTime: '2026-01-02 11:04:05',
        },
        [
          {
            CcnId: 'ccn-1',
            InstanceType: 'VPC',
            InstanceId: 'vpc-1',
            InstanceRegion: 'ap-guangzhou',
            State: 'ACTIVE',
          },
          {
            CcnId: 'ccn-1',
            InstanceType: 'DIRECTCONNECT',
            InstanceId: 'dcg-1',
            InstanceRegion: 'ap-guangzhou',
            State: 'ACTIVE',
          },
        ],
        ctx,
      ),
    );
    expect(ccn).toMatchObject({
      id: 'tencent/prod/global/cloud_network/ccn-1',
      state: 'available',
      vpc_ids: ['tencent/prod/ap-guangzhou/vpc/vpc-1'],
    });
    expect(ccn.attachments.map((a) => a.type)).toEqual(['vpc', 'direct_connect']);
  });

  it('maps a CCN without attachments', () => {
    expect(KIND_SCHEMAS.cloud_network.parse(mapCcn({ CcnId: 'ccn-2' }, [], ctx))).toMatchObject({
      name: 'ccn-2',
      state: 'unknown',
      vpc_ids: [],
    });
  });
});
