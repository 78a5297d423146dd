import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSubnet } from './subnet.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/subnet', () => {
  it('maps a subnet with its VPC, zone and route table references', () => {
    const s = KIND_SCHEMAS.subnet.parse(
      mapSubnet(
        {
          SubnetId: 'subnet-1',
          SubnetName: 'web-a',
          VpcId: 'vpc-1',
          ZoneId: 'cn-beijing-a',
          CidrBlock: '172.16.1.0/24',
          Status: 'Available',
          RouteTable: { RouteTableId: 'vtb-1', RouteTableType: 'System' },
        },
        ctx,
      ),
    );
    expect(s).toMatchObject({
      name: 'web-a',
      vpc_id: 'volcengine/prod/cn-beijing/vpc/vpc-1',
      zone_id: 'volcengine/prod/cn-beijing/zone/cn-beijing-a',
      route_table_id: 'volcengine/prod/cn-beijing/route_table/vtb-1',
      cidrs: ['172.16.1.0/24'],
      state: 'available',
    });
  });

  it('omits optional references when the API gives none', () => {
    const s = KIND_SCHEMAS.subnet.parse(mapSubnet({ SubnetId: 'subnet-2', VpcId: 'vpc-1' }, ctx));
    expect(s).not.toHaveProperty('zone_id');
    expect(s).not.toHaveProperty('route_table_id');
    expect(s.name).toBe('subnet-2');
  });
});
