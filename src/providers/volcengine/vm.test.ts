import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapVm } from './vm.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/vm', () => {
  it('maps state, hostname, tags and the primary NIC (Type primary) as IP and subnet', () => {
    const vm = KIND_SCHEMAS.vm.parse(
      mapVm(
        {
          InstanceId: 'i-1',
          InstanceName: 'web-1',
          Hostname: 'web-1.local',
          Status: 'RUNNING',
          ZoneId: 'cn-beijing-a',
          VpcId: 'vpc-1',
          InstanceTypeId: 'ecs.g3i.large',
          ImageId: 'image-1',
          CreatedAt: '2026-01-02T03:04:05Z',
          Tags: [{ Key: 'app', Value: 'web' }],
          NetworkInterfaces: [
            { NetworkInterfaceId: 'eni-2', PrimaryIpAddress: '10.0.1.9', Type: 'secondary' },
            {
              NetworkInterfaceId: 'eni-1',
              PrimaryIpAddress: '10.0.0.5',
              SubnetId: 'subnet-1',
              Type: 'primary',
            },
          ],
        },
        ctx,
      ),
    );
    expect(vm).toMatchObject({
      state: 'running',
      hostname: 'web-1.local',
      primary_ip: '10.0.0.5',
      subnet_id: 'volcengine/prod/cn-beijing/subnet/subnet-1',
      instance_type: 'ecs.g3i.large',
      tags: { app: 'web' },
    });
  });

  it.each([
    ['STOPPED', 'stopped'],
    ['STARTING', 'pending'],
    ['DELETING', 'unknown'],
  ])('maps status %s to %s', (status, state) => {
    expect(mapVm({ InstanceId: 'i-2', Status: status }, ctx).state).toBe(state);
  });

  it('falls back to the native id with every optional field missing', () => {
    const vm = KIND_SCHEMAS.vm.parse(mapVm({ InstanceId: 'i-3', NetworkInterfaces: null }, ctx));
    expect(vm.name).toBe('i-3');
    expect(vm).not.toHaveProperty('primary_ip');
  });
});
