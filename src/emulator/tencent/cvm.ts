/** CVM 2017-03-12: regions, zones, instances. */
import type { Vm } from '../world-types.js';
import { hash32, hex32 } from '../random.js';
import {
  filterSeq,
  isoTime,
  keyValueTags,
  pageByOffset,
  stringList,
  type Handler,
  type TencentCall,
} from './call.js';

export const CVM_VERSION = '2017-03-12';

/** Real maxima: DescribeInstances Limit 100 (default 20). */
export const CVM_PAGE = { DescribeInstances: { max: 100, default: 20 } } as const;

const VM_STATE: Record<Vm['state'], string> = {
  running: 'RUNNING',
  stopped: 'STOPPED',
  pending: 'PENDING',
};

const ZONE_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

function describeRegions(call: TencentCall): Record<string, unknown> {
  const set = call.world.regions.map((r) => ({
    Region: r.id,
    RegionName: r.localName ?? r.id,
    RegionState: r.enabled ? 'AVAILABLE' : 'UNAVAILABLE',
  }));
  return { TotalCount: set.length, RegionSet: set };
}

/** `ap-guangzhou-3` → `广州三区` (from the region's name, `华南地区(广州)`). */
function zoneName(call: TencentCall, zone: string): string {
  const city = /\((.*)\)/.exec(
    call.world.regions.find((r) => r.id === call.region)?.localName ?? '',
  );
  const n = Number(/-(\d+)$/.exec(zone)?.[1] ?? 0);
  return `${city?.[1] ?? call.region}${ZONE_NAMES[n - 1] ?? String(n)}区`;
}

function describeZones(call: TencentCall): Record<string, unknown> {
  const used = call.res.zones.map((z) => ({
    Zone: z.id,
    ZoneName: zoneName(call, z.id),
    ZoneId: String(100000 + z.index),
    ZoneState: 'AVAILABLE',
  }));
  // A sold-out zone is listed too, and must not be synced.
  const soldOut =
    call.res.zones.length === 0
      ? []
      : [
          {
            Zone: `${call.region}-99`,
            ZoneName: `${call.region} 售罄区`,
            ZoneId: '199999',
            ZoneState: 'UNAVAILABLE',
          },
        ];
  return { TotalCount: used.length + soldOut.length, ZoneSet: [...used, ...soldOut] };
}

function renderVm(call: TencentCall, vm: Vm): Record<string, unknown> {
  return {
    InstanceId: vm.id,
    InstanceName: vm.name,
    InstanceState: VM_STATE[vm.state],
    InstanceType: vm.instanceType,
    ImageId: vm.imageId,
    CPU: 2,
    Memory: 4,
    OsName: 'TencentOS Server 3.1 (TK4)',
    Placement: { Zone: vm.zone, ProjectId: 0 },
    VirtualPrivateCloud: { VpcId: vm.vpcId, SubnetId: vm.subnetId, AsVpcGateway: false },
    PrivateIpAddresses: vm.interfaces[0]?.privateIps.map((p) => p.ip) ?? [vm.privateIp],
    PublicIpAddresses: vm.publicIp === undefined ? null : [vm.publicIp],
    SecurityGroupIds: [...vm.securityGroupIds],
    InstanceChargeType: 'POSTPAID_BY_HOUR',
    CreatedTime: isoTime(vm.launchTime),
    Uuid: hex32(hash32(call.world.seed, vm.id)),
    Tags: keyValueTags(vm.tags),
  };
}

function describeInstances(call: TencentCall): Record<string, unknown> {
  const ids = stringList(call, 'InstanceIds');
  const vms =
    ids === undefined ? call.res.vms : filterSeq(call.res.vms, (vm) => ids.includes(vm.id));
  const page = pageByOffset(call, vms, CVM_PAGE.DescribeInstances);
  return { TotalCount: page.totalCount, InstanceSet: page.items.map((vm) => renderVm(call, vm)) };
}

export const CVM_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeRegions: describeRegions,
  DescribeZones: describeZones,
  DescribeInstances: describeInstances,
};
