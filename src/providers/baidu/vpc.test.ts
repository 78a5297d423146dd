import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVpc } from './vpc.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/vpc', () => {
  it('maps a VPC with secondary and IPv6 blocks, tags and its creation time', () => {
    const vpc = KIND_SCHEMAS.vpc.parse(
      mapVpc(
        {
          vpcId: 'vpc-2pa2x0bjt26i',
          name: 'prod',
          cidr: '192.168.0.0/16',
          secondaryCidr: ['10.1.0.0/16'],
          ipv6Cidr: '2400:da00::/56',
          isDefault: true,
          createdTime: '2026-01-02T03:04:05Z',
          tags: [{ tagKey: 'env', tagValue: 'prod' }],
        },
        ctx,
      ),
    );
    expect(vpc).toMatchObject({
      id: 'baidu/prod/bj/vpc/vpc-2pa2x0bjt26i',
      name: 'prod',
      cidrs: ['192.168.0.0/16', '10.1.0.0/16', '2400:da00::/56'],
      is_default: true,
      tags: { env: 'prod' },
      created_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('falls back to the native id when every optional field is missing', () => {
    expect(KIND_SCHEMAS.vpc.parse(mapVpc({ vpcId: 'vpc-1' }, ctx))).toEqual({
      id: 'baidu/prod/bj/vpc/vpc-1',
      native_id: 'vpc-1',
      name: 'vpc-1',
      provider: 'baidu',
      account: 'prod',
      region: 'bj',
      tags: {},
      cidrs: [],
      is_default: false,
      state: 'available',
    });
  });
});
