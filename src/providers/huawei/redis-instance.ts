import { guardMapper } from '../mapper-guard.js';
import { NetworkInterfaceSchema, RedisInstanceSchema } from '../../model/index.js';
import type { MapContext, NetworkInterface, RedisInstance, RunState } from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, keyValueTags, nonEmpty, zoneRef } from './common.js';
import { listByOffset } from './paging.js';
import type * as wire from './wire.js';

const LIST_DCS = huaweiOperation('dcs', 'ListInstances', false, 'dcs:instance:list');

/** DCS v2 lists at most 1000 instances per page. */
export const DCS_PAGE_SIZE = 1000;

const DCS_STATE: Readonly<Record<string, RunState>> = {
  RUNNING: 'running',
  CREATING: 'pending',
  RESTARTING: 'pending',
  EXTENDING: 'pending',
  RESTORING: 'pending',
  FLUSHING: 'pending',
  CLOSING: 'pending',
  STARTING: 'pending',
  CLOSED: 'stopped',
  FROZEN: 'stopped',
  ERROR: 'error',
  CREATEFAILED: 'error',
};

const MODE: Readonly<Record<string, RedisInstance['mode']>> = {
  single: 'standalone',
  ha: 'replication',
  ha_rw_split: 'replication',
  cluster: 'cluster',
  proxy: 'cluster',
};

/** Only Redis instances (DCS also runs Memcached). */
export function isRedis(raw: wire.DcsInstance): boolean {
  return (
    nonEmpty(raw.instance_id) !== undefined && (raw.engine ?? 'Redis').toLowerCase() === 'redis'
  );
}

function mapRedisInstanceUnguarded(raw: wire.DcsInstance, ctx: MapContext): RedisInstance {
  const nativeId = raw.instance_id ?? '';
  const zones = raw.az_codes ?? [];
  return {
    ...baseFields(
      ctx,
      'redis_instance',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      keyValueTags(raw.tags),
      raw.created_at,
    ),
    state: lookup(DCS_STATE, raw.status, 'unknown'),
    mode: lookup(MODE, raw.cache_mode, 'standalone'),
    ...defined({
      engine_version: nonEmpty(raw.engine_version),
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)),
      zone_id: zones.length === 1 ? zoneRef(ctx, zones[0]) : undefined,
    }),
    subnet_ids: compact([refId(ctx, 'subnet', nonEmpty(raw.subnet_id))]),
    ...defined({
      internal_host: nonEmpty(raw.domain_name) ?? nonEmpty(raw.ip),
      public_host: nonEmpty(raw.publicip_address),
      port: raw.port,
      node_type: nonEmpty(raw.spec_code),
    }),
  };
}

/** The instance's IP as its interface in the subnet. */
function mapRedisInterfaceUnguarded(raw: wire.DcsInstance, ctx: MapContext): NetworkInterface {
  const nativeId = raw.instance_id ?? '';
  return {
    ...baseFields(ctx, 'network_interface', `${nativeId}-vip`, nonEmpty(raw.name) ?? nativeId, {}),
    device_kind: 'redis_instance',
    device_id: refId(ctx, 'redis_instance', nativeId) ?? '',
    device_native_id: nativeId,
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)),
      subnet_id: refId(ctx, 'subnet', nonEmpty(raw.subnet_id)),
    }),
    // `ip` may list several addresses (comma-separated), as DeepFlow splits it.
    private_ips: compact((raw.ip ?? '').split(',').map((s) => s.trim())),
    primary: true,
    security_group_ids: [],
  };
}

export const redisInstanceFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'redis_instance',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [LIST_DCS],
  async *fetch(ctx) {
    const items = listByOffset<wire.ListDcsInstances, wire.DcsInstance>(
      ctx,
      LIST_DCS,
      ctx.region,
      '/v2/{project_id}/instances',
      {},
      {
        limit: DCS_PAGE_SIZE,
        items: (p) => p.instances,
        idOf: (i) => i.instance_id,
        total: (p) => p.instance_num,
        // DCS `offset` counts items to skip.
        offsetOf: (n, size) => n * size,
      },
    );
    for await (const raw of items) {
      if (!isRedis(raw)) continue;
      yield { kind: 'redis_instance', record: mapRedisInstance(raw, ctx.map) };
      if (nonEmpty(raw.ip) !== undefined) {
        yield { kind: 'network_interface', record: mapRedisInterface(raw, ctx.map) };
      }
    }
  },
};

/** `mapRedisInstanceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRedisInstance = guardMapper(
  'huawei redis instance',
  mapRedisInstanceUnguarded,
  RedisInstanceSchema,
);
/** `mapRedisInterfaceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRedisInterface = guardMapper(
  'huawei redis interface',
  mapRedisInterfaceUnguarded,
  NetworkInterfaceSchema,
);
