import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapNatGateway } from './nat-gateway.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/nat-gateway', () => {
  it('maps a NAT with its EIPs and SNAT rules', () => {
    const nat = KIND_SCHEMAS.nat_gateway.parse(
      mapNatGateway(
        { id: 'nat-1', name: 'egress', vpcId: 'vpc-1', status: 'active', eips: ['198.51.100.9'] },
        [{ ruleId: 'rule-1', sourceCIDR: '192.168.0.0/16', publicIpsAddress: ['198.51.100.9'] }],
        ctx,
      ),
    );
    expect(nat).toMatchObject({
      name: 'egress',
      vpc_id: 'baidu/prod/bj/vpc/vpc-1',
      state: 'available',
      connectivity: 'public',
      public_ips: ['198.51.100.9'],
      snat_rules: [
        { native_id: 'rule-1', source_cidr: '192.168.0.0/16', public_ips: ['198.51.100.9'] },
      ],
      dnat_rules: [],
    });
  });

  it('reads an unknown status as unknown', () => {
    expect(mapNatGateway({ id: 'nat-2', vpcId: 'vpc-1', status: 'weird' }, [], ctx).state).toBe(
      'unknown',
    );
  });
});
