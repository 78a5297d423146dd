/** Databases, caches and Kubernetes clusters, with their subnet groups and interfaces. */
import { pickAt } from './random.js';
import { kubernetesClusterName } from './world-compute.js';
import type { RegionContext } from './world-context.js';
import type {
  KubernetesCluster,
  RdsInstance,
  RedisCache,
  RedisNode,
  RedisShard,
  ServerlessCache,
  SubnetGroup,
} from './world-types-services.js';

export interface DataServices {
  readonly subnetGroups: SubnetGroup[];
  readonly rdsInstances: RdsInstance[];
  readonly redisCaches: RedisCache[];
  readonly serverlessCaches: ServerlessCache[];
  readonly kubernetesClusters: KubernetesCluster[];
}

interface RdsSpec {
  readonly id: string;
  readonly engine: RdsInstance['engine'];
  readonly flavor: RdsInstance['flavor'];
  readonly version: string;
  readonly instanceClass: string;
  readonly port: number;
  readonly j: number;
  readonly role: RdsInstance['role'];
  readonly clusterId?: string;
  readonly stopped?: boolean;
}

function rdsSpecs(set: number): RdsSpec[] {
  const aurora = `catalog-aurora-${set}`;
  const common = { flavor: 'standard', role: 'primary' } as const;
  return [
    {
      ...common,
      id: `orders-mysql-${set}`,
      engine: 'mysql',
      version: '8.0.39',
      instanceClass: 'db.t3.medium',
      port: 3306,
      j: 1,
    },
    {
      ...common,
      id: `billing-pg-${set}`,
      engine: 'postgresql',
      version: '16.4',
      instanceClass: 'db.m6g.large',
      port: 5432,
      j: 0,
    },
    {
      ...common,
      id: `reports-mssql-${set}`,
      engine: 'sqlserver',
      version: '15.00.4415.2.v1',
      instanceClass: 'db.m5.large',
      port: 1433,
      j: 1,
      stopped: set % 2 === 0,
    },
    ...[0, 1].map((m): RdsSpec => ({
      id: `${aurora}-${m + 1}`,
      engine: 'mysql',
      flavor: 'aurora',
      version: '8.0.mysql_aurora.3.07.1',
      instanceClass: 'db.r6g.large',
      port: 3306,
      j: m,
      role: m === 0 ? 'primary' : 'replica',
      clusterId: aurora,
    })),
  ];
}

export function buildDataServices(ctx: RegionContext): DataServices {
  const { plan } = ctx;
  const subnetGroups = new Map<string, SubnetGroup>();
  const group = (v: number, purpose: SubnetGroup['purpose']): string => {
    const vpc = ctx.vpc(v);
    const name = `${vpc.name}-${purpose === 'rds' ? 'db' : 'cache'}-subnets`;
    if (!subnetGroups.has(name)) {
      subnetGroups.set(name, {
        name,
        purpose,
        description: `${purpose === 'rds' ? 'Database' : 'Cache'} subnets of ${vpc.name}`,
        vpcId: vpc.id,
        subnetIds: ctx.subnetsOf(v, plan.subnetsPerVpc).map((d) => d.id),
      });
    }
    return name;
  };

  // Teams create a cache subnet group per VPC whether or not it hosts a cache yet.
  ctx.vpcs.forEach((vpc) => group(vpc.index, 'redis'));

  const rdsInstances: RdsInstance[] = [];
  for (let set = 0; set < plan.rdsSets; set++) {
    const v = set % plan.vpcs;
    const db = ctx.sgId(v, 'db');
    for (const spec of rdsSpecs(set)) {
      const d = ctx.subnetOf(v, spec.j);
      const createdAt = ctx.stamp('rds', spec.id);
      const eni = ctx.serviceInterface({
        s: d.index,
        deviceKind: 'rds_instance',
        deviceId: spec.id,
        securityGroupIds: [db],
        createdAt,
      });
      rdsInstances.push({
        id: spec.id,
        resourceId: ctx.id('rds_instance', rdsInstances.length),
        engine: spec.engine,
        flavor: spec.flavor,
        engineVersion: spec.version,
        instanceClass: spec.instanceClass,
        state: spec.stopped === true ? 'stopped' : 'available',
        role: spec.role,
        ...(spec.clusterId === undefined ? {} : { clusterId: spec.clusterId }),
        vpcId: d.vpcId,
        subnetGroup: group(v, 'rds'),
        zone: d.zone,
        subnetId: d.id,
        port: spec.port,
        storageGb: spec.flavor === 'aurora' ? 1 : 100,
        interfaceId: eni.id,
        privateIp: pickAt(eni.privateIps, 0).ip,
        securityGroupIds: [db],
        createdAt,
        tags: ctx.tags(undefined, v, { app: spec.id.split('-')[0] ?? spec.id }),
      });
    }
  }

  const redisCaches: RedisCache[] = [];
  for (let set = 0; set < plan.redisSets; set++) {
    const v = (set + 1) % plan.vpcs;
    const db = ctx.sgId(v, 'db');
    const node = (clusterId: string, j: number, role: RedisNode['role']): RedisNode => {
      const d = ctx.subnetOf(v, j);
      const eni = ctx.serviceInterface({
        s: d.index,
        deviceKind: 'redis_instance',
        deviceId: clusterId,
        securityGroupIds: [db],
        createdAt: ctx.stamp('redis', clusterId),
      });
      const ip = pickAt(eni.privateIps, 0).ip;
      return {
        clusterId,
        nodeId: '0001',
        role,
        zone: d.zone,
        subnetId: d.id,
        interfaceId: eni.id,
        privateIp: ip,
      };
    };
    const cache = (id: string, mode: RedisCache['mode'], shards: RedisShard[]): RedisCache => ({
      id,
      mode,
      description: `${mode} cache ${id}`,
      nodeType: mode === 'cluster' ? 'cache.r7g.large' : 'cache.t4g.medium',
      engineVersion: '7.1.0',
      status: 'available',
      vpcId: ctx.vpc(v).id,
      subnetGroup: group(v, 'redis'),
      port: 6379,
      securityGroupIds: [db],
      shards,
      createdAt: ctx.stamp('redis-group', id),
    });
    const sessions = `sessions-${set}`;
    const cart = `cart-${set}`;
    const queue = `queue-${set}`;
    redisCaches.push(
      cache(sessions, 'replication', [
        {
          id: '0001',
          nodes: [node(`${sessions}-001`, 0, 'primary'), node(`${sessions}-002`, 1, 'replica')],
        },
      ]),
      cache(
        cart,
        'cluster',
        ['0001', '0002'].map((shard, sh) => ({
          id: shard,
          nodes: [
            node(`${cart}-${shard}-001`, sh, 'primary'),
            node(`${cart}-${shard}-002`, sh + 1, 'replica'),
          ],
        })),
      ),
      cache(queue, 'replication', [{ id: '0001', nodes: [node(`${queue}-001`, 0, 'primary')] }]),
      cache(`legacy-${set}`, 'standalone', [
        { id: '0001', nodes: [node(`legacy-${set}`, 1, 'primary')] },
      ]),
    );
  }

  const serverlessCaches = Array.from(
    { length: plan.serverlessCaches },
    (_, k): ServerlessCache => {
      const v = k % plan.vpcs;
      const name = `sls-${pickAt(['feed', 'rank', 'geo', 'chat'], k % 4)}-${k}`;
      const createdAt = ctx.stamp('serverless', k);
      const subnets = ctx.subnetsOf(v, 2);
      const sg = [ctx.sgId(v, 'db')];
      return {
        name,
        engineVersion: '7.1',
        status: 'available',
        vpcId: ctx.vpc(v).id,
        subnetIds: subnets.map((d) => d.id),
        securityGroupIds: sg,
        port: 6379,
        interfaceIds: subnets.map(
          (d) =>
            ctx.serviceInterface({
              s: d.index,
              deviceKind: 'redis_instance',
              deviceId: name,
              securityGroupIds: sg,
              createdAt,
            }).id,
        ),
        createdAt,
      };
    },
  );

  const kubernetesClusters = Array.from({ length: plan.kubernetesClusters }, (_, k) => {
    const v = k % plan.vpcs;
    const name = kubernetesClusterName(k);
    return {
      name,
      id: ctx.id('kubernetes_cluster', k),
      version: pickAt(['1.29', '1.30', '1.31'], k % 3),
      status: 'active' as const,
      vpcId: ctx.vpc(v).id,
      subnetIds: ctx.subnetsOf(v, plan.subnetsPerVpc).map((d) => d.id),
      securityGroupIds: [ctx.sgId(v, 'default')],
      createdAt: ctx.stamp('k8s', k),
      tags: ctx.tags(undefined, v, { cluster: name }),
    };
  });

  return {
    subnetGroups: [...subnetGroups.values()],
    rdsInstances,
    redisCaches,
    serverlessCaches,
    kubernetesClusters,
  };
}
