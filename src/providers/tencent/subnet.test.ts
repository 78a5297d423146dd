import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSubnet } from './subnet.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/subnet', () => {
  it('maps a subnet with its zone, route table and both blocks', () => {
    const s = KIND_SCHEMAS.subnet.parse(
      mapSubnet(
        {
          SubnetId: 'subnet-1',
          SubnetName: 'web',
          VpcId: 'vpc-1',
          CidrBlock: '10.0.1.0/24',
          Ipv6CidrBlock: '2402:4e00:1013:1::/64',
          Zone: 'ap-guangzhou-3',
          RouteTableId: 'rtb-1',
          TagSet: [{ Key: 'tier', Value: 'web' }],
        },
        ctx,
      ),
    );
    expect(s).toMatchObject({
      name: 'web',
      vpc_id: 'tencent/prod/ap-guangzhou/vpc/vpc-1',
      zone_id: 'tencent/prod/ap-guangzhou/zone/ap-guangzhou-3',
      route_table_id: 'tencent/prod/ap-guangzhou/route_table/rtb-1',
      cidrs: ['10.0.1.0/24', '2402:4e00:1013:1::/64'],
      tags: { tier: 'web' },
    });
  });

  it('leaves out the zone and route table when absent', () => {
    const s = KIND_SCHEMAS.subnet.parse(mapSubnet({ SubnetId: 'subnet-2', VpcId: 'vpc-1' }, ctx));
    expect(s).not.toHaveProperty('zone_id');
    expect(s).not.toHaveProperty('route_table_id');
    expect(s.name).toBe('subnet-2');
  });
});
