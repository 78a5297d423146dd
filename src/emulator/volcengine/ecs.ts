/** ECS 2020-04-01: DescribeRegions, DescribeZones and DescribeInstances (NextToken/MaxResults, max 100). */
import type { Vm } from '../world-types.js';
import type { Handler, VolcCall } from './call.js';
import { isoSeconds, pageByToken, tagList } from './call.js';
import { eipId } from './ids.js';

export const ECS_VERSION = '2020-04-01';

const VM_STATUS: Readonly<Record<Vm['state'], string>> = {
  running: 'RUNNING',
  stopped: 'STOPPED',
  pending: 'STARTING',
};

function renderVm(vm: Vm): Record<string, unknown> {
  const primary = vm.interfaces[0]?.privateIps[0];
  return {
    InstanceId: vm.id,
    InstanceName: vm.name,
    Hostname: vm.name.toLowerCase(),
    Status: VM_STATUS[vm.state],
    ZoneId: vm.zone,
    VpcId: vm.vpcId,
    InstanceTypeId: vm.instanceType,
    ImageId: vm.imageId,
    CreatedAt: isoSeconds(vm.launchTime),
    Tags: tagList(vm.tags),
    NetworkInterfaces: vm.interfaces.map((ni) => ({
      NetworkInterfaceId: ni.id,
      PrimaryIpAddress: ni.privateIps[0]?.ip ?? '',
      SubnetId: ni.subnetId,
      MacAddress: ni.mac,
      Type: ni.deviceIndex === 0 ? 'primary' : 'secondary',
    })),
    EipAddress:
      vm.publicIp === undefined
        ? { AllocationId: '', IpAddress: '' }
        : {
            AllocationId: eipId({
              ip: vm.publicIp,
              ...(primary?.publicIpId === undefined ? {} : { id: primary.publicIpId }),
            }),
            IpAddress: vm.publicIp,
          },
  };
}

function describeRegions(call: VolcCall): Record<string, unknown> {
  const open = call.world.regions.filter((r) => r.enabled);
  const page = pageByToken(call, open, 100, 20);
  return { Regions: page.items.map((r) => ({ RegionId: r.id })), NextToken: page.next };
}

function describeZones(call: VolcCall): Record<string, unknown> {
  return { Zones: call.res.zones.map((z) => ({ ZoneId: z.id })) };
}

function describeInstances(call: VolcCall): Record<string, unknown> {
  const page = pageByToken(call, call.res.vms, 100, 10);
  return { Instances: page.items.map(renderVm), NextToken: page.next };
}

export const ECS_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeRegions: describeRegions,
  DescribeZones: describeZones,
  DescribeInstances: describeInstances,
};
