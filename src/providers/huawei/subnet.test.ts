import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSubnet } from './subnet.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/subnet', () => {
  it('maps a subnet with its VPC, AZ and both address families', () => {
    const s = KIND_SCHEMAS.subnet.parse(
      mapSubnet(
        {
          id: 's-1',
          name: 'web',
          cidr: '10.0.1.0/24',
          cidr_v6: '2407:c080::/64',
          vpc_id: 'v-1',
          availability_zone: 'cn-north-4a',
          status: 'ACTIVE',
          created_at: '2026-01-02T03:04:05',
        },
        ctx,
      ),
    );
    expect(s).toMatchObject({
      vpc_id: ref('vpc', 'v-1'),
      zone_id: ref('zone', 'cn-north-4a'),
      cidrs: ['10.0.1.0/24', '2407:c080::/64'],
      state: 'available',
      created_at: '2026-01-02T03:04:05.000Z',
    });
    expect(mapSubnet({ id: 's-2', vpc_id: 'v-1' }, ctx)).not.toHaveProperty('zone_id');
  });
});
