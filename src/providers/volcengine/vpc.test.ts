import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVpc } from './vpc.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/vpc', () => {
  it('maps a VPC with its CIDR blocks, tags and state', () => {
    const vpc = KIND_SCHEMAS.vpc.parse(
      mapVpc(
        {
          VpcId: 'vpc-13fpdgwk7rxfk3n6nu44wisg7',
          VpcName: 'prod',
          CidrBlock: '172.16.0.0/16',
          SecondaryCidrBlocks: ['10.1.0.0/16'],
          Ipv6CidrBlock: '2406:d440::/56',
          Status: 'Available',
          IsDefault: true,
          CreationTime: '2026-01-02T03:04:05+08:00',
          Tags: [{ Key: 'env', Value: 'prod' }],
        },
        ctx,
      ),
    );
    expect(vpc).toMatchObject({
      id: 'volcengine/prod/cn-beijing/vpc/vpc-13fpdgwk7rxfk3n6nu44wisg7',
      name: 'prod',
      cidrs: ['172.16.0.0/16', '10.1.0.0/16', '2406:d440::/56'],
      is_default: true,
      state: 'available',
      tags: { env: 'prod' },
      created_at: '2026-01-01T19:04:05.000Z',
    });
  });

  it('falls back to the CIDR, then the native id, when names are missing', () => {
    expect(mapVpc({ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/8' }, ctx).name).toBe('10.0.0.0/8');
    expect(KIND_SCHEMAS.vpc.parse(mapVpc({ VpcId: 'vpc-2', Tags: null }, ctx))).toEqual({
      id: 'volcengine/prod/cn-beijing/vpc/vpc-2',
      native_id: 'vpc-2',
      name: 'vpc-2',
      provider: 'volcengine',
      account: 'prod',
      region: 'cn-beijing',
      tags: {},
      cidrs: [],
      is_default: false,
      state: 'unknown',
    });
  });
});
