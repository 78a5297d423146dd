import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapCen } from './cloud-network.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'global' };

describe('volcengine/cloud-network', () => {
  it('maps a CEN with VPCs of several regions referenced in their own region', () => {
    const cen = KIND_SCHEMAS.cloud_network.parse(
      mapCen(
        { CenId: 'cen-1', CenName: 'backbone', Status: 'Available' },
        [
          {
            InstanceId: 'vpc-1',
            InstanceType: 'VPC',
            InstanceRegionId: 'cn-beijing',
            Status: 'Available',
            InstanceOwnerId: '2100000001',
          },
          {
            InstanceId: 'vpc-2',
            InstanceType: 'VPC',
            InstanceRegionId: 'cn-shanghai',
            Status: 'Available',
          },
          {
            InstanceId: 'dcgw-1',
            InstanceType: 'DCGW',
            InstanceRegionId: 'cn-beijing',
            Status: 'Available',
          },
        ],
        ctx,
      ),
    );
    expect(cen.id).toBe('volcengine/prod/global/cloud_network/cen-1');
    expect(cen.vpc_ids).toEqual([
      'volcengine/prod/cn-beijing/vpc/vpc-1',
      'volcengine/prod/cn-shanghai/vpc/vpc-2',
    ]);
    expect(cen.attachments[0]).toMatchObject({ type: 'vpc', resource_account_id: '2100000001' });
    expect(cen.attachments[2]).toMatchObject({ type: 'direct_connect', state: 'available' });
    expect(cen.attachments[2]).not.toHaveProperty('vpc_id');
  });
});
