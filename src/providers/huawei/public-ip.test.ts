import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapPublicIp } from './public-ip.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/public-ip', () => {
  it('ties an EIP on a server port to the server and the port', () => {
    const ip = KIND_SCHEMAS.public_ip.parse(
      mapPublicIp(
        {
          id: 'e-1',
          public_ip_address: '121.36.0.5',
          associate_instance_type: 'PORT',
          associate_instance_id: 'p-1',
          vnic: { private_ip_address: '10.0.1.5', port_id: 'p-1', device_id: 'i-1' },
          tags: [{ key: 'team', value: 'web' }],
        },
        ctx,
      ),
    );
    expect(ip).toMatchObject({
      ip: '121.36.0.5',
      allocation: 'elastic',
      device_kind: 'vm',
      device_id: ref('vm', 'i-1'),
      interface_id: ref('network_interface', 'p-1'),
      private_ip: '10.0.1.5',
      tags: { team: 'web' },
    });
  });

  it('ties an EIP to a NAT gateway, and leaves a free one unbound', () => {
    const nat = mapPublicIp(
      {
        id: 'e-2',
        public_ip_address: '1.2.3.4',
        associate_instance_type: 'NATGW',
        associate_instance_id: 'n-1',
      },
      ctx,
    );
    expect(nat).toMatchObject({ device_kind: 'nat_gateway', device_id: ref('nat_gateway', 'n-1') });
    const free = KIND_SCHEMAS.public_ip.parse(
      mapPublicIp({ id: 'e-3', public_ip_address: '1.2.3.5' }, ctx),
    );
    expect(free).not.toHaveProperty('device_id');
  });
});
