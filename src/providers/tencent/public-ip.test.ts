import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapPublicIp } from './public-ip.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/public-ip', () => {
  it('maps an EIP bound to a CVM through its ENI', () => {
    const ip = KIND_SCHEMAS.public_ip.parse(
      mapPublicIp(
        {
          AddressId: 'eip-1',
          AddressName: 'web',
          AddressIp: '198.51.100.8',
          InstanceId: 'ins-1',
          InstanceType: 'CVM',
          NetworkInterfaceId: 'eni-1',
          PrivateAddressIp: '10.0.1.4',
          TagSet: [{ Key: 'env', Value: 'prod' }],
        },
        ctx,
      ),
    );
    expect(ip).toMatchObject({
      native_id: 'eip-1',
      name: 'web',
      allocation: 'elastic',
      device_kind: 'vm',
      device_id: 'tencent/prod/ap-guangzhou/vm/ins-1',
      interface_id: 'tencent/prod/ap-guangzhou/network_interface/eni-1',
      private_ip: '10.0.1.4',
    });
  });

  it("points a NAT's EIP at the NAT's address interface", () => {
    const ip = mapPublicIp(
      { AddressId: 'eip-2', AddressIp: '198.51.100.1', InstanceId: 'nat-1', InstanceType: 'NAT' },
      ctx,
    );
    expect(ip).toMatchObject({
      device_kind: 'nat_gateway',
      device_id: 'tencent/prod/ap-guangzhou/nat_gateway/nat-1',
      interface_id: 'tencent/prod/ap-guangzhou/network_interface/nat-1',
    });
  });

  it('names an unbound EIP by its address and references nothing', () => {
    const ip = KIND_SCHEMAS.public_ip.parse(
      mapPublicIp({ AddressId: 'eip-3', AddressIp: '198.51.100.2' }, ctx),
    );
    expect(ip.name).toBe('198.51.100.2');
    expect(ip).not.toHaveProperty('device_kind');
    expect(ip).not.toHaveProperty('interface_id');
  });
});
