import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRouteTable } from './route-table.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/route-table', () => {
  it('maps the default table with its subnets and typed routes', () => {
    const t = KIND_SCHEMAS.route_table.parse(
      mapRouteTable(
        {
          id: 'rt-1',
          default: true,
          vpc_id: 'v-1',
          subnets: [{ id: 's-1' }],
          routes: [
            { type: 'nat', destination: '0.0.0.0/0', nexthop: 'n-1' },
            { type: 'peering', destination: '172.16.0.0/16', nexthop: 'pc-1' },
            { type: 'er', destination: '10.8.0.0/16', nexthop: 'er-1' },
            { type: 'private_nat', destination: '10.9.0.0/16', nexthop: 'pn-1' },
          ],
        },
        ctx,
      ),
    );
    expect(t).toMatchObject({ name: 'rt-1', is_main: true, subnet_ids: [ref('subnet', 's-1')] });
    expect(t.routes.map((r) => [r.next_hop_type, r.next_hop_id])).toEqual([
      ['nat_gateway', ref('nat_gateway', 'n-1')],
      ['peering', ref('peering_connection', 'pc-1')],
      ['cloud_network', undefined],
      ['nat_gateway', undefined],
    ]);
  });
});
