import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { routersByVxnet } from './common.js';
import { listParam, mapVm } from './vm.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'sh1' };
const routers = routersByVxnet([
  { vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' },
  { vxnet_id: 'vxnet-0', vxnet_type: 0 },
]);

describe('qingcloud/vm', () => {
  it('places an instance in the VPC of its first managed vxnet', () => {
    const vm = KIND_SCHEMAS.vm.parse(
      mapVm(
        {
          instance_id: 'i-abcdefgh',
          instance_name: 'web-1',
          status: 'running',
          instance_type: 'c1m2',
          zone_id: 'sh1a',
          image: { image_id: 'centos7' },
          vxnets: [
            { vxnet_id: 'vxnet-0', private_ip: '10.0.0.9', nic_id: '52:54:00:00:00:01', role: 1 },
            {
              vxnet_id: 'vxnet-a',
              private_ip: '192.168.0.2',
              nic_id: '52:54:00:00:00:02',
              role: 0,
            },
          ],
          security_group: { security_group_id: 'sg-1' },
          create_time: '2026-01-02T03:04:05Z',
        },
        routers,
        ctx,
      ),
    );
    expect(vm).toMatchObject({
      id: 'qingcloud/prod/sh1/vm/i-abcdefgh',
      name: 'web-1',
      state: 'running',
      vpc_id: 'qingcloud/prod/sh1/vpc/rtr-1',
      subnet_id: 'qingcloud/prod/sh1/subnet/vxnet-a',
      zone_id: 'qingcloud/prod/sh1/zone/sh1a',
      primary_ip: '192.168.0.2',
      instance_type: 'c1m2',
      image_id: 'centos7',
      security_group_ids: ['qingcloud/prod/sh1/security_group/sg-1'],
    });
  });

  it('keeps a basic-network instance without VPC and maps unknown states to unknown', () => {
    const vm = KIND_SCHEMAS.vm.parse(
      mapVm(
        {
          instance_id: 'i-2',
          status: 'terminated',
          vxnets: [{ vxnet_id: 'vxnet-0', private_ip: '10.0.0.3' }],
        },
        routers,
        ctx,
      ),
    );
    expect(vm).toMatchObject({
      name: 'i-2',
      state: 'unknown',
      primary_ip: '10.0.0.3',
      security_group_ids: [],
    });
    expect(vm).not.toHaveProperty('vpc_id');
    expect(mapVm({ instance_id: 'i-3', status: 'suspended' }, routers, ctx).state).toBe('stopped');
  });

  it('flattens list parameters 1-based', () => {
    expect(listParam('status', ['running', 'stopped'])).toEqual({
      'status.1': 'running',
      'status.2': 'stopped',
    });
  });
});
