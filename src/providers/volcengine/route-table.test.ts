import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRouteTable } from './route-table.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/route-table', () => {
  it('maps the system table, its subnets and entries; only listed targets get a reference', () => {
    const rt = KIND_SCHEMAS.route_table.parse(
      mapRouteTable(
        {
          RouteTableId: 'vtb-1',
          VpcId: 'vpc-1',
          RouteTableType: 'System',
          SubnetIds: ['subnet-1'],
        },
        [
          { DestinationCidrBlock: '10.0.0.0/16', NextHopType: 'Local', Status: 'Available' },
          {
            DestinationCidrBlock: '0.0.0.0/0',
            NextHopType: 'NatGW',
            NextHopId: 'ngw-1',
            Status: 'Available',
          },
          { DestinationCidrBlock: '10.9.0.0/16', NextHopType: 'TransitRouter', NextHopId: 'tr-1' },
        ],
        ctx,
      ),
    );
    expect(rt.is_main).toBe(true);
    expect(rt.subnet_ids).toEqual(['volcengine/prod/cn-beijing/subnet/subnet-1']);
    expect(rt.routes).toEqual([
      { destination: '10.0.0.0/16', next_hop_type: 'local', state: 'active' },
      {
        destination: '0.0.0.0/0',
        next_hop_type: 'nat_gateway',
        next_hop: 'ngw-1',
        next_hop_id: 'volcengine/prod/cn-beijing/nat_gateway/ngw-1',
        state: 'active',
      },
      {
        destination: '10.9.0.0/16',
        next_hop_type: 'transit_gateway',
        next_hop: 'tr-1',
        state: 'unknown',
      },
    ]);
  });
});
