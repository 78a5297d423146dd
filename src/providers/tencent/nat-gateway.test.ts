import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapNatGateway } from './nat-gateway.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/nat-gateway', () => {
  it('maps a NAT gateway with its EIPs and its own DNAT rules only', () => {
    const nat = KIND_SCHEMAS.nat_gateway.parse(
      mapNatGateway(
        {
          NatGatewayId: 'nat-1',
          NatGatewayName: 'egress',
          State: 'AVAILABLE',
          VpcId: 'vpc-1',
          SubnetId: 'subnet-1',
          Zone: 'ap-guangzhou-3',
          PublicIpAddressSet: [{ PublicIpAddress: '198.51.100.1', AddressId: 'eip-1' }],
          CreatedTime: '2026-01-02 11:04:05',
        },
        [
          {
            NatGatewayId: 'nat-1',
            IpProtocol: 'TCP',
            PublicIpAddress: '198.51.100.1',
            PublicPort: 8080,
            PrivateIpAddress: '10.0.1.4',
            PrivatePort: 80,
          },
          {
            NatGatewayId: 'nat-2',
            IpProtocol: 'UDP',
            PublicIpAddress: '198.51.100.2',
            PrivateIpAddress: '10.0.2.4',
          },
        ],
        ctx,
      ),
    );
    expect(nat).toMatchObject({
      state: 'available',
      connectivity: 'public',
      public_ips: ['198.51.100.1'],
      zone_id: 'tencent/prod/ap-guangzhou/zone/ap-guangzhou-3',
      dnat_rules: [
        {
          protocol: 'tcp',
          public_ip: '198.51.100.1',
          public_port: 8080,
          private_ip: '10.0.1.4',
          private_port: 80,
        },
      ],
    });
  });

  it('maps a gateway without EIPs as private', () => {
    const nat = KIND_SCHEMAS.nat_gateway.parse(
      mapNatGateway({ NatGatewayId: 'nat-3', VpcId: 'vpc-1' }, [], ctx),
    );
    expect(nat).toMatchObject({
      name: 'nat-3',
      connectivity: 'private',
      state: 'unknown',
      public_ips: [],
    });
  });
});
