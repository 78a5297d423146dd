import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapPrimaryNic, mapVm } from './vm.js';
import type * as wire from './wire.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

const INSTANCE: wire.Instance = {
  id: 'i-IyWRtII7',
  name: 'web-1',
  hostname: 'web-1.local',
  status: 'Running',
  instanceType: 'N5',
  spec: 'bcc.g5.c2m8',
  imageId: 'm-abc',
  internalIp: '192.168.1.5',
  zoneName: 'cn-bj-a',
  vpcId: 'vpc-1',
  subnetId: 'sbn-1',
  createTime: '2026-01-02T03:04:05Z',
  tags: [{ tagKey: 'app', tagValue: 'web' }],
  nicInfo: {
    eniId: 'eni-primary',
    macAddress: 'fa:16:3e:00:00:01',
    vpcId: 'vpc-1',
    subnetId: 'sbn-1',
    ips: [
      { privateIp: '192.168.1.6', primary: 'false' },
      { privateIp: '192.168.1.5', eip: '198.51.100.7', primary: 'true' },
    ],
    securityGroups: ['g-1', 'g-2'],
  },
};

describe('baidu/vm', () => {
  it('maps an instance with its spec, references and security groups', () => {
    expect(KIND_SCHEMAS.vm.parse(mapVm(INSTANCE, ctx))).toMatchObject({
      id: 'baidu/prod/bj/vm/i-IyWRtII7',
      name: 'web-1',
      state: 'running',
      vpc_id: 'baidu/prod/bj/vpc/vpc-1',
      subnet_id: 'baidu/prod/bj/subnet/sbn-1',
      zone_id: 'baidu/prod/bj/zone/cn-bj-a',
      primary_ip: '192.168.1.5',
      instance_type: 'bcc.g5.c2m8',
      hostname: 'web-1.local',
      security_group_ids: ['baidu/prod/bj/security_group/g-1', 'baidu/prod/bj/security_group/g-2'],
      tags: { app: 'web' },
    });
  });

  it('maps the primary NIC with the primary IP first', () => {
    expect(KIND_SCHEMAS.network_interface.parse(mapPrimaryNic(INSTANCE, ctx))).toMatchObject({
      id: 'baidu/prod/bj/network_interface/eni-primary',
      device_kind: 'vm',
      device_id: 'baidu/prod/bj/vm/i-IyWRtII7',
      mac: 'fa:16:3e:00:00:01',
      private_ips: ['192.168.1.5', '192.168.1.6'],
      primary: true,
    });
  });

  it('reads an unknown status as unknown and survives a bare instance', () => {
    const vm = KIND_SCHEMAS.vm.parse(mapVm({ id: 'i-1', status: 'Migrating' }, ctx));
    expect(vm).toMatchObject({ name: 'i-1', state: 'unknown', security_group_ids: [] });
    expect(vm.vpc_id).toBeUndefined();
    expect(mapPrimaryNic({ id: 'i-1' }, ctx)).toMatchObject({ native_id: 'i-1', private_ips: [] });
    expect(mapPrimaryNic({}, ctx)).toBeUndefined();
  });
});
