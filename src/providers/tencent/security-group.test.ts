import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSecurityGroup } from './security-group.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/security-group', () => {
  it('maps a group with its ingress and egress policies', () => {
    const sg = KIND_SCHEMAS.security_group.parse(
      mapSecurityGroup(
        { SecurityGroupId: 'sg-1', SecurityGroupName: 'web', SecurityGroupDesc: 'web tier' },
        {
          SecurityGroupPolicySet: {
            Ingress: [
              {
                PolicyIndex: 0,
                Protocol: 'TCP',
                Port: '80,443',
                CidrBlock: '0.0.0.0/0',
                Action: 'ACCEPT',
              },
              {
                PolicyIndex: 1,
                Protocol: 'ALL',
                Port: 'ALL',
                SecurityGroupId: 'sg-2',
                Action: 'DROP',
              },
            ],
            Egress: [
              {
                PolicyIndex: 0,
                Protocol: 'ALL',
                Port: 'ALL',
                Ipv6CidrBlock: '::/0',
                Action: 'ACCEPT',
              },
            ],
          },
        },
        ctx,
      ),
    );
    expect(sg).not.toHaveProperty('vpc_id');
    expect(sg.description).toBe('web tier');
    expect(sg.rules).toEqual([
      {
        direction: 'ingress',
        protocol: 'tcp',
        action: 'allow',
        port_range: '80,443',
        cidr: '0.0.0.0/0',
        priority: 0,
      },
      {
        direction: 'ingress',
        protocol: 'all',
        action: 'deny',
        remote_group_id: 'tencent/prod/ap-guangzhou/security_group/sg-2',
        priority: 1,
      },
      { direction: 'egress', protocol: 'all', action: 'allow', cidr: '::/0', priority: 0 },
    ]);
  });

  it('maps a group without policies', () => {
    const sg = KIND_SCHEMAS.security_group.parse(
      mapSecurityGroup({ SecurityGroupId: 'sg-3' }, {}, ctx),
    );
    expect(sg).toMatchObject({ name: 'sg-3', rules: [] });
  });
});
