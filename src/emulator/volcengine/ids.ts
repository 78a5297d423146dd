/** Volcengine ids of world resources whose neutral id is not already Volcengine-shaped. */
import { hash32, hex32 } from '../random.js';
import type { RdsInstance, RedisCache, RegionResources } from '../world-types-services.js';
import type { NetworkInterface, PublicIp } from '../world-types.js';

const RDS_PREFIX: Readonly<Record<RdsInstance['engine'], string>> = {
  mysql: 'mysql-',
  postgresql: 'postgres-',
  sqlserver: 'mssql-',
};

/** `mysql-…`, `postgres-…`, `mssql-…`: the shape's id with the engine's prefix. */
export function rdsId(db: RdsInstance): string {
  return `${RDS_PREFIX[db.engine]}${db.resourceId.replace(/^[a-z]+-/, '')}`;
}

/** `redis-…` of a world Redis deployment. */
export function redisId(region: string, cache: RedisCache): string {
  return `redis-${hex32(hash32('volcengine-redis', region, cache.id))}${hex32(hash32('volcengine-redis', cache.id)).slice(0, 4)}`;
}

/** An EIP's AllocationId: the world's, else one derived from the address (Volcengine has only EIPs). */
export function eipId(ip: Pick<PublicIp, 'ip' | 'id'>): string {
  return (
    ip.id ??
    `eip-${hex32(hash32('volcengine-eip', ip.ip))}${hex32(hash32('eip', ip.ip)).slice(0, 4)}`
  );
}

const cache = new WeakMap<RegionResources, ReadonlyMap<string, string>>();

/** World device id (RDS identifier, cache cluster id) → the Volcengine instance id, per region. */
function deviceIds(region: string, res: RegionResources): ReadonlyMap<string, string> {
  const hit = cache.get(res);
  if (hit !== undefined) return hit;
  const out = new Map<string, string>();
  for (const db of res.rdsInstances) out.set(db.id, rdsId(db));
  for (const c of res.redisCaches) {
    for (const shard of c.shards)
      for (const n of shard.nodes) out.set(n.clusterId, redisId(region, c));
  }
  cache.set(res, out);
  return out;
}

/** The Volcengine id of the device an ENI belongs to. */
export function deviceIdOf(region: string, res: RegionResources, ni: NetworkInterface): string {
  if (ni.deviceKind === 'rds_instance' || ni.deviceKind === 'redis_instance') {
    return deviceIds(region, res).get(ni.deviceId) ?? ni.deviceId;
  }
  return ni.deviceId;
}
