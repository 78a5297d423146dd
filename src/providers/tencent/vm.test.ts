import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVm } from './vm.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/vm', () => {
  it('maps a CVM instance with its placement, addresses, groups and tags', () => {
    const vm = KIND_SCHEMAS.vm.parse(
      mapVm(
        {
          InstanceId: 'ins-r8hr2upy',
          InstanceName: 'web-1',
          InstanceState: 'RUNNING',
          InstanceType: 'S5.MEDIUM4',
          ImageId: 'img-9qabwvbn',
          Placement: { Zone: 'ap-guangzhou-3' },
          VirtualPrivateCloud: { VpcId: 'vpc-1', SubnetId: 'subnet-1' },
          PrivateIpAddresses: ['10.0.1.4'],
          PublicIpAddresses: ['198.51.100.7'],
          SecurityGroupIds: ['sg-1', 'sg-1', 'sg-2'],
          CreatedTime: '2026-01-02T03:04:05Z',
          Tags: [{ Key: 'app', Value: 'web' }],
        },
        ctx,
      ),
    );
    expect(vm).toMatchObject({
      id: 'tencent/prod/ap-guangzhou/vm/ins-r8hr2upy',
      name: 'web-1',
      state: 'running',
      vpc_id: 'tencent/prod/ap-guangzhou/vpc/vpc-1',
      subnet_id: 'tencent/prod/ap-guangzhou/subnet/subnet-1',
      zone_id: 'tencent/prod/ap-guangzhou/zone/ap-guangzhou-3',
      primary_ip: '10.0.1.4',
      instance_type: 'S5.MEDIUM4',
      created_at: '2026-01-02T03:04:05.000Z',
      tags: { app: 'web' },
      security_group_ids: [
        'tencent/prod/ap-guangzhou/security_group/sg-1',
        'tencent/prod/ap-guangzhou/security_group/sg-2',
      ],
    });
  });

  it.each([
    ['STOPPED', 'stopped'],
    ['PENDING', 'pending'],
    ['LAUNCH_FAILED', 'error'],
    ['SOMETHING_NEW', 'unknown'],
  ])('maps state %s to %s', (state, expected) => {
    expect(mapVm({ InstanceId: 'ins-1', InstanceState: state }, ctx).state).toBe(expected);
  });

  it('falls back to the native id when every optional field is missing', () => {
    const vm = KIND_SCHEMAS.vm.parse(mapVm({ InstanceId: 'ins-1', PrivateIpAddresses: null }, ctx));
    expect(vm).toMatchObject({ name: 'ins-1', state: 'unknown', security_group_ids: [], tags: {} });
    expect(vm).not.toHaveProperty('vpc_id');
  });
});
