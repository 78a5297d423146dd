/**
 * VPC 2020-04-01: VPCs and subnets page by NextToken/MaxResults (max 100); ENIs, EIPs, security groups,
 * route tables and route entries by PageNumber/PageSize (max 100) with `TotalCount`.
 */
import type { DeviceKind, NetworkInterface, PublicIp, Route } from '../world-types.js';
import type { Handler, VolcCall } from './call.js';
import { filterSeq, pageByNumber, pageByToken, pageFields, required, tagList } from './call.js';
import { notFound } from './errors.js';
import { deviceIdOf, eipId } from './ids.js';
import { hash32, hex32 } from '../random.js';

export const VPC_VERSION = '2020-04-01';

function describeVpcs(call: VolcCall): Record<string, unknown> {
  const page = pageByToken(call, call.res.vpcs, 100, 20);
  return {
    Vpcs: page.items.map((v) => ({
      VpcId: v.id,
      VpcName: v.name,
      CidrBlock: v.cidr,
      SecondaryCidrBlocks: [],
      Status: 'Available',
      IsDefault: false,
      Tags: tagList(v.tags),
      SubnetIds: call.res.subnets.filter((s) => s.vpcId === v.id).map((s) => s.id),
    })),
    NextToken: page.next,
    TotalCount: call.res.vpcs.length,
  };
}

function describeSubnets(call: VolcCall): Record<string, unknown> {
  const page = pageByToken(call, call.res.subnets, 100, 20);
  return {
    Subnets: page.items.map((s) => {
      const rt = call.res.routeTables.find((t) => t.id === s.routeTableId);
      return {
        SubnetId: s.id,
        SubnetName: s.name,
        VpcId: s.vpcId,
        ZoneId: s.zone,
        CidrBlock: s.cidr,
        AvailableIpAddressCount: s.availableIps,
        Status: 'Available',
        Tags: tagList(s.tags),
        RouteTable: {
          RouteTableId: s.routeTableId,
          RouteTableType: rt?.main ? 'System' : 'Custom',
        },
      };
    }),
    NextToken: page.next,
    TotalCount: call.res.subnets.length,
  };
}

function renderEip(ip: string, id: string | undefined) {
  return { AllocationId: eipId({ ip, ...(id === undefined ? {} : { id }) }), EipAddress: ip };
}

function renderEni(call: VolcCall, ni: NetworkInterface): Record<string, unknown> {
  const primary = ni.privateIps[0];
  return {
    NetworkInterfaceId: ni.id,
    NetworkInterfaceName: '',
    VpcId: ni.vpcId,
    SubnetId: ni.subnetId,
    ZoneId: ni.zone,
    MacAddress: ni.mac,
    PrimaryIpAddress: primary?.ip ?? '',
    PrivateIpSets: {
      PrivateIpSet: ni.privateIps.map((p) => ({
        PrivateIpAddress: p.ip,
        Primary: p.primary,
        ...(p.publicIp === undefined
          ? {}
          : { AssociatedElasticIp: renderEip(p.publicIp, p.publicIpId) }),
      })),
    },
    SecurityGroupIds: [...ni.securityGroupIds],
    DeviceId: deviceIdOf(call.region, call.res, ni),
    Type: ni.deviceIndex === 0 ? 'primary' : 'secondary',
    ServiceManaged: ni.deviceKind !== 'vm',
    Status: 'InUse',
    CreatedAt: ni.createdAt.replace(/\.\d{3}Z$/, 'Z'),
    Tags: [],
  };
}

function describeNetworkInterfaces(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.networkInterfaces, 100);
  return { ...pageFields(page), NetworkInterfaceSets: page.items.map((n) => renderEni(call, n)) };
}

const EIP_INSTANCE_TYPE: Partial<Record<DeviceKind, string>> = {
  vm: 'EcsInstance',
  nat_gateway: 'Nat',
  load_balancer: 'ClbInstance',
};

function renderEipAddress(p: PublicIp): Record<string, unknown> {
  const direct = p.deviceKind === undefined ? undefined : EIP_INSTANCE_TYPE[p.deviceKind];
  const [type, instance] =
    direct !== undefined && p.deviceId !== undefined
      ? [direct, p.deviceId]
      : p.interfaceId !== undefined
        ? ['NetworkInterface', p.interfaceId]
        : ['', ''];
  return {
    AllocationId: eipId(p),
    EipAddress: p.ip,
    Name: p.tags['Name'] ?? '',
    InstanceId: instance,
    InstanceType: type,
    PrivateIpAddress: p.privateIp ?? '',
    Status: instance === '' ? 'Available' : 'Attached',
    Tags: tagList(p.tags),
  };
}

function describeEipAddresses(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.publicIps, 100);
  return { ...pageFields(page), EipAddresses: page.items.map(renderEipAddress) };
}

function describeSecurityGroups(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.securityGroups, 100);
  return {
    ...pageFields(page),
    SecurityGroups: page.items.map((g) => ({
      SecurityGroupId: g.id,
      SecurityGroupName: g.name,
      Description: g.description,
      VpcId: g.vpcId,
      Status: 'Available',
      Tags: tagList(g.tags),
    })),
  };
}

function describeSecurityGroupAttributes(call: VolcCall): Record<string, unknown> {
  const id = required(call, 'SecurityGroupId');
  const g = call.res.securityGroups.find((x) => x.id === id);
  if (g === undefined) throw notFound('InvalidSecurityGroup.NotFound', `security group ${id}`);
  return {
    SecurityGroupId: g.id,
    SecurityGroupName: g.name,
    VpcId: g.vpcId,
    Permissions: g.rules.map((r) => ({
      Direction: r.direction,
      Protocol: r.protocol,
      PortStart: r.fromPort ?? -1,
      PortEnd: r.toPort ?? -1,
      CidrIp: r.cidr ?? '',
      SourceGroupId: r.groupId ?? '',
      Policy: 'accept',
      Priority: 1,
      Description: r.description ?? '',
    })),
  };
}

function describeRouteTableList(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.routeTables, 100);
  return {
    ...pageFields(page),
    RouterTableList: page.items.map((t) => ({
      RouteTableId: t.id,
      RouteTableName: t.name ?? '',
      VpcId: t.vpcId,
      RouteTableType: t.main ? 'System' : 'Custom',
      SubnetIds: call.res.subnets.filter((s) => s.routeTableId === t.id).map((s) => s.id),
    })),
  };
}

const NEXT_HOP: Readonly<Record<Route['target'], string | undefined>> = {
  local: 'Local',
  nat_gateway: 'NatGW',
  peering: 'VpcPeer',
  cloud_network: 'TransitRouter',
  // Volcengine has no internet gateway: public traffic leaves through EIPs, with no route entry.
  internet_gateway: undefined,
};

function describeRouteEntryList(call: VolcCall): Record<string, unknown> {
  const id = required(call, 'RouteTableId');
  const t = call.res.routeTables.find((x) => x.id === id);
  if (t === undefined) throw notFound('InvalidRouteTable.NotFound', `route table ${id}`);
  const routes = t.routes.filter((r) => NEXT_HOP[r.target] !== undefined);
  const page = pageByNumber(call, routes, 100);
  return {
    ...pageFields(page),
    RouteEntries: page.items.map((r) => ({
      RouteEntryId: `rte-${hex32(hash32('volcengine-rte', t.id, r.destination))}`,
      RouteTableId: t.id,
      DestinationCidrBlock: r.destination,
      NextHopType: NEXT_HOP[r.target],
      NextHopId: r.targetId ?? '',
      Type: r.target === 'local' ? 'System' : 'Custom',
      Status: r.state === 'active' ? 'Available' : 'Pending',
    })),
  };
}

export const VPC_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeVpcs: describeVpcs,
  DescribeSubnets: describeSubnets,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeEipAddresses: describeEipAddresses,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSecurityGroupAttributes: describeSecurityGroupAttributes,
  DescribeRouteTableList: describeRouteTableList,
  DescribeRouteEntryList: describeRouteEntryList,
};

/** The ENIs of one device (a load balancer's, for its addresses). */
export const enisOf = (call: VolcCall, deviceId: string): NetworkInterface[] =>
  filterSeq(call.res.networkInterfaces, (n) => n.deviceId === deviceId);
