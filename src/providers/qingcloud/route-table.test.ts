import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { routersByVxnet } from './common.js';
import { boundVxnets, mapRouteTable, tableVpc } from './route-table.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'sh1' };
const routers = routersByVxnet([
  { vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' },
  { vxnet_id: 'vxnet-b', vpc_router_id: 'rtr-1' },
]);

const table: wire.RoutingTable = {
  rtable_id: 'rtb-1',
  rtable_name: 'main',
  resource_map: {
    'vxnet-a': { resource_id: 'vxnet-a', resource_type: 'vxnet' },
    'vxnet-b': { resource_id: 'vxnet-b', resource_type: 'vxnet' },
    'i-x': { resource_id: 'i-x', resource_type: 'instance' },
  },
  routing_table_rule_set: [
    { rtable_rule_id: 'r1', network: '192.168.0.0/16', nexthop_type: 0, nexthop: '' },
    { rtable_rule_id: 'r2', network: '0.0.0.0/0', nexthop_type: 4, nexthop: 'nfv-1' },
    { rtable_rule_id: 'r3', network: '10.9.0.0/16', nexthop_type: 2, nexthop: 'rtr-1' },
    { rtable_rule_id: 'r4', network: '10.8.0.0/16', nexthop_type: 6, nexthop: 'vpcb-1' },
  ],
};

describe('qingcloud/route-table', () => {
  it('places a table in the VPC of its vxnets and maps next hops', () => {
    expect(boundVxnets(table)).toEqual(['vxnet-a', 'vxnet-b']);
    const vpc = tableVpc(table, routers);
    expect(vpc).toBe('rtr-1');
    const rt = KIND_SCHEMAS.route_table.parse(mapRouteTable(table, vpc ?? '', routers, ctx));
    expect(rt.vpc_id).toBe('qingcloud/prod/sh1/vpc/rtr-1');
    expect(rt.subnet_ids).toEqual([
      'qingcloud/prod/sh1/subnet/vxnet-a',
      'qingcloud/prod/sh1/subnet/vxnet-b',
    ]);
    expect(rt.routes).toEqual([
      { destination: '192.168.0.0/16', next_hop_type: 'local', state: 'active' },
      {
        destination: '0.0.0.0/0',
        next_hop_type: 'nat_gateway',
        next_hop: 'nfv-1',
        next_hop_id: 'qingcloud/prod/sh1/nat_gateway/nfv-1',
        state: 'active',
      },
      {
        destination: '10.9.0.0/16',
        next_hop_type: 'internet_gateway',
        next_hop: 'rtr-1',
        next_hop_id: 'qingcloud/prod/sh1/vpc/rtr-1',
        state: 'active',
      },
      { destination: '10.8.0.0/16', next_hop_type: 'other', next_hop: 'vpcb-1', state: 'active' },
    ]);
  });

  it('finds no VPC for a table bound to no known vxnet', () => {
    expect(tableVpc({ rtable_id: 'rtb-2' }, routers)).toBeUndefined();
  });
});
