import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSubnet } from './subnet.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/subnet', () => {
  it('references its VPC and zone by native id', () => {
    const subnet = KIND_SCHEMAS.subnet.parse(
      mapSubnet(
        {
          subnetId: 'sbn-1',
          name: 'web',
          zoneName: 'cn-bj-a',
          cidr: '192.168.1.0/24',
          vpcId: 'vpc-1',
          tags: [{ tagKey: 'tier', tagValue: 'web' }],
        },
        ctx,
      ),
    );
    expect(subnet).toMatchObject({
      name: 'web',
      vpc_id: 'baidu/prod/bj/vpc/vpc-1',
      zone_id: 'baidu/prod/bj/zone/cn-bj-a',
      cidrs: ['192.168.1.0/24'],
      tags: { tier: 'web' },
    });
  });

  it('omits the zone when BCE gives none', () => {
    const subnet = mapSubnet({ subnetId: 'sbn-2', vpcId: 'vpc-1' }, ctx);
    expect(subnet.zone_id).toBeUndefined();
    expect(subnet.name).toBe('sbn-2');
  });
});
