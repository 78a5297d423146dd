import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVpc } from './vpc.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'pek3' };

describe('qingcloud/vpc', () => {
  it('maps a VPC router with its network, tags and creation time', () => {
    const vpc = KIND_SCHEMAS.vpc.parse(
      mapVpc(
        {
          router_id: 'rtr-1abcdefg',
          router_name: 'prod',
          status: 'active',
          vpc_network: '192.168.0.0/16',
          create_time: '2026-01-02T03:04:05Z',
          tags: [{ tag_id: 'tag-1', tag_key: 'env', tag_name: 'prod' }, { tag_name: 'legacy' }],
        },
        ctx,
      ),
    );
    expect(vpc).toEqual({
      id: 'qingcloud/prod/pek3/vpc/rtr-1abcdefg',
      native_id: 'rtr-1abcdefg',
      name: 'prod',
      provider: 'qingcloud',
      account: 'prod',
      region: 'pek3',
      tags: { env: 'prod', legacy: '' },
      created_at: '2026-01-02T03:04:05.000Z',
      cidrs: ['192.168.0.0/16'],
      is_default: false,
      state: 'available',
    });
  });

  it('falls back to the native id when every optional field is missing', () => {
    const vpc = KIND_SCHEMAS.vpc.parse(mapVpc({ router_id: 'rtr-2' }, ctx));
    expect(vpc).toMatchObject({ name: 'rtr-2', tags: {}, cidrs: [], state: 'unknown' });
    expect(vpc).not.toHaveProperty('created_at');
  });
});
