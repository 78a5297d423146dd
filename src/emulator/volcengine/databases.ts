/**
 * RDS (MySQL, PostgreSQL, SQL Server: one API shape, `Total`) and Redis (`TotalInstancesNum`), each with a
 * per-instance detail call that gives the addresses.
 */
import type { RdsInstance } from '../world-types-services.js';
import type { VolcCall } from './call.js';
import { isoSeconds, pageByNumber, required, tagList } from './call.js';
import { notFound } from './errors.js';
import { rdsId, redisId } from './ids.js';

// ---- rds_mysql / rds_postgresql / rds_mssql ----
const ENGINE_OF: Readonly<Record<string, RdsInstance['engine']>> = {
  rds_mysql: 'mysql',
  rds_postgresql: 'postgresql',
  rds_mssql: 'sqlserver',
};

const ENGINE_VERSION: Readonly<Record<RdsInstance['engine'], string>> = {
  mysql: 'MySQL_8_0',
  postgresql: 'PostgreSQL_14',
  sqlserver: 'SQLServer_2019_Std',
};

function dbsOf(call: VolcCall): RdsInstance[] {
  return call.res.rdsInstances.filter((d) => d.engine === ENGINE_OF[call.service]);
}

function primaryOf(call: VolcCall, db: RdsInstance): RdsInstance | undefined {
  if (db.role === 'primary' || db.clusterId === undefined) return undefined;
  return call.res.rdsInstances.find((x) => x.clusterId === db.clusterId && x.role === 'primary');
}

export function describeDbInstances(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, dbsOf(call), 100);
  return {
    Total: page.total,
    Instances: page.items.map((db) => {
      const primary = primaryOf(call, db);
      return {
        InstanceId: rdsId(db),
        InstanceName: db.id,
        InstanceStatus: db.state === 'available' ? 'Running' : 'Stopped',
        DBEngineVersion: ENGINE_VERSION[db.engine],
        InstanceType: db.flavor === 'aurora' ? 'Cluster' : 'HA',
        NodeSpec: db.instanceClass,
        VpcId: db.vpcId,
        SubnetId: db.subnetId,
        ZoneId: db.zone,
        CreateTime: isoSeconds(db.createdAt),
        PrimaryInstanceId: primary === undefined ? '' : rdsId(primary),
        Tags: tagList(db.tags),
      };
    }),
  };
}

export function describeDbInstanceDetail(call: VolcCall): Record<string, unknown> {
  const id = required(call, 'InstanceId');
  const db = dbsOf(call).find((d) => rdsId(d) === id);
  if (db === undefined) throw notFound('InstanceNotFound', `instance ${id}`);
  return {
    BasicInfo: { InstanceId: id, InstanceName: db.id, VpcId: db.vpcId },
    Endpoints: [
      {
        EndpointType: 'Cluster',
        Addresses: [
          {
            NetworkType: 'Private',
            IPAddress: db.privateIp,
            Domain: `${id}.rds.ivolces.com`,
            Port: String(db.port),
            SubnetId: db.subnetId,
          },
        ],
      },
    ],
  };
}

// ---- redis ----
export function describeRedisInstances(call: VolcCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.redisCaches, 100);
  return {
    TotalInstancesNum: page.total,
    Instances: page.items.map((c) => {
      const nodes = c.shards.flatMap((s) => s.nodes);
      return {
        InstanceId: redisId(call.region, c),
        InstanceName: c.description,
        Status: 'Running',
        EngineVersion: c.engineVersion.split('.').slice(0, 2).join('.'),
        VpcId: c.vpcId,
        SubnetId: nodes[0]?.subnetId ?? '',
        ZoneIds: [...new Set(nodes.map((n) => n.zone))],
        ShardedCluster: c.mode === 'cluster' ? 1 : 0,
        ShardNumber: c.shards.length,
        NodeNumber: c.shards[0]?.nodes.length ?? 1,
        ShardCapacity: 1024,
        CreateTime: isoSeconds(c.createdAt),
        Tags: [],
      };
    }),
  };
}

export function describeRedisInstanceDetail(call: VolcCall): Record<string, unknown> {
  const id = required(call, 'InstanceId');
  const c = call.res.redisCaches.find((x) => redisId(call.region, x) === id);
  if (c === undefined) throw notFound('InstanceNotFound', `instance ${id}`);
  const primary = c.shards[0]?.nodes[0];
  return {
    InstanceId: id,
    VisitAddrs: [
      {
        AddrType: 'Private',
        Address: `${id}.redis.ivolces.com`,
        VIP: primary?.privateIp ?? '',
        Port: String(c.port),
      },
    ],
  };
}
