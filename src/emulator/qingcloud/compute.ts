/** Compute actions: instances (with their vxnets, EIP and security group) and their NICs. */
import { hash32 } from '../random.js';
import type { Vm } from '../world-types.js';
import type { Handler, QingcloudCall } from './call.js';
import { byStatus, listParam } from './call.js';
import { eipIdOf, stamp, tagsOf } from './network.js';

/** QingCloud instance types the world's types are rendered as (same world type, same QingCloud type). */
const INSTANCE_TYPES = ['c1m2', 'c2m4', 'c4m8', 's1.large.r1', 'e2.xlarge.r1', 'e3.2xlarge.r2'];

function renderInstance(call: QingcloudCall, vm: Vm): Record<string, unknown> & { status: string } {
  const primary = vm.interfaces[0]?.privateIps[0];
  return {
    instance_id: vm.id,
    instance_name: vm.name,
    status: vm.state,
    instance_type: INSTANCE_TYPES[hash32(vm.instanceType) % INSTANCE_TYPES.length] ?? 'c1m2',
    zone_id: vm.zone,
    image: { image_id: vm.imageId },
    create_time: stamp(vm.launchTime),
    vxnets: vm.interfaces
      .filter((nic) => nic.role !== 'kubernetes_pods')
      .map((nic) => ({
        vxnet_id: nic.subnetId,
        vxnet_name: '',
        nic_id: nic.id,
        private_ip: nic.privateIps[0]?.ip ?? '',
        role: nic.deviceIndex === 0 ? 1 : 0,
      })),
    ...(vm.publicIp === undefined
      ? {}
      : {
          eip: {
            eip_id: eipIdOf({ id: primary?.publicIpId, ip: vm.publicIp }),
            eip_addr: vm.publicIp,
          },
        }),
    ...(vm.securityGroupIds[0] === undefined
      ? {}
      : { security_group: { security_group_id: vm.securityGroupIds[0] } }),
    tags: tagsOf(call, vm.tags),
  };
}

export const COMPUTE_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeInstances: (call) => {
    const ids = listParam(call, 'instances');
    const out: (Record<string, unknown> & { status: string })[] = [];
    for (const vm of call.res.vms) {
      if (ids === undefined || ids.includes(vm.id)) out.push(renderInstance(call, vm));
    }
    return { key: 'instance_set', items: byStatus(call, out) };
  },
  DescribeNics: (call) => {
    const out: Record<string, unknown>[] = [];
    for (const nic of call.res.networkInterfaces) {
      if (nic.deviceKind !== 'vm') continue;
      out.push({
        nic_id: nic.id,
        nic_name: '',
        vxnet_id: nic.subnetId,
        private_ip: nic.privateIps[0]?.ip ?? '',
        instance_id: nic.deviceId,
        status: 'in-use',
        role: nic.deviceIndex === 0 ? 1 : 0,
        ...(nic.securityGroupIds[0] === undefined
          ? {}
          : { security_group: nic.securityGroupIds[0] }),
        create_time: stamp(nic.createdAt),
        tags: [],
      });
    }
    return { key: 'nic_set', items: out };
  },
};
