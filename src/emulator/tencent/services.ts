/** CDB 2017-03-20, PostgreSQL 2017-03-12, SQL Server 2018-03-28, Redis 2018-04-12, TKE 2018-05-25. */
import { hash32, hex32 } from '../random.js';
import type { RdsInstance, RedisCache, RegionResources } from '../world-types-services.js';
import {
  cstTime,
  isoTime,
  keyValueTags,
  pageByOffset,
  tagKeyValueTags,
  type Handler,
  type TencentCall,
} from './call.js';
import { numericZoneId } from './shape.js';

export const CDB_VERSION = '2017-03-20';
export const POSTGRES_VERSION = '2017-03-12';
export const SQLSERVER_VERSION = '2018-03-28';
export const REDIS_VERSION = '2018-04-12';
export const TKE_VERSION = '2018-05-25';

/** Real maxima: CDB 2000, PostgreSQL 100, SQL Server 100, Redis 1000, TKE 100. */
export const SERVICE_PAGE = {
  cdb: { max: 2000, default: 20 },
  postgres: { max: 100, default: 10 },
  sqlserver: { max: 100, default: 20 },
  redis: { max: 1000, default: 20 },
  tke: { max: 100, default: 20 },
} as const;

// ---- Databases ----

/** Each engine is its own product with its own id prefix (`cdb-`, `postgres-`, `mssql-`). */
function instanceId(rds: RdsInstance, prefix: string): string {
  return `${prefix}${rds.resourceId.replace(/^cdb-/, '')}`;
}

function ofEngine(res: RegionResources, engine: RdsInstance['engine']): RdsInstance[] {
  return res.rdsInstances.filter((r) => r.engine === engine);
}

function describeCdbInstances(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, ofEngine(call.res, 'mysql'), SERVICE_PAGE.cdb);
  return {
    TotalCount: page.totalCount,
    Items: page.items.map((r) => ({
      InstanceId: instanceId(r, 'cdb-'),
      InstanceName: r.id,
      Status: r.state === 'available' ? 1 : 5,
      InstanceType: r.role === 'primary' ? 1 : 3,
      Vip: r.privateIp,
      Vport: r.port,
      UniqVpcId: r.vpcId,
      UniqSubnetId: r.subnetId,
      Zone: r.zone,
      Region: call.region,
      EngineVersion: r.engineVersion.split('.').slice(0, 2).join('.'),
      DeviceType: r.flavor === 'aurora' ? 'CLOUD_NATIVE_CLUSTER' : 'UNIVERSAL',
      Memory: 4000,
      Volume: r.storageGb,
      WanStatus: 0,
      CreateTime: cstTime(r.createdAt),
      TagList: tagKeyValueTags(r.tags),
    })),
  };
}

function describePgInstances(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, ofEngine(call.res, 'postgresql'), SERVICE_PAGE.postgres);
  return {
    TotalCount: page.totalCount,
    DBInstanceSet: page.items.map((r) => ({
      DBInstanceId: instanceId(r, 'postgres-'),
      DBInstanceName: r.id,
      DBInstanceStatus: r.state === 'available' ? 'running' : 'isolated',
      DBInstanceType: r.role === 'primary' ? 'primary' : 'readonly',
      DBInstanceClass: r.instanceClass,
      DBVersion: r.engineVersion,
      Region: call.region,
      Zone: r.zone,
      VpcId: r.vpcId,
      SubnetId: r.subnetId,
      DBInstanceNetInfo: [
        {
          Address: '',
          Ip: r.privateIp,
          Port: r.port,
          NetType: 'private',
          Status: 'opened',
          VpcId: r.vpcId,
          SubnetId: r.subnetId,
        },
        {
          Address: '',
          Ip: '',
          Port: r.port,
          NetType: 'public',
          Status: 'closed',
          VpcId: '',
          SubnetId: '',
        },
      ],
      CreateTime: cstTime(r.createdAt),
      TagList: tagKeyValueTags(r.tags),
    })),
  };
}

function describeSqlServerInstances(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, ofEngine(call.res, 'sqlserver'), SERVICE_PAGE.sqlserver);
  return {
    TotalCount: page.totalCount,
    DBInstances: page.items.map((r) => ({
      InstanceId: instanceId(r, 'mssql-'),
      Name: r.id,
      Status: r.state === 'available' ? 2 : 4,
      Type: r.role === 'primary' ? 'HA' : 'RO',
      VersionName: 'SQL Server 2019 Enterprise',
      Version: '2019',
      Vip: r.privateIp,
      Vport: r.port,
      UniqVpcId: r.vpcId,
      UniqSubnetId: r.subnetId,
      Zone: r.zone,
      Region: call.region,
      CreateTime: cstTime(r.createdAt),
      ResourceTags: tagKeyValueTags(r.tags),
    })),
  };
}

// ---- Redis ----

function redisId(call: TencentCall, cache: RedisCache): string {
  return `crs-${hex32(hash32(call.world.seed, call.region, cache.id)).slice(0, 8)}`;
}

function describeRedisInstances(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, call.res.redisCaches, SERVICE_PAGE.redis);
  return {
    TotalCount: page.totalCount,
    InstanceSet: page.items.map((c) => {
      const first = c.shards[0]?.nodes[0];
      const nodes = c.shards[0]?.nodes.length ?? 1;
      return {
        InstanceId: redisId(call, c),
        InstanceName: c.id,
        Status: 2,
        WanIp: first?.privateIp ?? '',
        Port: c.port,
        UniqVpcId: c.vpcId,
        UniqSubnetId: first?.subnetId ?? '',
        ZoneId: first === undefined ? 0 : numericZoneId(first.zone),
        RegionId: 1,
        Type: c.mode === 'cluster' ? 7 : 6,
        ProductType: c.mode === 'cluster' ? 'cluster' : 'standalone',
        RedisShardNum: c.shards.length,
        RedisReplicasNum: c.mode === 'standalone' ? 0 : Math.max(1, nodes - 1),
        CurrentRedisVersion: c.engineVersion.split('.').slice(0, 2).join('.'),
        Size: 1024,
        Createtime: cstTime(c.createdAt),
        InstanceTags: [],
      };
    }),
  };
}

// ---- TKE ----

function describeClusters(call: TencentCall): Record<string, unknown> {
  const page = pageByOffset(call, call.res.kubernetesClusters, SERVICE_PAGE.tke);
  return {
    TotalCount: page.totalCount,
    Clusters: page.items.map((k) => ({
      ClusterId: k.id,
      ClusterName: k.name,
      ClusterVersion: k.version,
      ClusterStatus: k.status === 'active' ? 'Running' : 'Creating',
      ClusterType: 'MANAGED_CLUSTER',
      ClusterNetworkSettings: {
        VpcId: k.vpcId,
        Subnets: [...k.subnetIds],
        ClusterCIDR: '172.18.0.0/16',
      },
      CreatedTime: isoTime(k.createdAt),
      TagSpecification: [{ ResourceType: 'cluster', Tags: keyValueTags(k.tags) }],
    })),
  };
}

export const CDB_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeDBInstances: describeCdbInstances,
};
export const POSTGRES_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeDBInstances: describePgInstances,
};
export const SQLSERVER_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeDBInstances: describeSqlServerInstances,
};
export const REDIS_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeInstances: describeRedisInstances,
};
export const TKE_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeClusters: describeClusters,
};
