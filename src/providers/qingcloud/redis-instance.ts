import { guardMapper } from '../mapper-guard.js';
import { RedisInstanceSchema } from '../../model/index.js';
import type { MapContext, NetworkInterface, RedisInstance } from '../../model/index.js';
import { compact, lookup } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll } from './client.js';
import {
  DESCRIBE_VXNETS,
  baseFields,
  defined,
  nonEmpty,
  qingcloudOperation,
  serviceInterface,
  subnetOfVxnet,
  vpcOfVxnet,
  vxnetRouters,
} from './common.js';
import { SERVICE_STATE } from './rds-instance.js';
import type * as wire from './wire.js';

const DESCRIBE_CACHES = qingcloudOperation('DescribeCaches', false);

/** Caches are Redis or Memcached; only Redis ones are listed. */
export function isRedis(raw: wire.Cache): boolean {
  return Boolean(raw.cache_id) && (raw.cache_type ?? '').startsWith('redis');
}

/** `redis-cluster5.0.5` → `5.0.5`, `redis3.0.5` → `3.0.5`. */
export function redisVersion(cacheType: string | undefined): string | undefined {
  return nonEmpty(/^redis(?:-cluster)?(.*)$/.exec(cacheType ?? '')?.[1]);
}

function mapCacheUnguarded(
  raw: wire.Cache,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): RedisInstance {
  const nativeId = raw.cache_id ?? '';
  const vxnet = nonEmpty(raw.vxnet?.vxnet_id);
  const subnet = subnetOfVxnet(ctx, routers, vxnet);
  const nodes = raw.nodes ?? [];
  const master = nodes.find((n) => n.cache_role === 'master') ?? nodes[0];
  const count = raw.node_count ?? nodes.length;
  return {
    ...baseFields(ctx, 'redis_instance', nativeId, raw.cache_name, raw.tags, raw.create_time),
    state: lookup(SERVICE_STATE, raw.status, 'unknown'),
    mode: (raw.cache_type ?? '').startsWith('redis-cluster')
      ? 'cluster'
      : count > 1
        ? 'replication'
        : 'standalone',
    ...defined({
      engine_version: redisVersion(raw.cache_type),
      vpc_id: vpcOfVxnet(ctx, routers, vxnet),
    }),
    subnet_ids: subnet === undefined ? [] : [subnet],
    ...defined({
      internal_host: nonEmpty(master?.private_ip),
      port: raw.cache_port,
      node_type: raw.cache_class === undefined ? undefined : String(raw.cache_class),
    }),
  };
}

export function cacheInterface(
  raw: wire.Cache,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): NetworkInterface | undefined {
  return serviceInterface(ctx, routers, {
    kind: 'redis_instance',
    deviceId: raw.cache_id ?? '',
    vxnetId: nonEmpty(raw.vxnet?.vxnet_id),
    privateIps: compact((raw.nodes ?? []).map((n) => n.private_ip)),
    createdAt: raw.create_time,
  });
}

export const redisInstanceFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'redis_instance',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [DESCRIBE_CACHES, DESCRIBE_VXNETS],
  async *fetch(ctx) {
    const routers = vxnetRouters(ctx);
    routers.catch(() => undefined);
    const items = listAll<wire.Cache>(
      ctx,
      ctx.session.client,
      DESCRIBE_CACHES,
      ctx.region,
      { verbose: 1 },
      { key: 'cache_set', idOf: (c) => c.cache_id },
    );
    for await (const raw of items) {
      if (!isRedis(raw)) continue;
      const byVxnet = await routers;
      yield { kind: 'redis_instance', record: mapCache(raw, byVxnet, ctx.map) };
      const nic = cacheInterface(raw, byVxnet, ctx.map);
      if (nic !== undefined) yield { kind: 'network_interface', record: nic };
    }
  },
};

/** `mapCacheUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapCache = guardMapper('qingcloud cache', mapCacheUnguarded, RedisInstanceSchema);
