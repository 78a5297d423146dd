import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapNatGateway } from './nat-gateway.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/nat-gateway', () => {
  it('maps an internet NAT with its EIPs and SNAT entries', () => {
    const nat = KIND_SCHEMAS.nat_gateway.parse(
      mapNatGateway(
        {
          NatGatewayId: 'ngw-1',
          NatGatewayName: 'egress',
          VpcId: 'vpc-1',
          SubnetId: 'subnet-1',
          ZoneId: 'cn-beijing-a',
          Status: 'Available',
          NetworkType: 'internet',
          EipAddresses: [{ AllocationId: 'eip-1', EipAddress: '198.51.100.7' }],
        },
        [
          {
            SnatEntryId: 'snat-1',
            SourceCidr: '10.0.1.0/24',
            SubnetId: 'subnet-2',
            EipAddress: '198.51.100.7',
          },
        ],
        ctx,
      ),
    );
    expect(nat).toMatchObject({
      state: 'available',
      connectivity: 'public',
      public_ips: ['198.51.100.7'],
      snat_rules: [
        {
          native_id: 'snat-1',
          source_cidr: '10.0.1.0/24',
          source_subnet_id: 'volcengine/prod/cn-beijing/subnet/subnet-2',
          public_ips: ['198.51.100.7'],
        },
      ],
    });
  });

  it('maps an intranet NAT as private', () => {
    const nat = mapNatGateway(
      { NatGatewayId: 'ngw-2', VpcId: 'vpc-1', NetworkType: 'intranet' },
      [],
      ctx,
    );
    expect(nat).toMatchObject({ connectivity: 'private', public_ips: [], state: 'unknown' });
  });
});
