import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVpc } from './vpc.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/vpc', () => {
  it('maps a v3 VPC with its tags, extended CIDRs and UTC time', () => {
    const v = KIND_SCHEMAS.vpc.parse(
      mapVpc(
        {
          id: 'v-1',
          name: 'prod',
          cidr: '10.0.0.0/16',
          extend_cidrs: ['10.1.0.0/16'],
          status: 'ACTIVE',
          created_at: '2026-01-02T03:04:05Z',
          tags: [{ key: 'env', value: 'prod' }],
        },
        ctx,
      ),
    );
    expect(v).toMatchObject({
      name: 'prod',
      cidrs: ['10.0.0.0/16', '10.1.0.0/16'],
      tags: { env: 'prod' },
      state: 'available',
      is_default: false,
      created_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('falls back to the native id when every optional field is missing', () => {
    expect(KIND_SCHEMAS.vpc.parse(mapVpc({ id: 'v-2' }, ctx))).toEqual({
      id: ref('vpc', 'v-2'),
      native_id: 'v-2',
      name: 'v-2',
      provider: 'huawei',
      account: 'prod',
      region: 'cn-north-4',
      tags: {},
      cidrs: [],
      is_default: false,
      state: 'unknown',
    });
  });
});
