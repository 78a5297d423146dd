import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSecurityGroup } from './security-group.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/security-group', () => {
  it('maps ingress and egress rules, a group source and an empty (any) address', () => {
    const sg = KIND_SCHEMAS.security_group.parse(
      mapSecurityGroup(
        {
          id: 'g-1',
          name: 'web',
          vpcId: 'vpc-1',
          desc: 'web servers',
          rules: [
            {
              direction: 'ingress',
              protocol: 'tcp',
              portRange: '443',
              sourceIp: '0.0.0.0/0',
              remark: 'https',
            },
            { direction: 'ingress', protocol: 'tcp', portRange: '1-65535', sourceGroupId: 'g-2' },
            { direction: 'egress', protocol: '', portRange: '', destIp: '' },
          ],
        },
        ctx,
      ),
    );
    expect(sg).toMatchObject({ vpc_id: 'baidu/prod/bj/vpc/vpc-1', description: 'web servers' });
    expect(sg.rules).toEqual([
      {
        direction: 'ingress',
        protocol: 'tcp',
        port_range: '443',
        cidr: '0.0.0.0/0',
        description: 'https',
        action: 'allow',
      },
      {
        direction: 'ingress',
        protocol: 'tcp',
        port_range: '1-65535',
        remote_group_id: 'baidu/prod/bj/security_group/g-2',
        action: 'allow',
      },
      { direction: 'egress', protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
    ]);
  });

  it('maps a bare group', () => {
    expect(KIND_SCHEMAS.security_group.parse(mapSecurityGroup({ id: 'g-3' }, ctx))).toMatchObject({
      name: 'g-3',
      rules: [],
    });
  });
});
