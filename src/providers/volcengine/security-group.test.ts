import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSecurityGroup } from './security-group.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/security-group', () => {
  it('maps permissions: direction, policy, port ranges and source groups', () => {
    const sg = KIND_SCHEMAS.security_group.parse(
      mapSecurityGroup(
        { SecurityGroupId: 'sg-1', SecurityGroupName: 'web', VpcId: 'vpc-1' },
        [
          {
            Direction: 'ingress',
            Protocol: 'tcp',
            PortStart: 80,
            PortEnd: 80,
            CidrIp: '0.0.0.0/0',
            Policy: 'accept',
            Priority: 1,
          },
          {
            Direction: 'ingress',
            Protocol: 'tcp',
            PortStart: 1,
            PortEnd: 65535,
            SourceGroupId: 'sg-2',
            Policy: 'drop',
          },
          { Direction: 'egress', Protocol: 'all', PortStart: -1, PortEnd: -1, CidrIp: '0.0.0.0/0' },
        ],
        ctx,
      ),
    );
    expect(sg.rules).toEqual([
      {
        direction: 'ingress',
        protocol: 'tcp',
        action: 'allow',
        port_range: '80',
        cidr: '0.0.0.0/0',
        priority: 1,
      },
      {
        direction: 'ingress',
        protocol: 'tcp',
        action: 'deny',
        port_range: '1-65535',
        remote_group_id: 'volcengine/prod/cn-beijing/security_group/sg-2',
      },
      { direction: 'egress', protocol: 'all', action: 'allow', cidr: '0.0.0.0/0' },
    ]);
    expect(sg.vpc_id).toBe('volcengine/prod/cn-beijing/vpc/vpc-1');
  });
});
