/** ECS 2014-05-26: regions, zones, instances, network interfaces, security groups. */
import type { NetworkInterface, SecurityGroup, SgRule, Vm } from '../world-types.js';
import {
  filterSeq,
  idList,
  notFound,
  pageByNumber,
  pageByToken,
  pageFields,
  required,
  type AliyunCall,
  type Handler,
} from './call.js';
import { ecsTags, minuteTime, resourceGroupId, secondTime, zoneLocalName } from './render.js';

export const ECS_VERSION = '2014-05-26';

/** Real maxima: DescribeInstances 100, DescribeNetworkInterfaces 1000 (MaxResults 500), DescribeSecurityGroups 50. */
export const ECS_PAGE = {
  DescribeInstances: { max: 100, default: 10 },
  DescribeNetworkInterfaces: { max: 1000, default: 10 },
  DescribeSecurityGroups: { max: 50, default: 10 },
} as const;

const VM_STATUS: Record<Vm['state'], string> = {
  running: 'Running',
  stopped: 'Stopped',
  pending: 'Starting',
};

function describeRegions(call: AliyunCall): Record<string, unknown> {
  return {
    Regions: {
      Region: call.world.regions.map((r) => ({
        RegionId: r.id,
        LocalName: r.localName ?? r.id,
        RegionEndpoint: `ecs.${r.id}.aliyuncs.com`,
        Status: r.enabled ? 'available' : 'soldOut',
      })),
    },
  };
}

export function describeZones(call: AliyunCall): Record<string, unknown> {
  return {
    Zones: {
      Zone: call.res.zones.map((z) => ({
        ZoneId: z.id,
        LocalName: zoneLocalName(call.world, z.id, call.region),
      })),
    },
  };
}

function renderVm(call: AliyunCall, vm: Vm): Record<string, unknown> {
  const primary = vm.interfaces[0];
  const primaryIp = primary?.privateIps[0];
  const eip = primaryIp?.publicIpId !== undefined ? primaryIp : undefined;
  return {
    InstanceId: vm.id,
    InstanceName: vm.name,
    HostName: `iZ${vm.id.slice(2)}Z`,
    Description: '',
    Status: VM_STATUS[vm.state],
    InstanceType: vm.instanceType,
    ImageId: vm.imageId,
    RegionId: call.region,
    ZoneId: vm.zone,
    InstanceNetworkType: 'vpc',
    CreationTime: minuteTime(vm.launchTime),
    StartTime: minuteTime(vm.launchTime),
    ResourceGroupId: resourceGroupId(call.world),
    InstanceChargeType: 'PostPaid',
    InternetChargeType: 'PayByTraffic',
    OSType: 'linux',
    Cpu: 2,
    Memory: 4096,
    VpcAttributes: {
      VpcId: vm.vpcId,
      VSwitchId: vm.subnetId,
      PrivateIpAddress: { IpAddress: [vm.privateIp] },
      NatIpAddress: '',
    },
    PublicIpAddress: {
      IpAddress: vm.publicIp !== undefined && eip === undefined ? [vm.publicIp] : [],
    },
    EipAddress: {
      AllocationId: eip?.publicIpId ?? '',
      IpAddress: eip?.publicIp ?? '',
      InternetChargeType: eip === undefined ? '' : 'PayByTraffic',
      Bandwidth: eip === undefined ? 0 : 5,
    },
    InnerIpAddress: { IpAddress: [] },
    SecurityGroupIds: { SecurityGroupId: [...vm.securityGroupIds] },
    NetworkInterfaces: {
      NetworkInterface: vm.interfaces.map((ni) => ({
        NetworkInterfaceId: ni.id,
        MacAddress: ni.mac,
        PrimaryIpAddress: ni.privateIps[0]?.ip ?? '',
        Type: ni.deviceIndex === 0 ? 'Primary' : 'Secondary',
        PrivateIpSets: {
          PrivateIpSet: ni.privateIps.map((p) => ({ PrivateIpAddress: p.ip, Primary: p.primary })),
        },
      })),
    },
    Tags: ecsTags(vm.tags),
  };
}

function describeInstances(call: AliyunCall): Record<string, unknown> {
  const ids = idList(call, 'InstanceIds');
  const vpcId = call.params['VpcId'];
  const vswId = call.params['VSwitchId'];
  const zoneId = call.params['ZoneId'];
  const rg = call.params['ResourceGroupId'];
  // A RAM policy scoped to resource groups grants nothing account-wide: the real API answers an empty list.
  const denied = call.resourceGroupScoped === true && rg === undefined;
  const vms = denied
    ? filterSeq(call.res.vms, () => false)
    : ids === undefined &&
        vpcId === undefined &&
        vswId === undefined &&
        zoneId === undefined &&
        rg === undefined
      ? call.res.vms
      : filterSeq(
          call.res.vms,
          (vm) =>
            (ids === undefined || ids.includes(vm.id)) &&
            (vpcId === undefined || vm.vpcId === vpcId) &&
            (vswId === undefined || vm.subnetId === vswId) &&
            (zoneId === undefined || vm.zone === zoneId) &&
            (rg === undefined || rg === resourceGroupId(call.world)),
        );
  if (call.params['MaxResults'] !== undefined || call.params['NextToken'] !== undefined) {
    const page = pageByToken(call, vms, { sizeParam: 'MaxResults', min: 1, max: 100, default: 10 });
    return {
      NextToken: page.next,
      Instances: { Instance: page.items.map((vm) => renderVm(call, vm)) },
    };
  }
  const page = pageByNumber(call, vms, ECS_PAGE.DescribeInstances);
  return {
    ...pageFields(page),
    Instances: { Instance: page.items.map((vm) => renderVm(call, vm)) },
  };
}

function renderEni(call: AliyunCall, ni: NetworkInterface): Record<string, unknown> {
  const primary = ni.privateIps[0];
  const assoc = (ip: string | undefined, id: string | undefined) => ({
    PublicIpAddress: ip ?? '',
    AllocationId: id ?? '',
  });
  return {
    NetworkInterfaceId: ni.id,
    NetworkInterfaceName: '',
    Description: ni.role === 'kubernetes_pods' ? 'created by Container Service' : '',
    Status: 'InUse',
    Type: ni.deviceIndex === 0 ? 'Primary' : 'Secondary',
    VpcId: ni.vpcId,
    VSwitchId: ni.subnetId,
    ZoneId: ni.zone,
    PrivateIpAddress: primary?.ip ?? '',
    MacAddress: ni.mac,
    InstanceId: ni.deviceId,
    CreationTime: secondTime(ni.createdAt),
    ResourceGroupId: resourceGroupId(call.world),
    ServiceManaged: false,
    SecurityGroupIds: { SecurityGroupId: [...ni.securityGroupIds] },
    AssociatedPublicIp: assoc(primary?.publicIp, primary?.publicIpId),
    PrivateIpSets: {
      PrivateIpSet: ni.privateIps.map((p) => ({
        PrivateIpAddress: p.ip,
        Primary: p.primary,
        AssociatedPublicIp: assoc(p.publicIp, p.publicIpId),
      })),
    },
    Tags: ecsTags({}),
  };
}

function describeNetworkInterfaces(call: AliyunCall): Record<string, unknown> {
  const instanceId = call.params['InstanceId'];
  const vpcId = call.params['VpcId'];
  const ids = Object.entries(call.params)
    .filter(([k]) => /^NetworkInterfaceId\.\d+$/.test(k))
    .map(([, v]) => v);
  const enis = filterSeq(
    call.res.networkInterfaces,
    (ni) =>
      ni.deviceKind === 'vm' &&
      (instanceId === undefined || ni.deviceId === instanceId) &&
      (vpcId === undefined || ni.vpcId === vpcId) &&
      (ids.length === 0 || ids.includes(ni.id)),
  );
  if (call.params['MaxResults'] !== undefined || call.params['NextToken'] !== undefined) {
    const page = pageByToken(call, enis, {
      sizeParam: 'MaxResults',
      min: 10,
      max: 500,
      default: 10,
    });
    return {
      NextToken: page.next,
      NetworkInterfaceSets: { NetworkInterfaceSet: page.items.map((ni) => renderEni(call, ni)) },
    };
  }
  const page = pageByNumber(call, enis, ECS_PAGE.DescribeNetworkInterfaces);
  return {
    ...pageFields(page),
    NetworkInterfaceSets: { NetworkInterfaceSet: page.items.map((ni) => renderEni(call, ni)) },
  };
}

function renderGroup(call: AliyunCall, g: SecurityGroup): Record<string, unknown> {
  return {
    SecurityGroupId: g.id,
    SecurityGroupName: g.name,
    Description: g.description,
    VpcId: g.vpcId,
    SecurityGroupType: 'normal',
    ServiceManaged: false,
    CreationTime: '2023-01-01T00:00:00Z',
    ResourceGroupId: resourceGroupId(call.world),
    Tags: ecsTags(g.tags),
  };
}

function describeSecurityGroups(call: AliyunCall): Record<string, unknown> {
  const vpcId = call.params['VpcId'];
  const groups = call.res.securityGroups.filter((g) => vpcId === undefined || g.vpcId === vpcId);
  const page = pageByNumber(call, groups, ECS_PAGE.DescribeSecurityGroups);
  return {
    ...pageFields(page),
    RegionId: call.region,
    SecurityGroups: { SecurityGroup: page.items.map((g) => renderGroup(call, g)) },
  };
}

function portRange(rule: SgRule): string {
  if (rule.protocol === 'all' || rule.protocol === 'icmp' || rule.fromPort === undefined) {
    return '-1/-1';
  }
  return `${rule.fromPort}/${rule.toPort ?? rule.fromPort}`;
}

function renderPermission(rule: SgRule, i: number): Record<string, unknown> {
  const ingress = rule.direction === 'ingress';
  return {
    Direction: rule.direction,
    IpProtocol: rule.protocol.toUpperCase(),
    PortRange: portRange(rule),
    SourceCidrIp: ingress ? (rule.cidr ?? '') : '',
    SourceGroupId: ingress ? (rule.groupId ?? '') : '',
    DestCidrIp: ingress ? '' : (rule.cidr ?? ''),
    DestGroupId: ingress ? '' : (rule.groupId ?? ''),
    SourcePortRange: '',
    Policy: 'Accept',
    Priority: String(i + 1),
    NicType: 'intranet',
    Description: rule.description ?? '',
    CreateTime: '2023-01-01T00:00:00Z',
  };
}

function describeSecurityGroupAttribute(call: AliyunCall): Record<string, unknown> {
  const id = required(call, 'SecurityGroupId');
  const g = call.res.securityGroups.find((x) => x.id === id);
  if (g === undefined) throw notFound('InvalidSecurityGroupId.NotFound', `security group ${id}`);
  const direction = call.params['Direction'] ?? 'all';
  return {
    RegionId: call.region,
    SecurityGroupId: g.id,
    SecurityGroupName: g.name,
    Description: g.description,
    VpcId: g.vpcId,
    InnerAccessPolicy: 'Accept',
    Permissions: {
      Permission: g.rules
        .map(renderPermission)
        .filter((_, i) => direction === 'all' || g.rules[i]?.direction === direction),
    },
  };
}

export const ECS_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeRegions: describeRegions,
  DescribeZones: describeZones,
  DescribeInstances: describeInstances,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSecurityGroupAttribute: describeSecurityGroupAttribute,
};

/** Actions that take no (or an optional) RegionId. */
export const ECS_GLOBAL = new Set(['DescribeRegions']);
