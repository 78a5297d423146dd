import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedPort, mapNetworkInterface } from './network-interface.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/network-interface', () => {
  it('maps a server port to a VM interface in its subnet', () => {
    const n = KIND_SCHEMAS.network_interface.parse(
      mapNetworkInterface(
        {
          id: 'p-1',
          network_id: 's-1',
          mac_address: 'fa:16:3e:00:00:01',
          device_id: 'i-1',
          device_owner: 'compute:cn-north-4a',
          fixed_ips: [{ subnet_id: 'neutron-1', ip_address: '10.0.1.5' }],
          security_groups: ['sg-1'],
        },
        ctx,
      ),
    );
    expect(n).toMatchObject({
      device_kind: 'vm',
      device_id: ref('vm', 'i-1'),
      subnet_id: ref('subnet', 's-1'),
      private_ips: ['10.0.1.5'],
      security_group_ids: [ref('security_group', 'sg-1')],
    });
  });

  it('lists NAT and ELB ports, not DHCP or router ports', () => {
    expect(isListedPort({ id: 'p', device_owner: 'network:nat_gateway' })).toBe(true);
    expect(isListedPort({ id: 'p', device_owner: 'neutron:LOADBALANCERV3' })).toBe(true);
    expect(isListedPort({ id: 'p', device_owner: 'network:dhcp' })).toBe(false);
    expect(isListedPort({ id: 'p', device_owner: 'network:router_interface_distributed' })).toBe(
      false,
    );
  });
});
