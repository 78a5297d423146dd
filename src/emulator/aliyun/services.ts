/** SLB 2014-05-15, RDS 2014-08-15, r-kvstore 2015-01-01, CBN 2017-09-12, resourcemanager 2020-03-31. */
import { hash32, hex32 } from '../random.js';
import type {
  LoadBalancer,
  RdsInstance,
  RedisCache,
  RegionResources,
} from '../world-types-services.js';
import type { NetworkInterface } from '../world-types.js';
import {
  notFound,
  pageByNumber,
  pageFields,
  required,
  type AliyunCall,
  type Handler,
} from './call.js';
import { ecsTags, kvTags, regionCode, resourceGroupId, secondTime } from './render.js';

export const SLB_VERSION = '2014-05-15';
export const RDS_VERSION = '2014-08-15';
export const KVSTORE_VERSION = '2015-01-01';
export const CBN_VERSION = '2017-09-12';
export const RM_VERSION = '2020-03-31';

/** Real maxima: SLB 100, RDS 100, Redis 50, CEN 50, ListResources 100. */
export const SERVICE_PAGE = {
  DescribeLoadBalancers: { max: 100, default: 50 },
  DescribeDBInstances: { max: 100, default: 30 },
  KvDescribeInstances: { max: 50, default: 30 },
  DescribeCens: { max: 50, default: 10 },
  DescribeCenAttachedChildInstances: { max: 50, default: 10 },
  ListResources: { max: 100, default: 10 },
} as const;

const interfaceCache = new WeakMap<RegionResources, Map<string, NetworkInterface>>();

export function interfaceById(res: RegionResources, id: string): NetworkInterface | undefined {
  let m = interfaceCache.get(res);
  if (m === undefined) {
    m = new Map();
    for (const ni of res.networkInterfaces) if (ni.deviceKind !== 'vm') m.set(ni.id, ni);
    interfaceCache.set(res, m);
  }
  return m.get(id);
}

const vmIpCache = new WeakMap<RegionResources, Map<string, string>>();

function vmIps(res: RegionResources): Map<string, string> {
  let m = vmIpCache.get(res);
  if (m === undefined) {
    m = new Map();
    for (const vm of res.vms) m.set(vm.id, vm.privateIp);
    vmIpCache.set(res, m);
  }
  return m;
}

// ---- SLB ----

export function lbAddress(call: AliyunCall, lb: LoadBalancer): string {
  const ni =
    lb.interfaceIds[0] === undefined ? undefined : interfaceById(call.res, lb.interfaceIds[0]);
  const ip = ni?.privateIps[0];
  return (lb.scheme === 'internet' ? ip?.publicIp : undefined) ?? ip?.ip ?? '';
}

function renderLb(call: AliyunCall, lb: LoadBalancer): Record<string, unknown> {
  return {
    LoadBalancerId: lb.id,
    LoadBalancerName: lb.name,
    LoadBalancerStatus: 'active',
    Address: lbAddress(call, lb),
    AddressType: lb.scheme === 'internet' ? 'internet' : 'intranet',
    AddressIPVersion: 'ipv4',
    NetworkType: 'vpc',
    VpcId: lb.vpcId,
    VSwitchId: lb.subnetIds[0] ?? '',
    RegionId: call.region,
    RegionIdAlias: call.region,
    MasterZoneId: lb.zones[0] ?? '',
    SlaveZoneId: lb.zones[1] ?? lb.zones[0] ?? '',
    LoadBalancerSpec: 'slb.s1.small',
    InternetChargeType: 'paybytraffic',
    PayType: 'PayOnDemand',
    CreateTime: `${lb.createdAt.slice(0, 16)}Z`,
    CreateTimeStamp: Date.parse(lb.createdAt),
    ResourceGroupId: resourceGroupId(call.world),
    Tags: ecsTags(lb.tags),
  };
}

function describeLoadBalancers(call: AliyunCall): Record<string, unknown> {
  const vpcId = call.params['VpcId'];
  const ids = call.params['LoadBalancerId']?.split(',');
  // SLB serves the classic load balancers; ALB and NLB (alb-nlb.ts) serve the others.
  const lbs = call.res.loadBalancers.filter(
    (lb) =>
      lb.type === 'classic' &&
      (vpcId === undefined || lb.vpcId === vpcId) &&
      (ids === undefined || ids.includes(lb.id)),
  );
  const page = pageByNumber(call, lbs, SERVICE_PAGE.DescribeLoadBalancers);
  return {
    ...pageFields(page),
    LoadBalancers: { LoadBalancer: page.items.map((lb) => renderLb(call, lb)) },
  };
}

function findLb(call: AliyunCall): LoadBalancer {
  const id = required(call, 'LoadBalancerId');
  const lb = call.res.loadBalancers.find((x) => x.id === id && x.type === 'classic');
  if (lb === undefined) throw notFound('InvalidLoadBalancerId.NotFound', `load balancer ${id}`);
  return lb;
}

interface Backend {
  vmId: string;
  ip: string;
  port: number;
  listenerPort: number;
  protocol: string;
  healthy: boolean;
}

/** VM backends: classic LBs' registered instances, other LBs' instance targets of their target groups. */
function backends(call: AliyunCall, lb: LoadBalancer): Backend[] {
  const out: Backend[] = [];
  const vmIp = (id: string): string => vmIps(call.res).get(id) ?? '';
  for (const l of lb.listeners) {
    const protocol = l.protocol.toLowerCase();
    if (l.targetGroupId === undefined) {
      for (const inst of lb.instances) {
        out.push({
          vmId: inst.vmId,
          ip: vmIp(inst.vmId),
          port: l.instancePort ?? l.port,
          listenerPort: l.port,
          protocol,
          healthy: inst.health === 'in_service',
        });
      }
      continue;
    }
    const tg = call.res.targetGroups.find((t) => t.id === l.targetGroupId);
    for (const t of tg?.targets ?? []) {
      if (t.vmId === undefined) continue;
      out.push({
        vmId: t.vmId,
        ip: t.ip,
        port: t.port,
        listenerPort: l.port,
        protocol,
        healthy: t.health === 'healthy',
      });
    }
  }
  return out;
}

function describeLoadBalancerAttribute(call: AliyunCall): Record<string, unknown> {
  const lb = findLb(call);
  const listeners = lb.listeners.map((l) => ({
    ListenerPort: l.port,
    ListenerProtocol: l.protocol.toLowerCase(),
    Description: '',
  }));
  const servers = [...new Map(backends(call, lb).map((b) => [b.vmId, b])).values()];
  return {
    ...renderLb(call, lb),
    ListenerPorts: { ListenerPort: lb.listeners.map((l) => l.port) },
    ListenerPortsAndProtocal: { ListenerPortAndProtocal: listeners },
    ListenerPortsAndProtocol: { ListenerPortAndProtocol: listeners },
    BackendServers: {
      BackendServer: servers.map((b) => ({
        ServerId: b.vmId,
        ServerIp: b.ip,
        Weight: 100,
        Type: 'ecs',
        Description: '',
      })),
    },
  };
}

function describeHealthStatus(call: AliyunCall): Record<string, unknown> {
  const lb = findLb(call);
  const port = call.params['ListenerPort'];
  const list = backends(call, lb).filter(
    (b) => port === undefined || String(b.listenerPort) === port,
  );
  return {
    BackendServers: {
      BackendServer: list.map((b) => ({
        ServerId: b.vmId,
        ServerIp: b.ip,
        Port: b.port,
        ListenerPort: b.listenerPort,
        Protocol: b.protocol,
        ServerHealthStatus: b.healthy ? 'normal' : 'abnormal',
        EniHost: b.ip,
      })),
    },
  };
}

export const SLB_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeLoadBalancers: describeLoadBalancers,
  DescribeLoadBalancerAttribute: describeLoadBalancerAttribute,
  DescribeHealthStatus: describeHealthStatus,
};

// ---- RDS ----

const RDS_ENGINE: Record<RdsInstance['engine'], string> = {
  mysql: 'MySQL',
  postgresql: 'PostgreSQL',
  sqlserver: 'SQLServer',
};

function rdsHost(db: RdsInstance): string {
  return `${db.resourceId}.mysql.rds.aliyuncs.com`;
}

function renderDb(call: AliyunCall, db: RdsInstance): Record<string, unknown> {
  const primaryOf =
    db.role === 'replica' && db.clusterId !== undefined
      ? call.res.rdsInstances.find((x) => x.clusterId === db.clusterId && x.role === 'primary')
      : undefined;
  const readonly = call.res.rdsInstances.filter(
    (x) =>
      db.role === 'primary' &&
      x.role === 'replica' &&
      x.clusterId !== undefined &&
      x.clusterId === db.clusterId,
  );
  return {
    DBInstanceId: db.resourceId,
    DBInstanceDescription: db.id,
    Engine: RDS_ENGINE[db.engine],
    EngineVersion: db.engineVersion,
    DBInstanceStatus: db.state === 'available' ? 'Running' : 'Stopped',
    DBInstanceType: db.role === 'primary' ? 'Primary' : 'Readonly',
    DBInstanceClass: db.instanceClass,
    DBInstanceStorageType: 'cloud_essd',
    DBInstanceNetType: 'Intranet',
    InstanceNetworkType: 'VPC',
    Category: db.flavor === 'aurora' ? 'HighAvailability' : 'Basic',
    VpcId: db.vpcId,
    VSwitchId: db.subnetId,
    ZoneId: db.zone,
    RegionId: call.region,
    ConnectionString: rdsHost(db),
    CreateTime: secondTime(db.createdAt),
    PayType: 'Postpaid',
    LockMode: 'Unlock',
    ResourceGroupId: resourceGroupId(call.world),
    MasterInstanceId: primaryOf?.resourceId ?? '',
    ReadOnlyDBInstanceIds: {
      ReadOnlyDBInstanceId: readonly.map((x) => ({ DBInstanceId: x.resourceId })),
    },
  };
}

function describeDBInstances(call: AliyunCall): Record<string, unknown> {
  const vpcId = call.params['VpcId'];
  const ids = call.params['DBInstanceId']?.split(',');
  const dbs = call.res.rdsInstances.filter(
    (d) =>
      (vpcId === undefined || d.vpcId === vpcId) &&
      (ids === undefined || ids.includes(d.resourceId)),
  );
  const page = pageByNumber(call, dbs, SERVICE_PAGE.DescribeDBInstances);
  return {
    TotalRecordCount: page.totalCount,
    PageNumber: page.pageNumber,
    PageRecordCount: page.items.length,
    Items: { DBInstance: page.items.map((d) => renderDb(call, d)) },
  };
}

function describeDBInstanceNetInfo(call: AliyunCall): Record<string, unknown> {
  const id = required(call, 'DBInstanceId');
  const db = call.res.rdsInstances.find((d) => d.resourceId === id);
  if (db === undefined) throw notFound('InvalidDBInstanceId.NotFound', `instance ${id}`);
  return {
    InstanceNetworkType: 'VPC',
    SecurityIPMode: 'normal',
    DBInstanceNetInfos: {
      DBInstanceNetInfo: [
        {
          ConnectionString: rdsHost(db),
          IPAddress: db.privateIp,
          IPType: 'Private',
          Port: String(db.port),
          VPCId: db.vpcId,
          VSwitchId: db.subnetId,
          ConnectionStringType: 'Normal',
          Upgradeable: 'Disabled',
        },
      ],
    },
  };
}

export const RDS_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeDBInstances: describeDBInstances,
  DescribeDBInstanceNetInfo: describeDBInstanceNetInfo,
};

// ---- Redis (r-kvstore) ----

/** The Aliyun id of a world Redis deployment (`r-bp1…`). */
export function redisId(region: string, cache: RedisCache): string {
  const a = hex32(hash32('aliyun-redis', region, cache.id));
  return `r-${regionCode(region)}${a}${hex32(hash32('aliyun-redis', region, cache.id, 2)).slice(0, 6)}`;
}

function redisPrimary(cache: RedisCache) {
  return cache.shards[0]?.nodes[0];
}

function renderRedis(call: AliyunCall, c: RedisCache): Record<string, unknown> {
  const id = redisId(call.region, c);
  const node = redisPrimary(c);
  return {
    InstanceId: id,
    InstanceName: c.id,
    InstanceStatus: 'Normal',
    InstanceType: 'Redis',
    InstanceClass: c.nodeType,
    EngineVersion: c.engineVersion.split('.').slice(0, 2).join('.'),
    ArchitectureType: c.mode === 'cluster' ? 'cluster' : 'standard',
    NodeType: c.mode === 'standalone' ? 'single' : 'double',
    NetworkType: 'VPC',
    VpcId: c.vpcId,
    VSwitchId: node?.subnetId ?? '',
    PrivateIp: node?.privateIp ?? '',
    ConnectionDomain: `${id}.redis.rds.aliyuncs.com`,
    Port: c.port,
    ZoneId: node?.zone ?? '',
    RegionId: call.region,
    CreateTime: secondTime(c.createdAt),
    ChargeType: 'PostPaid',
    Capacity: 1024,
    ResourceGroupId: resourceGroupId(call.world),
    Tags: kvTags({}),
  };
}

function describeKvInstances(call: AliyunCall): Record<string, unknown> {
  const ids = call.params['InstanceIds']?.split(',');
  const vpcId = call.params['VpcId'];
  const caches = call.res.redisCaches.filter(
    (c) =>
      (vpcId === undefined || c.vpcId === vpcId) &&
      (ids === undefined || ids.includes(redisId(call.region, c))),
  );
  const page = pageByNumber(call, caches, SERVICE_PAGE.KvDescribeInstances);
  return {
    ...pageFields(page),
    Instances: { KVStoreInstance: page.items.map((c) => renderRedis(call, c)) },
  };
}

function describeKvNetInfo(call: AliyunCall): Record<string, unknown> {
  const id = required(call, 'InstanceId');
  const c = call.res.redisCaches.find((x) => redisId(call.region, x) === id);
  if (c === undefined) throw notFound('InvalidInstanceId.NotFound', `instance ${id}`);
  const node = redisPrimary(c);
  return {
    InstanceNetworkType: 'VPC',
    NetInfoItems: {
      InstanceNetInfo: [
        {
          ConnectionString: `${id}.redis.rds.aliyuncs.com`,
          IPAddress: node?.privateIp ?? '',
          IPType: 'Private',
          Port: String(c.port),
          VPCId: c.vpcId,
          VSwitchId: node?.subnetId ?? '',
          DBInstanceNetType: '2',
          Upgradeable: '0',
        },
      ],
    },
  };
}

export const KVSTORE_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeInstances: describeKvInstances,
  DescribeDBInstanceNetInfo: describeKvNetInfo,
};

// ---- CEN (global) ----

interface CenRow {
  region: string;
  cen: RegionResources['cloudNetworks'][number];
}

function allCens(call: AliyunCall): CenRow[] {
  return call.world.regions
    .filter((r) => r.enabled)
    .flatMap((r) => call.world.resources(r.id).cloudNetworks.map((cen) => ({ region: r.id, cen })));
}

function describeCens(call: AliyunCall): Record<string, unknown> {
  const page = pageByNumber(call, allCens(call), SERVICE_PAGE.DescribeCens);
  return {
    ...pageFields(page),
    Cens: {
      Cen: page.items.map(({ cen }) => ({
        CenId: cen.id,
        Name: cen.name,
        Description: '',
        Status: 'Active',
        ProtectionLevel: 'REDUCED',
        Ipv6Level: 'DISABLED',
        CreationTime: secondTime(cen.createdAt),
        ResourceGroupId: resourceGroupId(call.world),
        CenBandwidthPackageIds: { CenBandwidthPackageId: [] },
        Tags: kvTags(cen.tags),
      })),
    },
  };
}

function describeCenChildren(call: AliyunCall): Record<string, unknown> {
  const id = required(call, 'CenId');
  const row = allCens(call).find((r) => r.cen.id === id);
  if (row === undefined) throw notFound('ParameterCenInstanceId', `CEN ${id}`);
  const regionFilter = call.params['ChildInstanceRegionId'];
  const children =
    regionFilter === undefined || regionFilter === row.region ? row.cen.attachments : [];
  const vpcs = new Map(call.world.resources(row.region).vpcs.map((v) => [v.id, v]));
  const page = pageByNumber(call, children, SERVICE_PAGE.DescribeCenAttachedChildInstances);
  return {
    ...pageFields(page),
    ChildInstances: {
      ChildInstance: page.items.map((a) => ({
        CenId: id,
        ChildInstanceId: a.vpcId,
        ChildInstanceType: 'VPC',
        ChildInstanceRegionId: row.region,
        ChildInstanceOwnerId: Number(call.world.accountId),
        ChildInstanceName: vpcs.get(a.vpcId)?.name ?? '',
        Status: 'Attached',
        ChildInstanceAttachTime: secondTime(a.createdAt),
      })),
    },
  };
}

export const CBN_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeCens: describeCens,
  DescribeCenAttachedChildInstances: describeCenChildren,
};

// ---- resourcemanager ListResources (global) ----

interface RmResource {
  Service: string;
  ResourceType: string;
  ResourceId: string;
  RegionId: string;
  ResourceGroupId: string;
  CreateDate: string;
}

function listResources(call: AliyunCall): Record<string, unknown> {
  const rg = resourceGroupId(call.world);
  const wantGroup = call.params['ResourceGroupId'];
  const wantService = call.params['Service'];
  const wantType = call.params['ResourceType'];
  const wantRegion = call.params['Region'];
  const rows: RmResource[] = [];
  if (wantGroup === undefined || wantGroup === rg) {
    for (const r of call.world.regions) {
      if (!r.enabled || (wantRegion !== undefined && wantRegion !== r.id)) continue;
      const res = call.world.resources(r.id);
      const add = (Service: string, ResourceType: string, ResourceId: string, at: string) => {
        if (wantService !== undefined && wantService !== Service) return;
        if (wantType !== undefined && wantType !== ResourceType) return;
        rows.push({
          Service,
          ResourceType,
          ResourceId,
          RegionId: r.id,
          ResourceGroupId: rg,
          CreateDate: at,
        });
      };
      for (const v of res.vpcs) add('vpc', 'vpc', v.id, '2023-01-01T00:00:00Z');
      for (const s of res.subnets) add('vpc', 'vswitch', s.id, '2023-01-01T00:00:00Z');
      if (wantType === undefined || wantType === 'instance') {
        for (const vm of res.vms) add('ecs', 'instance', vm.id, secondTime(vm.launchTime));
      }
    }
  }
  const page = pageByNumber(call, rows, SERVICE_PAGE.ListResources);
  return { ...pageFields(page), Resources: { Resource: page.items } };
}

// ---- STS ----

export const STS_VERSION = '2015-04-01';

/** The caller: the emulator's one RAM user of the world's account. */
function getCallerIdentity(call: AliyunCall): Record<string, unknown> {
  const account = call.world.accountId;
  const userId = String(hash32(call.world.seed, 'ram-user') % 10 ** 15).padStart(15, '2');
  return {
    AccountId: account,
    UserId: userId,
    PrincipalId: userId,
    IdentityType: 'RAMUser',
    Arn: `acs:ram::${account}:user/emulator`,
  };
}

export const STS_ACTIONS: Readonly<Record<string, Handler>> = {
  GetCallerIdentity: getCallerIdentity,
};

export const RM_ACTIONS: Readonly<Record<string, Handler>> = {
  ListResources: listResources,
};
