/**
 * NAT Gateway, CLB, RDS (MySQL, PostgreSQL, SQL Server), Redis, CEN and VKE. Network APIs page by
 * PageNumber/PageSize with `TotalCount`; RDS and VKE report `Total`, Redis `TotalInstancesNum`.
 */
import { hash32, hex32 } from '../random.js';
import type { LoadBalancer, RegionResources } from '../world-types-services.js';
import type { Handler, VolcCall } from './call.js';
import { filterSeq, isoSeconds, pageByNumber, pageFields, required, tagList } from './call.js';
import { notFound } from './errors.js';
import {
  describeDbInstanceDetail,
  describeDbInstances,
  describeRedisInstanceDetail,
  describeRedisInstances,
} from './databases.js';
import { enisOf } from './vpc.js';

export const SERVICE_VERSIONS: Readonly<Record<string, string>> = {
  natgateway: '2020-04-01',
  clb: '2020-04-01',
  rds_mysql: '2022-01-01',
  rds_postgresql: '2022-01-01',
  rds_mssql: '2022-01-01',
  redis: '2020-12-07',
  cen: '2020-04-01',
  vke: '2022-05-12',
};

// ---- natgateway ----
function describeNatGateways(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.natGateways, 100);
  return {
    ...pageFields(page),
    NatGateways: page.items.map((n) => ({
      NatGatewayId: n.id,
      NatGatewayName: n.name,
      VpcId: n.vpcId,
      SubnetId: n.subnetId,
      ZoneId: n.zone,
      NetworkType: n.connectivity === 'public' ? 'internet' : 'intranet',
      Status: n.state === 'available' ? 'Available' : 'Creating',
      NetworkInterfaceId: n.interfaceId,
      CreationTime: isoSeconds(n.createdAt),
      Tags: tagList(n.tags),
      EipAddresses:
        n.publicIp === undefined
          ? []
          : [{ AllocationId: n.publicIpId ?? '', EipAddress: n.publicIp }],
    })),
  };
}

/** One SNAT entry per private subnet of a public NAT's VPC, to its EIP. */
export function snatEntries(res: RegionResources) {
  return res.natGateways.flatMap((n) =>
    n.publicIp === undefined
      ? []
      : res.subnets
          .filter((s) => s.vpcId === n.vpcId && !s.public)
          .map((s) => ({
            SnatEntryId: `snat-${hex32(hash32('volcengine-snat', n.id, s.id))}`,
            NatGatewayId: n.id,
            SubnetId: s.id,
            SourceCidr: s.cidr,
            EipAddress: n.publicIp,
            Status: 'Available',
          })),
  );
}

function describeSnatEntries(call: VolcCall): Record<string, unknown> {
  const nat = call.params['NatGatewayId'];
  const all = snatEntries(call.res).filter((e) => nat === undefined || e.NatGatewayId === nat);
  const page = pageByNumber(call, all, 100);
  return { ...pageFields(page), SnatEntries: page.items };
}

// ---- clb ----
function renderLb(call: VolcCall, lb: LoadBalancer): Record<string, unknown> {
  const eni = enisOf(call, lb.id)[0];
  const ip = eni?.privateIps[0];
  return {
    LoadBalancerId: lb.id,
    LoadBalancerName: lb.name,
    Type: lb.scheme === 'internet' ? 'public' : 'private',
    VpcId: lb.vpcId,
    SubnetId: lb.subnetIds[0] ?? '',
    EniId: eni?.id ?? '',
    EniAddress: ip?.ip ?? '',
    EipAddress: ip?.publicIp ?? '',
    Status: 'Active',
    MasterZoneId: lb.zones[0] ?? '',
    SlaveZoneId: lb.zones[1] ?? '',
    LoadBalancerSpec: 'small_1',
    CreateTime: isoSeconds(lb.createdAt),
    Tags: tagList(lb.tags),
  };
}

function describeLoadBalancers(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.loadBalancers, 100);
  return { ...pageFields(page), LoadBalancers: page.items.map((lb) => renderLb(call, lb)) };
}

/** A classic listener's server group id (the world has target groups only for v2 balancers). */
function classicGroupId(listenerId: string): string {
  return `rsp-${listenerId.replace(/^lsn-/, '')}`;
}

function describeListeners(call: VolcCall): Record<string, unknown> {
  const id = required(call, 'LoadBalancerId');
  const lb = call.res.loadBalancers.find((x) => x.id === id);
  if (lb === undefined) throw notFound('InvalidLoadBalancer.NotFound', `load balancer ${id}`);
  const page = pageByNumber(call, lb.listeners, 100);
  return {
    ...pageFields(page),
    Listeners: page.items.map((l) => ({
      ListenerId: l.id,
      ListenerName: `${l.protocol.toLowerCase()}-${l.port}`,
      LoadBalancerId: lb.id,
      Protocol: l.protocol,
      Port: l.port,
      ServerGroupId: l.targetGroupId ?? classicGroupId(l.id),
      Status: 'Active',
    })),
  };
}

function describeServerGroupAttributes(call: VolcCall): Record<string, unknown> {
  const id = required(call, 'ServerGroupId');
  const tg = call.res.targetGroups.find((g) => g.id === id);
  if (tg !== undefined) {
    return {
      ServerGroupId: tg.id,
      ServerGroupName: tg.name,
      Servers: tg.targets.map((t, i) => ({
        ServerId: `rs-${hex32(hash32('volcengine-rs', tg.id, i))}`,
        InstanceId: t.vmId ?? '',
        Type: t.kind === 'vm' ? 'ecs' : 'eni',
        Ip: t.ip,
        Port: t.port,
        Weight: 100,
      })),
    };
  }
  for (const lb of call.res.loadBalancers) {
    const l = lb.listeners.find(
      (x) => x.targetGroupId === undefined && classicGroupId(x.id) === id,
    );
    if (l === undefined) continue;
    const vmIds = new Set(lb.instances.map((i) => i.vmId));
    const vms = filterSeq(call.res.vms, (vm) => vmIds.has(vm.id));
    return {
      ServerGroupId: id,
      ServerGroupName: `${lb.name}-${l.port}`,
      Servers: vms.map((vm, i) => ({
        ServerId: `rs-${hex32(hash32('volcengine-rs', id, i))}`,
        InstanceId: vm.id,
        Type: 'ecs',
        Ip: vm.privateIp,
        Port: l.instancePort ?? l.port,
        Weight: 100,
      })),
    };
  }
  throw notFound('InvalidServerGroup.NotFound', `server group ${id}`);
}

// ---- cen (account-wide) ----
function allCens(call: VolcCall) {
  return call.world.regions
    .filter((r) => r.enabled)
    .flatMap((r) => call.world.resources(r.id).cloudNetworks.map((cen) => ({ region: r.id, cen })));
}

function describeCens(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, allCens(call), 100);
  return {
    ...pageFields(page),
    Cens: page.items.map(({ cen }) => ({
      CenId: cen.id,
      CenName: cen.name,
      Status: 'Available',
      AccountId: call.world.accountId,
      CreationTime: isoSeconds(cen.createdAt),
      Tags: tagList(cen.tags),
    })),
  };
}

function describeCenAttachedInstances(call: VolcCall): Record<string, unknown> {
  const id = required(call, 'CenId');
  const row = allCens(call).find((r) => r.cen.id === id);
  if (row === undefined) throw notFound('InvalidCen.NotFound', `CEN ${id}`);
  const page = pageByNumber(call, row.cen.attachments, 100);
  return {
    ...pageFields(page),
    AttachedInstances: page.items.map((a) => ({
      CenId: id,
      InstanceId: a.vpcId,
      InstanceType: 'VPC',
      InstanceRegionId: row.region,
      InstanceOwnerId: call.world.accountId,
      Status: 'Available',
      CreationTime: isoSeconds(a.createdAt),
    })),
  };
}

// ---- vke ----
function listClusters(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.kubernetesClusters, 100);
  return {
    Total: page.total,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    Items: page.items.map((c) => ({
      Id: c.id,
      Name: c.name,
      Status: { Phase: c.status === 'active' ? 'Running' : 'Creating' },
      KubernetesVersion: `v${c.version}`,
      CreateTime: isoSeconds(c.createdAt),
      Tags: tagList(c.tags),
      ClusterConfig: {
        VpcId: c.vpcId,
        SubnetIds: [...c.subnetIds],
        SecurityGroupIds: [...c.securityGroupIds],
        ApiServerEndpoints: { PrivateIp: { Ipv4: '' }, PublicIp: { Ipv4: '' } },
      },
    })),
  };
}

export const SERVICE_ACTIONS: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  natgateway: {
    DescribeNatGateways: describeNatGateways,
    DescribeSnatEntries: describeSnatEntries,
  },
  clb: {
    DescribeLoadBalancers: describeLoadBalancers,
    DescribeListeners: describeListeners,
    DescribeServerGroupAttributes: describeServerGroupAttributes,
  },
  rds_mysql: {
    DescribeDBInstances: describeDbInstances,
    DescribeDBInstanceDetail: describeDbInstanceDetail,
  },
  rds_postgresql: {
    DescribeDBInstances: describeDbInstances,
    DescribeDBInstanceDetail: describeDbInstanceDetail,
  },
  rds_mssql: {
    DescribeDBInstances: describeDbInstances,
    DescribeDBInstanceDetail: describeDbInstanceDetail,
  },
  redis: {
    DescribeDBInstances: describeRedisInstances,
    DescribeDBInstanceDetail: describeRedisInstanceDetail,
  },
  cen: { DescribeCens: describeCens, DescribeCenAttachedInstances: describeCenAttachedInstances },
  vke: { ListClusters: listClusters },
};
