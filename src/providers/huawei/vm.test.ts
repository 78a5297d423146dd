import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVm } from './vm.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/vm', () => {
  it('maps a server: state, VPC, AZ, fixed IP, "k=v" tags and security groups', () => {
    const vm = KIND_SCHEMAS.vm.parse(
      mapVm(
        {
          id: 'i-1',
          name: 'web-1',
          status: 'SHUTOFF',
          created: '2026-01-02T03:04:05Z',
          flavor: { id: 's6.small.1' },
          image: { id: 'img-1' },
          addresses: {
            'v-1': [
              { addr: '121.36.0.5', 'OS-EXT-IPS:type': 'floating' },
              { addr: '10.0.1.5', 'OS-EXT-IPS:type': 'fixed' },
            ],
          },
          security_groups: [{ id: 'sg-1', name: 'default' }],
          tags: ['env=prod', 'flag'],
          'OS-EXT-AZ:availability_zone': 'cn-north-4a',
          'OS-EXT-SRV-ATTR:hostname': 'web-1',
        },
        ctx,
      ),
    );
    expect(vm).toMatchObject({
      state: 'stopped',
      vpc_id: ref('vpc', 'v-1'),
      zone_id: ref('zone', 'cn-north-4a'),
      primary_ip: '10.0.1.5',
      instance_type: 's6.small.1',
      tags: { env: 'prod', flag: '' },
      security_group_ids: [ref('security_group', 'sg-1')],
    });
  });

  it('keeps a server without addresses or state', () => {
    const vm = KIND_SCHEMAS.vm.parse(mapVm({ id: 'i-2' }, ctx));
    expect(vm).toMatchObject({ name: 'i-2', state: 'unknown', security_group_ids: [] });
    expect(vm).not.toHaveProperty('vpc_id');
  });
});
