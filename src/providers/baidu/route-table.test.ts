import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRouteTable } from './route-table.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/route-table', () => {
  it('maps next-hop types and references NATs, peerings, instances and (global) CSNs', () => {
    const rt = KIND_SCHEMAS.route_table.parse(
      mapRouteTable(
        {
          routeTableId: 'rt-1',
          vpcId: 'vpc-1',
          routeRules: [
            { destinationAddress: '0.0.0.0/0', nexthopType: 'nat', nexthopId: 'nat-1' },
            { destinationAddress: '10.2.0.0/16', nexthopType: 'peerConn', nexthopId: 'peerconn-1' },
            { destinationAddress: '10.3.0.0/16', nexthopType: 'custom', nexthopId: 'i-1' },
            { destinationAddress: '10.4.0.0/16', nexthopType: 'csn', nexthopId: 'csn-1' },
            { destinationAddress: '10.5.0.0/16', nexthopType: 'dcGateway', nexthopId: 'dcgw-1' },
            { destinationAddress: '0.0.0.0/0', nexthopType: 'defaultGateway' },
          ],
        },
        ctx,
      ),
    );
    expect(rt).toMatchObject({ vpc_id: 'baidu/prod/bj/vpc/vpc-1', is_main: true, subnet_ids: [] });
    expect(rt.routes.map((r) => [r.next_hop_type, r.next_hop_id])).toEqual([
      ['nat_gateway', 'baidu/prod/bj/nat_gateway/nat-1'],
      ['peering', 'baidu/prod/bj/peering_connection/peerconn-1'],
      ['instance', 'baidu/prod/bj/vm/i-1'],
      ['cloud_network', 'baidu/prod/global/cloud_network/csn-1'],
      ['other', undefined],
      ['internet_gateway', undefined],
    ]);
    expect(rt.routes[4]?.next_hop).toBe('dcgw-1');
  });
});
