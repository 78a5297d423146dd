/** VPC 2017-03-12: VPCs, subnets, ENIs, EIPs, security groups, route tables (gateways: vpc-gateways.ts). */
import type { RegionResources } from '../world-types-services.js';
import type {
  NetworkInterface,
  PublicIp,
  RouteTable,
  SecurityGroup,
  SgRule,
} from '../world-types.js';
import {
  cstTime,
  filterSeq,
  keyValueTags,
  pageByOffset,
  requiredString,
  type Handler,
  type TencentCall,
} from './call.js';
import { TencentApiError } from './errors.js';
import { VPC_PAGE } from './vpc-page.js';
import { VPC_GATEWAY_ACTIONS } from './vpc-gateways.js';

export const VPC_VERSION = '2017-03-12';

function describeVpcs(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, call.res.vpcs, VPC_PAGE.DescribeVpcs);
  return {
    TotalCount: page.totalCount,
    VpcSet: page.items.map((v) => ({
      VpcId: v.id,
      VpcName: v.name,
      CidrBlock: v.cidr,
      IsDefault: false,
      EnableMulticast: false,
      DnsServerSet: ['183.60.83.19', '183.60.82.98'],
      DomainName: '',
      DhcpOptionsId: '',
      EnableDhcp: true,
      Ipv6CidrBlock: '',
      AssistantCidrSet: [],
      CreatedTime: cstTime('2025-01-01T00:00:00Z'),
      TagSet: keyValueTags(v.tags),
    })),
  };
}

function describeSubnets(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, call.res.subnets, VPC_PAGE.DescribeSubnets);
  return {
    TotalCount: page.totalCount,
    SubnetSet: page.items.map((s) => ({
      SubnetId: s.id,
      SubnetName: s.name,
      VpcId: s.vpcId,
      CidrBlock: s.cidr,
      Ipv6CidrBlock: '',
      Zone: s.zone,
      RouteTableId: s.routeTableId,
      IsDefault: false,
      AvailableIpAddressCount: s.availableIps,
      CreatedTime: cstTime('2025-01-02T00:00:00Z'),
      TagSet: keyValueTags(s.tags),
    })),
  };
}

const vmInterfaces = new WeakMap<RegionResources, NetworkInterface[]>();

/** The CVM ENIs of the region (managed services list no ENI of theirs here). */
function cvmInterfaces(res: RegionResources): NetworkInterface[] {
  let list = vmInterfaces.get(res);
  if (list === undefined) {
    list = filterSeq(res.networkInterfaces, (ni) => ni.deviceKind === 'vm');
    vmInterfaces.set(res, list);
  }
  return list;
}

function describeNetworkInterfaces(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, cvmInterfaces(call.res), VPC_PAGE.DescribeNetworkInterfaces);
  return {
    TotalCount: page.totalCount,
    NetworkInterfaceSet: page.items.map((ni) => ({
      NetworkInterfaceId: ni.id,
      NetworkInterfaceName: `${ni.deviceId}-eth${ni.deviceIndex}`,
      NetworkInterfaceDescription: '',
      VpcId: ni.vpcId,
      SubnetId: ni.subnetId,
      Zone: ni.zone,
      MacAddress: ni.mac,
      Primary: ni.deviceIndex === 0,
      State: 'AVAILABLE',
      PrivateIpAddressSet: ni.privateIps.map((p) => ({
        PrivateIpAddress: p.ip,
        Primary: p.primary,
        PublicIpAddress: p.publicIp ?? '',
        AddressId: p.publicIpId ?? '',
        State: 'AVAILABLE',
      })),
      GroupSet: [...ni.securityGroupIds],
      Attachment: { InstanceId: ni.deviceId, DeviceIndex: ni.deviceIndex },
      CreatedTime: cstTime(ni.createdAt),
      TagSet: [],
    })),
  };
}

const INSTANCE_TYPE: Record<string, string> = { vm: 'CVM', nat_gateway: 'NAT' };

function describeAddresses(call: TencentCall): Record<string, unknown> {
  const eips = filterSeq(call.res.publicIps, (p) => p.allocation === 'elastic');
  const page = pageByOffset(call, eips, VPC_PAGE.DescribeAddresses);
  return {
    TotalCount: page.totalCount,
    AddressSet: page.items.map((p: PublicIp) => ({
      AddressId: p.id ?? '',
      AddressName: p.tags['Name'] ?? '',
      AddressIp: p.ip,
      AddressStatus: p.deviceId === undefined ? 'UNBIND' : 'BIND',
      AddressType: 'EIP',
      InstanceId: p.deviceId ?? '',
      InstanceType: p.deviceKind === undefined ? '' : (INSTANCE_TYPE[p.deviceKind] ?? ''),
      NetworkInterfaceId: p.deviceKind === 'vm' ? (p.interfaceId ?? '') : '',
      PrivateAddressIp: p.privateIp ?? '',
      CreatedTime: cstTime('2025-02-01T00:00:00Z'),
      TagSet: keyValueTags(p.tags),
    })),
  };
}

function describeSecurityGroups(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, call.res.securityGroups, VPC_PAGE.DescribeSecurityGroups);
  return {
    TotalCount: page.totalCount,
    SecurityGroupSet: page.items.map((g: SecurityGroup) => ({
      SecurityGroupId: g.id,
      SecurityGroupName: g.name,
      SecurityGroupDesc: g.description,
      ProjectId: '0',
      IsDefault: false,
      CreatedTime: cstTime('2025-01-03T00:00:00Z'),
      TagSet: keyValueTags(g.tags),
    })),
  };
}

function renderPolicy(rule: SgRule, index: number): Record<string, unknown> {
  const port =
    rule.fromPort === undefined
      ? 'ALL'
      : rule.toPort === undefined || rule.toPort === rule.fromPort
        ? String(rule.fromPort)
        : `${rule.fromPort}-${rule.toPort}`;
  return {
    PolicyIndex: index,
    Protocol: rule.protocol.toUpperCase(),
    Port: rule.protocol === 'all' || rule.protocol === 'icmp' ? 'ALL' : port,
    CidrBlock: rule.cidr ?? '',
    Ipv6CidrBlock: '',
    SecurityGroupId: rule.groupId ?? '',
    Action: 'ACCEPT',
    PolicyDescription: rule.description ?? '',
    ModifyTime: cstTime('2025-01-03T00:00:00Z'),
  };
}

function describeSecurityGroupPolicies(call: TencentCall): Record<string, unknown> {
  const id = requiredString(call, 'SecurityGroupId');
  const g = call.res.securityGroups.find((x) => x.id === id);
  if (g === undefined) {
    throw new TencentApiError('ResourceNotFound', `The security group \`${id}\` does not exist.`);
  }
  const ingress = g.rules.filter((r) => r.direction === 'ingress');
  const egress = g.rules.filter((r) => r.direction === 'egress');
  return {
    SecurityGroupPolicySet: {
      Version: '1',
      Ingress: ingress.map(renderPolicy),
      Egress: egress.map(renderPolicy),
    },
  };
}

const GATEWAY_TYPE: Record<string, string> = {
  internet_gateway: 'EIP',
  nat_gateway: 'NAT',
  peering: 'PEERCONNECTION',
  cloud_network: 'CCN',
};

function renderRouteTable(call: TencentCall, t: RouteTable): Record<string, unknown> {
  return {
    RouteTableId: t.id,
    RouteTableName: t.name ?? (t.main ? 'default' : t.id),
    VpcId: t.vpcId,
    Main: t.main,
    // Every subnet is bound to exactly one table.
    AssociationSet: call.res.subnets
      .filter((s) => s.routeTableId === t.id)
      .map((s) => ({ SubnetId: s.id, RouteTableId: t.id })),
    RouteSet: t.routes.map((r, i) => ({
      RouteId: i + 1,
      DestinationCidrBlock: r.destination,
      GatewayType: r.target === 'local' ? 'LOCAL' : (GATEWAY_TYPE[r.target] ?? 'NORMAL_CVM'),
      GatewayId:
        r.target === 'local' ? '' : r.target === 'internet_gateway' ? '0' : (r.targetId ?? ''),
      Enabled: r.state === 'active',
      RouteType: r.target === 'local' ? 'NETD' : 'USER',
      RouteDescription: '',
    })),
    CreatedTime: cstTime('2025-01-02T00:00:00Z'),
    TagSet: keyValueTags(t.tags),
  };
}

function describeRouteTables(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, call.res.routeTables, VPC_PAGE.DescribeRouteTables);
  return {
    TotalCount: page.totalCount,
    RouteTableSet: page.items.map((t) => renderRouteTable(call, t)),
  };
}

export const VPC_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeVpcs: describeVpcs,
  DescribeSubnets: describeSubnets,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeAddresses: describeAddresses,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSecurityGroupPolicies: describeSecurityGroupPolicies,
  DescribeRouteTables: describeRouteTables,
  ...VPC_GATEWAY_ACTIONS,
};

/** The global CCN actions (asked in any region). */
export const VPC_GLOBAL = new Set(['DescribeCcns', 'DescribeCcnAttachedInstances']);
