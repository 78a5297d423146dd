import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVpc } from './vpc.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/vpc', () => {
  it('maps a VPC with its assistant and IPv6 blocks, tags and CST creation time', () => {
    const vpc = KIND_SCHEMAS.vpc.parse(
      mapVpc(
        {
          VpcId: 'vpc-2ari9m7h',
          VpcName: 'prod',
          CidrBlock: '10.0.0.0/16',
          AssistantCidrSet: [{ CidrBlock: '10.1.0.0/16' }],
          Ipv6CidrBlock: '2402:4e00:1013::/56',
          IsDefault: true,
          CreatedTime: '2025-01-01 08:00:00',
          TagSet: [{ Key: 'env', Value: 'prod' }],
        },
        ctx,
      ),
    );
    expect(vpc).toEqual({
      id: 'tencent/prod/ap-guangzhou/vpc/vpc-2ari9m7h',
      native_id: 'vpc-2ari9m7h',
      name: 'prod',
      provider: 'tencent',
      account: 'prod',
      region: 'ap-guangzhou',
      tags: { env: 'prod' },
      created_at: '2025-01-01T00:00:00.000Z',
      cidrs: ['10.0.0.0/16', '10.1.0.0/16', '2402:4e00:1013::/56'],
      is_default: true,
      state: 'available',
    });
  });

  it('falls back to the native id when every optional field is missing', () => {
    const vpc = KIND_SCHEMAS.vpc.parse(mapVpc({ VpcId: 'vpc-1', TagSet: null }, ctx));
    expect(vpc).toMatchObject({ name: 'vpc-1', tags: {}, cidrs: [], is_default: false });
    expect(vpc).not.toHaveProperty('created_at');
  });
});
