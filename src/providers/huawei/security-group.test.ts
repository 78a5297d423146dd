import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSecurityGroup } from './security-group.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/security-group', () => {
  it('maps embedded rules: any protocol, port ranges, CIDR and group remotes', () => {
    const sg = KIND_SCHEMAS.security_group.parse(
      mapSecurityGroup(
        {
          id: 'sg-1',
          name: 'web',
          vpc_id: 'v-1',
          security_group_rules: [
            {
              direction: 'ingress',
              protocol: 'tcp',
              port_range_min: 80,
              port_range_max: 443,
              remote_ip_prefix: '0.0.0.0/0',
            },
            { direction: 'ingress', protocol: null, remote_group_id: 'sg-1' },
            { direction: 'egress', ethertype: 'IPv6' },
          ],
        },
        ctx,
      ),
    );
    expect(sg.vpc_id).toBe(ref('vpc', 'v-1'));
    expect(sg.rules).toEqual([
      {
        direction: 'ingress',
        protocol: 'tcp',
        port_range: '80-443',
        cidr: '0.0.0.0/0',
        remote: '0.0.0.0/0',
        action: 'allow',
      },
      {
        direction: 'ingress',
        protocol: 'all',
        remote_group_id: ref('security_group', 'sg-1'),
        remote: 'sg-1',
        action: 'allow',
      },
      { direction: 'egress', protocol: 'all', remote: '::/0', action: 'allow' },
    ]);
  });
});
