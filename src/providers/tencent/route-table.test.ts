import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRouteTable } from './route-table.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/route-table', () => {
  it('maps routes by GatewayType and references the gateways that are records', () => {
    const rt = KIND_SCHEMAS.route_table.parse(
      mapRouteTable(
        {
          RouteTableId: 'rtb-1',
          RouteTableName: 'default',
          VpcId: 'vpc-1',
          Main: true,
          AssociationSet: [{ SubnetId: 'subnet-1' }, { SubnetId: 'subnet-2' }],
          RouteSet: [
            { DestinationCidrBlock: '10.0.0.0/16', GatewayType: 'LOCAL', GatewayId: '' },
            { DestinationCidrBlock: '0.0.0.0/0', GatewayType: 'NAT', GatewayId: 'nat-1' },
            {
              DestinationCidrBlock: '172.16.0.0/16',
              GatewayType: 'PEERCONNECTION',
              GatewayId: 'pcx-1',
            },
            {
              DestinationCidrBlock: '192.168.0.0/16',
              GatewayType: 'CCN',
              GatewayId: 'ccn-1',
              Enabled: false,
            },
            {
              DestinationCidrBlock: '10.9.0.0/16',
              GatewayType: 'NORMAL_CVM',
              GatewayId: '10.0.1.4',
            },
            { DestinationCidrBlock: '10.8.0.0/16', GatewayType: 'HAVIP', GatewayId: 'havip-1' },
          ],
        },
        ctx,
      ),
    );
    expect(rt.is_main).toBe(true);
    expect(rt.subnet_ids).toHaveLength(2);
    expect(rt.routes).toEqual([
      { destination: '10.0.0.0/16', next_hop_type: 'local', state: 'active' },
      {
        destination: '0.0.0.0/0',
        next_hop_type: 'nat_gateway',
        next_hop: 'nat-1',
        next_hop_id: 'tencent/prod/ap-guangzhou/nat_gateway/nat-1',
        state: 'active',
      },
      {
        destination: '172.16.0.0/16',
        next_hop_type: 'peering',
        next_hop: 'pcx-1',
        next_hop_id: 'tencent/prod/ap-guangzhou/peering_connection/pcx-1',
        state: 'active',
      },
      {
        destination: '192.168.0.0/16',
        next_hop_type: 'cloud_network',
        next_hop: 'ccn-1',
        state: 'blackhole',
      },
      {
        destination: '10.9.0.0/16',
        next_hop_type: 'instance',
        next_hop: '10.0.1.4',
        state: 'active',
      },
      { destination: '10.8.0.0/16', next_hop_type: 'other', next_hop: 'havip-1', state: 'active' },
    ]);
  });

  it('maps a table without routes or associations', () => {
    const rt = KIND_SCHEMAS.route_table.parse(
      mapRouteTable({ RouteTableId: 'rtb-2', VpcId: 'vpc-1' }, ctx),
    );
    expect(rt).toMatchObject({ name: 'rtb-2', is_main: false, subnet_ids: [], routes: [] });
  });
});
