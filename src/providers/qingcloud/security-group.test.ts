import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRule, mapSecurityGroup } from './security-group.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'pek3' };

describe('qingcloud/security-group', () => {
  it('maps a group with its own enabled rules only', () => {
    const sg = KIND_SCHEMAS.security_group.parse(
      mapSecurityGroup(
        { security_group_id: 'sg-1', security_group_name: 'web', description: 'web tier' },
        [
          {
            security_group_id: 'sg-1',
            protocol: 'tcp',
            direction: 0,
            val1: '80',
            val2: '80',
            val3: '10.0.0.0/8',
            priority: 1,
            action: 'accept',
          },
          {
            security_group_id: 'sg-1',
            protocol: 'udp',
            direction: 1,
            val1: '1000',
            val2: '2000',
            priority: 5,
            action: 'drop',
          },
          { security_group_id: 'sg-1', protocol: 'icmp', direction: 0, disabled: 1 },
          { security_group_id: 'sg-2', protocol: 'tcp', direction: 0, val1: '22' },
        ],
        ctx,
      ),
    );
    expect(sg).toMatchObject({ name: 'web', description: 'web tier' });
    expect(sg).not.toHaveProperty('vpc_id');
    expect(sg.rules).toEqual([
      {
        direction: 'ingress',
        protocol: 'tcp',
        port_range: '80',
        cidr: '10.0.0.0/8',
        priority: 1,
        action: 'allow',
      },
      {
        direction: 'egress',
        protocol: 'udp',
        port_range: '1000-2000',
        cidr: '0.0.0.0/0',
        priority: 5,
        action: 'deny',
      },
    ]);
  });

  it('reads an empty protocol as all, without ports', () => {
    expect(mapRule({ protocol: '', val1: '1', direction: 0 })).toEqual({
      direction: 'ingress',
      protocol: 'all',
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
  });
});
