import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapNatGateway } from './nat-gateway.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/nat-gateway', () => {
  it('maps a gateway with its SNAT and DNAT rules and their EIPs', () => {
    const n = KIND_SCHEMAS.nat_gateway.parse(
      mapNatGateway(
        {
          id: 'n-1',
          name: 'egress',
          router_id: 'v-1',
          internal_network_id: 's-1',
          status: 'ACTIVE',
          ngport_ip_address: '10.0.1.9',
          created_at: '2026-01-02 03:04:05.000000',
        },
        [
          {
            id: 'sn-1',
            nat_gateway_id: 'n-1',
            network_id: 's-1',
            floating_ip_address: '1.1.1.1,1.1.1.2',
          },
        ],
        [
          {
            id: 'dn-1',
            protocol: 'any',
            floating_ip_address: '1.1.1.3',
            external_service_port: 0,
            private_ip: '10.0.1.5',
            internal_service_port: 0,
          },
        ],
        ctx,
      ),
    );
    expect(n).toMatchObject({
      vpc_id: ref('vpc', 'v-1'),
      subnet_id: ref('subnet', 's-1'),
      state: 'available',
      connectivity: 'public',
      public_ips: ['1.1.1.1', '1.1.1.2', '1.1.1.3'],
      private_ips: ['10.0.1.9'],
      created_at: '2026-01-02T03:04:05.000Z',
    });
    expect(n.snat_rules[0]).toMatchObject({ source_subnet_id: ref('subnet', 's-1') });
    expect(n.dnat_rules[0]).toMatchObject({ protocol: 'all', private_ip: '10.0.1.5' });
  });
});
