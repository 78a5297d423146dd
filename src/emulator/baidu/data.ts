/** RDS (`/v1/instance`), SCS Redis (`/v2/instance` + detail) and CSN (global `/v1/csn`). */
import { hash32, hex32 } from '../random.js';
import type { CloudNetwork, RedisCache, RdsInstance } from '../world-types-services.js';
import type { BaiduCall, Handler } from './call.js';
import { bceTime, pageByMarker, tagList } from './call.js';
import { notFound } from './errors.js';

const ENGINE: Readonly<Record<RdsInstance['engine'], string>> = {
  mysql: 'MySQL',
  postgresql: 'PostgreSQL',
  sqlserver: 'SQLServer',
};

function renderRds(call: BaiduCall, db: RdsInstance): Record<string, unknown> {
  const primary =
    db.role === 'replica'
      ? call.res.rdsInstances.find((d) => d.clusterId === db.clusterId && d.role === 'primary')
      : undefined;
  return {
    instanceId: db.resourceId,
    instanceName: db.id,
    engine: ENGINE[db.engine],
    engineVersion: db.engineVersion,
    instanceStatus: db.state === 'available' ? 'Available' : 'Stopped',
    instanceType: db.role === 'replica' ? 'ReadReplica' : 'Master',
    ...(primary === undefined ? {} : { sourceInstanceId: primary.resourceId }),
    cpuCount: 2,
    allocatedMemoryInGB: 4,
    allocatedStorageInGB: db.storageGb,
    endpoint: {
      address: `${db.resourceId}.rds.${call.region}.baidubce.com`,
      port: db.port,
      vnetIp: db.privateIp,
      inetIp: '',
    },
    vpcId: db.vpcId,
    subnets: [{ subnetId: db.subnetId, zoneName: db.zone }],
    zoneNames: [db.zone],
    instanceCreateTime: bceTime(db.createdAt),
  };
}

/** An SCS id for a world cache (`scs-<region>-<12 base36>`), stable per seed. */
export function scsIdOf(call: BaiduCall, cache: RedisCache): string {
  const a = hash32(call.world.seed, 'scs', call.region, cache.id);
  const b = hash32(call.world.seed, 'scs2', call.region, cache.id);
  return `scs-${call.region}-${hex32(a)}${hex32(b).slice(0, 4)}`;
}

function primaryNode(cache: RedisCache) {
  return cache.shards[0]?.nodes.find((n) => n.role === 'primary') ?? cache.shards[0]?.nodes[0];
}

/** The list entry; the detail adds the VPC and subnets (which the list does not carry). */
function renderScs(call: BaiduCall, cache: RedisCache, detail: boolean): Record<string, unknown> {
  const id = scsIdOf(call, cache);
  const nodes = cache.shards.flatMap((s) => s.nodes);
  const zones = [...new Set(nodes.map((n) => n.zone))];
  const base = {
    instanceId: id,
    instanceName: cache.id,
    instanceStatus: 'Running',
    clusterType: cache.mode === 'cluster' ? 'cluster' : 'master_slave',
    engine: 'redis',
    engineVersion: cache.engineVersion.split('.').slice(0, 2).join('.'),
    nodeType: cache.mode === 'cluster' ? 'cache.n1.medium' : 'cache.n1.small',
    shardNum: cache.shards.length,
    domain: `redis.${id}.scs.${call.region}.baidubce.com`,
    port: cache.port,
    vnetIp: primaryNode(cache)?.privateIp ?? '',
    zoneNames: zones,
    instanceCreateTime: bceTime(cache.createdAt),
    tags: [],
  };
  if (!detail) return base;
  const subnets = [...new Map(nodes.map((n) => [n.subnetId, n.zone])).entries()];
  return {
    ...base,
    vpcId: cache.vpcId,
    subnets: subnets.map(([subnetId, zoneName]) => ({ subnetId, zoneName })),
  };
}

/** Every CSN of the account: CSN is global, so the world's cloud networks of every enabled region. */
function allCsns(call: BaiduCall): { cn: CloudNetwork; region: string }[] {
  return call.world.regions
    .filter((r) => r.enabled)
    .flatMap((r) => call.world.resources(r.id).cloudNetworks.map((cn) => ({ cn, region: r.id })));
}

export const RDS_ROUTES: Readonly<Record<string, Handler>> = {
  ListRds: (call) => {
    const page = pageByMarker(call, call.res.rdsInstances, (d) => d.resourceId);
    return { instances: page.items.map((d) => renderRds(call, d)), ...page.fields };
  },
};

export const SCS_ROUTES: Readonly<Record<string, Handler>> = {
  ListInstances: (call) => {
    const page = pageByMarker(call, call.res.redisCaches, (c) => scsIdOf(call, c));
    return { instances: page.items.map((c) => renderScs(call, c, false)), ...page.fields };
  },
  GetInstanceDetail: (call) => {
    const cache = call.res.redisCaches.find((c) => scsIdOf(call, c) === call.ids[0]);
    if (cache === undefined) throw notFound(`instance ${call.ids[0] ?? ''}`);
    return renderScs(call, cache, true);
  },
};

export const CSN_ROUTES: Readonly<Record<string, Handler>> = {
  ListCsns: (call) => {
    const page = pageByMarker(call, allCsns(call), (c) => c.cn.id);
    return {
      csns: page.items.map(({ cn }) => ({
        csnId: cn.id,
        name: cn.name,
        description: '',
        status: 'active',
        instanceNum: cn.attachments.length,
        tags: tagList(cn.tags),
      })),
      ...page.fields,
    };
  },
  ListCsnInstances: (call) => {
    const found = allCsns(call).find((c) => c.cn.id === call.ids[0]);
    if (found === undefined) throw notFound(`csn ${call.ids[0] ?? ''}`);
    const page = pageByMarker(call, found.cn.attachments, (a) => a.id);
    return {
      instances: page.items.map((a) => ({
        attachId: a.id,
        instanceType: 'vpc',
        instanceId: a.vpcId,
        instanceRegion: found.region,
        instanceAccountId: call.world.accountId,
        status: 'available',
      })),
      ...page.fields,
    };
  },
};
