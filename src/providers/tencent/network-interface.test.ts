import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { assignedPublicIps, mapNetworkInterface } from './network-interface.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

const ENI: wire.NetworkInterface = {
  NetworkInterfaceId: 'eni-1',
  NetworkInterfaceName: 'web-1-eth0',
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  MacAddress: '20:90:6F:00:00:01',
  Primary: true,
  PrivateIpAddressSet: [
    { PrivateIpAddress: '10.0.1.5', Primary: false, PublicIpAddress: '198.51.100.9' },
    {
      PrivateIpAddress: '10.0.1.4',
      Primary: true,
      PublicIpAddress: '198.51.100.8',
      AddressId: 'eip-1',
    },
  ],
  GroupSet: ['sg-1'],
  Attachment: { InstanceId: 'ins-1' },
  CreatedTime: '2026-01-02 11:04:05',
};

describe('tencent/network-interface', () => {
  it('maps an ENI: primary address first, the CVM it is attached to, its groups', () => {
    const ni = KIND_SCHEMAS.network_interface.parse(mapNetworkInterface(ENI, ctx));
    expect(ni).toMatchObject({
      name: 'web-1-eth0',
      device_kind: 'vm',
      device_id: 'tencent/prod/ap-guangzhou/vm/ins-1',
      mac: '20:90:6F:00:00:01',
      private_ips: ['10.0.1.4', '10.0.1.5'],
      primary: true,
      created_at: '2026-01-02T03:04:05.000Z',
      security_group_ids: ['tencent/prod/ap-guangzhou/security_group/sg-1'],
    });
  });

  it('lists only the public addresses that are not EIPs (those come from DescribeAddresses)', () => {
    const ips = assignedPublicIps(ENI, ctx).map((ip) => KIND_SCHEMAS.public_ip.parse(ip));
    expect(ips).toEqual([
      expect.objectContaining({
        native_id: '198.51.100.9',
        ip: '198.51.100.9',
        allocation: 'ephemeral',
        device_kind: 'vm',
        device_id: 'tencent/prod/ap-guangzhou/vm/ins-1',
        interface_id: 'tencent/prod/ap-guangzhou/network_interface/eni-1',
        private_ip: '10.0.1.5',
      }),
    ]);
  });

  it('keeps an unattached ENI without a device reference', () => {
    const ni = KIND_SCHEMAS.network_interface.parse(
      mapNetworkInterface({ NetworkInterfaceId: 'eni-2', Attachment: null }, ctx),
    );
    expect(ni).toMatchObject({ device_kind: 'other', private_ips: [], primary: false });
    expect(ni).not.toHaveProperty('device_id');
  });
});
