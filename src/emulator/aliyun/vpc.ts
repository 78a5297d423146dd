/** VPC 2016-04-28: zones, VPCs, vSwitches, EIPs, route tables and entries, NAT (+SNAT/DNAT). */
import type { NatGateway } from '../world-types-services.js';
import type { PublicIp, Route, RouteTable, Subnet, Vm, Vpc } from '../world-types.js';
import {
  filterSeq,
  notFound,
  pageByNumber,
  pageByToken,
  pageFields,
  required,
  type AliyunCall,
  type Handler,
} from './call.js';
import { describeZones } from './ecs.js';
import { derivedId, kvTags, resourceGroupId, secondTime } from './render.js';

export const VPC_VERSION = '2016-04-28';

/** Real maxima: 50 for the PageNumber APIs, 100 for EIPs; MaxResult 100 for route entries. */
export const VPC_PAGE = {
  DescribeVpcs: { max: 50, default: 10 },
  DescribeVSwitches: { max: 50, default: 10 },
  DescribeEipAddresses: { max: 100, default: 10 },
  DescribeRouteTableList: { max: 50, default: 10 },
  DescribeNatGateways: { max: 50, default: 10 },
  DescribeSnatTableEntries: { max: 50, default: 10 },
  DescribeForwardTableEntries: { max: 50, default: 10 },
} as const;

const CREATED = '2023-01-01T00:00:00Z';

function vrouterId(call: AliyunCall, vpcId: string): string {
  return derivedId('vrt-', call.region, vpcId);
}

function renderVpc(call: AliyunCall, vpc: Vpc): Record<string, unknown> {
  const subnets = call.res.subnets.filter((s) => s.vpcId === vpc.id);
  return {
    VpcId: vpc.id,
    VpcName: vpc.name,
    RegionId: call.region,
    Status: 'Available',
    CidrBlock: vpc.cidr,
    VRouterId: vrouterId(call, vpc.id),
    Description: '',
    IsDefault: false,
    CreationTime: CREATED,
    ResourceGroupId: resourceGroupId(call.world),
    OwnerId: Number(call.world.accountId),
    VSwitchIds: { VSwitchId: subnets.map((s) => s.id) },
    RouterTableIds: {
      RouterTableIds: call.res.routeTables.filter((t) => t.vpcId === vpc.id).map((t) => t.id),
    },
    NatGatewayIds: {
      NatGatewayIds: call.res.natGateways.filter((n) => n.vpcId === vpc.id).map((n) => n.id),
    },
    UserCidrs: { UserCidr: [] },
    Tags: kvTags(vpc.tags),
  };
}

function describeVpcs(call: AliyunCall): Record<string, unknown> {
  const id = call.params['VpcId'];
  const ids = id === undefined ? undefined : id.split(',');
  const vpcs = call.res.vpcs.filter((v) => ids === undefined || ids.includes(v.id));
  const page = pageByNumber(call, vpcs, VPC_PAGE.DescribeVpcs);
  return { ...pageFields(page), Vpcs: { Vpc: page.items.map((v) => renderVpc(call, v)) } };
}

function renderVSwitch(call: AliyunCall, s: Subnet): Record<string, unknown> {
  const table = call.res.routeTables.find((t) => t.id === s.routeTableId);
  return {
    VSwitchId: s.id,
    VSwitchName: s.name,
    VpcId: s.vpcId,
    Status: 'Available',
    CidrBlock: s.cidr,
    ZoneId: s.zone,
    AvailableIpAddressCount: s.availableIps,
    Description: '',
    IsDefault: false,
    CreationTime: CREATED,
    ResourceGroupId: resourceGroupId(call.world),
    OwnerId: Number(call.world.accountId),
    RouteTable: {
      RouteTableId: s.routeTableId,
      RouteTableType: table?.main === false ? 'Custom' : 'System',
    },
    Tags: kvTags(s.tags),
  };
}

function describeVSwitches(call: AliyunCall): Record<string, unknown> {
  const vpcId = call.params['VpcId'];
  const zoneId = call.params['ZoneId'];
  const id = call.params['VSwitchId'];
  const subnets = call.res.subnets.filter(
    (s) =>
      (vpcId === undefined || s.vpcId === vpcId) &&
      (zoneId === undefined || s.zone === zoneId) &&
      (id === undefined || s.id === id),
  );
  const page = pageByNumber(call, subnets, VPC_PAGE.DescribeVSwitches);
  return {
    ...pageFields(page),
    VSwitches: { VSwitch: page.items.map((s) => renderVSwitch(call, s)) },
  };
}

const EIP_INSTANCE_TYPE: Record<string, string> = {
  vm: 'EcsInstance',
  nat_gateway: 'Nat',
  load_balancer: 'SlbInstance',
};

function renderEip(call: AliyunCall, ip: PublicIp): Record<string, unknown> {
  const bound = ip.deviceId !== undefined;
  return {
    AllocationId: ip.id ?? '',
    IpAddress: ip.ip,
    RegionId: call.region,
    Status: bound ? 'InUse' : 'Available',
    InstanceId: ip.deviceId ?? '',
    InstanceType:
      ip.deviceKind === undefined ? '' : (EIP_INSTANCE_TYPE[ip.deviceKind] ?? 'NetworkInterface'),
    InstanceRegionId: bound ? call.region : '',
    PrivateIpAddress: ip.privateIp ?? '',
    AllocationTime: CREATED,
    Bandwidth: '5',
    InternetChargeType: 'PayByTraffic',
    ChargeType: 'PostPaid',
    ISP: 'BGP',
    Name: '',
    Description: '',
    ResourceGroupId: resourceGroupId(call.world),
    Tags: kvTags(ip.tags),
  };
}

function describeEipAddresses(call: AliyunCall): Record<string, unknown> {
  const id = call.params['AllocationId'];
  const eips = filterSeq(
    call.res.publicIps,
    (p) => p.allocation === 'elastic' && (id === undefined || p.id === id),
  );
  const page = pageByNumber(call, eips, VPC_PAGE.DescribeEipAddresses);
  return {
    ...pageFields(page),
    EipAddresses: { EipAddress: page.items.map((p) => renderEip(call, p)) },
  };
}

function renderRouteTable(call: AliyunCall, t: RouteTable): Record<string, unknown> {
  const vswitches = t.main
    ? call.res.subnets.filter((s) => s.vpcId === t.vpcId && s.routeTableId === t.id)
    : call.res.subnets.filter((s) => t.associations.some((a) => a.subnetId === s.id));
  return {
    RouteTableId: t.id,
    RouteTableName: t.name ?? '',
    RouteTableType: t.main ? 'System' : 'Custom',
    VpcId: t.vpcId,
    VRouterId: vrouterId(call, t.vpcId),
    RouterId: vrouterId(call, t.vpcId),
    RouterType: 'VRouter',
    Status: 'Available',
    CreationTime: CREATED,
    Description: '',
    ResourceGroupId: resourceGroupId(call.world),
    OwnerId: Number(call.world.accountId),
    VSwitchIds: { VSwitchId: vswitches.map((s) => s.id) },
    Tags: kvTags(t.tags),
  };
}

function describeRouteTableList(call: AliyunCall): Record<string, unknown> {
  const vpcId = call.params['VpcId'];
  const id = call.params['RouteTableId'];
  const tables = call.res.routeTables.filter(
    (t) => (vpcId === undefined || t.vpcId === vpcId) && (id === undefined || t.id === id),
  );
  const page = pageByNumber(call, tables, VPC_PAGE.DescribeRouteTableList);
  return {
    ...pageFields(page),
    Success: true,
    Code: '200',
    Message: 'successful',
    RouterTableList: {
      RouterTableListType: page.items.map((t) => renderRouteTable(call, t)),
    },
  };
}

const NEXT_HOP_TYPE: Record<Route['target'], string> = {
  local: '',
  internet_gateway: 'Ipv4Gateway',
  nat_gateway: 'NatGateway',
  peering: 'VpcPeer',
  cloud_network: 'Attachment',
};

function describeRouteEntryList(call: AliyunCall): Record<string, unknown> {
  const id = required(call, 'RouteTableId');
  const table = call.res.routeTables.find((t) => t.id === id);
  if (table === undefined) throw notFound('InvalidRouteTableId.NotFound', `route table ${id}`);
  const page = pageByToken(
    call,
    table.routes,
    { sizeParam: 'MaxResult', min: 1, max: 100, default: 10 },
    id,
  );
  return {
    NextToken: page.next,
    RouteEntrys: {
      RouteEntry: page.items.map((r) => {
        const i = table.routes.indexOf(r);
        return {
          RouteEntryId: derivedId('rte-', call.region, id, i),
          RouteEntryName: '',
          RouteTableId: id,
          DestinationCidrBlock: r.destination,
          Type: r.target === 'local' ? 'System' : 'Custom',
          Status: r.state === 'active' ? 'Available' : 'Pending',
          IpVersion: 'ipv4',
          Description: '',
          NextHops: {
            NextHop:
              r.target === 'local'
                ? []
                : [
                    {
                      NextHopType: NEXT_HOP_TYPE[r.target],
                      NextHopId: r.targetId ?? '',
                      Weight: 100,
                      Enabled: 1,
                      NextHopRegionId: call.region,
                    },
                  ],
          },
        };
      }),
    },
  };
}

const snatTableId = (call: AliyunCall, nat: NatGateway): string =>
  derivedId('stb-', call.region, nat.id);
const forwardTableId = (call: AliyunCall, nat: NatGateway): string =>
  derivedId('ftb-', call.region, nat.id);

function renderNat(call: AliyunCall, nat: NatGateway): Record<string, unknown> {
  const pub = nat.connectivity === 'public';
  return {
    NatGatewayId: nat.id,
    Name: nat.name,
    Description: '',
    VpcId: nat.vpcId,
    RegionId: call.region,
    Status: nat.state === 'available' ? 'Available' : 'Creating',
    NatType: 'Enhanced',
    NetworkType: pub ? 'internet' : 'intranet',
    Spec: 'Small',
    InstanceChargeType: 'PostPaid',
    CreationTime: secondTime(nat.createdAt),
    ResourceGroupId: resourceGroupId(call.world),
    SnatTableIds: { SnatTableId: pub ? [snatTableId(call, nat)] : [] },
    ForwardTableIds: { ForwardTableId: pub ? [forwardTableId(call, nat)] : [] },
    IpLists: {
      IpList:
        pub && nat.publicIp !== undefined
          ? [
              {
                AllocationId: nat.publicIpId ?? '',
                IpAddress: nat.publicIp,
                UsingStatus: 'UsedBySnatTable',
                SnatEntryEnabled: true,
                PrivateIpAddress: nat.privateIp,
              },
            ]
          : [],
    },
    NatGatewayPrivateInfo: {
      VswitchId: nat.subnetId,
      EniInstanceId: nat.interfaceId,
      PrivateIpAddress: nat.privateIp,
      IzNo: nat.zone,
    },
    Tags: kvTags(nat.tags),
  };
}

function describeNatGateways(call: AliyunCall): Record<string, unknown> {
  const vpcId = call.params['VpcId'];
  const id = call.params['NatGatewayId'];
  const nats = call.res.natGateways.filter(
    (n) => (vpcId === undefined || n.vpcId === vpcId) && (id === undefined || n.id === id),
  );
  const page = pageByNumber(call, nats, VPC_PAGE.DescribeNatGateways);
  return {
    ...pageFields(page),
    NatGateways: { NatGateway: page.items.map((n) => renderNat(call, n)) },
  };
}

function natByTable(call: AliyunCall, param: string, idOf: typeof snatTableId): NatGateway {
  const id = required(call, param);
  const nat = call.res.natGateways.find((n) => n.connectivity === 'public' && idOf(call, n) === id);
  if (nat === undefined) throw notFound(`Invalid${param}.NotFound`, `table ${id}`);
  return nat;
}

/** One SNAT entry per private vSwitch of the NAT's VPC, translated to the NAT's public IP. */
function describeSnatTableEntries(call: AliyunCall): Record<string, unknown> {
  const nat = natByTable(call, 'SnatTableId', snatTableId);
  const table = snatTableId(call, nat);
  const entries = call.res.subnets
    .filter((s) => s.vpcId === nat.vpcId && !s.public)
    .map((s) => ({
      SnatEntryId: derivedId('snat-', call.region, nat.id, s.id),
      SnatEntryName: `snat-${s.name}`,
      SnatTableId: table,
      NatGatewayId: nat.id,
      SnatIp: nat.publicIp ?? '',
      SourceCIDR: s.cidr,
      SourceVSwitchId: s.id,
      Status: 'Available',
    }));
  const page = pageByNumber(call, entries, VPC_PAGE.DescribeSnatTableEntries);
  return { ...pageFields(page), SnatTableEntries: { SnatTableEntry: page.items } };
}

const firstVmCache = new WeakMap<object, Map<string, Vm>>();

function firstVmOfVpc(call: AliyunCall, vpcId: string): Vm | undefined {
  let m = firstVmCache.get(call.res);
  if (m === undefined) {
    m = new Map();
    for (const vm of call.res.vms) if (!m.has(vm.vpcId)) m.set(vm.vpcId, vm);
    firstVmCache.set(call.res, m);
  }
  return m.get(vpcId);
}

/** One DNAT entry per public NAT: TCP 2222 on its public IP → port 22 of the first VM in its VPC. */
function describeForwardTableEntries(call: AliyunCall): Record<string, unknown> {
  const nat = natByTable(call, 'ForwardTableId', forwardTableId);
  const vm = firstVmOfVpc(call, nat.vpcId);
  const entries =
    vm === undefined || nat.publicIp === undefined
      ? []
      : [
          {
            ForwardEntryId: derivedId('fwd-', call.region, nat.id, vm.id),
            ForwardEntryName: `ssh-${vm.name}`,
            ForwardTableId: forwardTableId(call, nat),
            NatGatewayId: nat.id,
            ExternalIp: nat.publicIp,
            ExternalPort: '2222',
            InternalIp: vm.privateIp,
            InternalPort: '22',
            IpProtocol: 'tcp',
            Status: 'Available',
          },
        ];
  const page = pageByNumber(call, entries, VPC_PAGE.DescribeForwardTableEntries);
  return { ...pageFields(page), ForwardTableEntries: { ForwardTableEntry: page.items } };
}

export const VPC_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeZones: describeZones,
  DescribeVpcs: describeVpcs,
  DescribeVSwitches: describeVSwitches,
  DescribeEipAddresses: describeEipAddresses,
  DescribeRouteTableList: describeRouteTableList,
  DescribeRouteEntryList: describeRouteEntryList,
  DescribeNatGateways: describeNatGateways,
  DescribeSnatTableEntries: describeSnatTableEntries,
  DescribeForwardTableEntries: describeForwardTableEntries,
};
