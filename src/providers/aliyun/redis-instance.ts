import { guardMapper } from '../mapper-guard.js';
import { RedisInstanceSchema } from '../../model/index.js';
import type { MapContext, RedisInstance, RunState } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { listByPageNumber } from './client.js';
import {
  aliyunOperation,
  aliyunTags,
  baseFields,
  defined,
  nonEmpty,
  refIds,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_KVSTORE_INSTANCES = aliyunOperation('r-kvstore', 'DescribeInstances', false);

const KVSTORE_PAGE_SIZE = 50;

const REDIS_STATE: Readonly<Record<string, RunState>> = {
  Normal: 'running',
  Creating: 'pending',
  Changing: 'pending',
  Transforming: 'pending',
  Migrating: 'pending',
  Flushing: 'running',
  BackupRecovering: 'pending',
  MinorVersionUpgrading: 'pending',
  MajorVersionUpgrading: 'pending',
  NetworkModifying: 'pending',
  SSLModifying: 'pending',
  Inactive: 'stopped',
  Released: 'stopped',
  Unavailable: 'error',
  Error: 'error',
};

/** Cluster and read/write-splitting architectures; a standard instance is a master/replica pair unless single-node. */
export function modeOf(raw: wire.KVStoreInstance): RedisInstance['mode'] {
  if (raw.ArchitectureType === 'cluster') return 'cluster';
  if (raw.ArchitectureType === 'rwsplit') return 'replication';
  return raw.NodeType === 'single' ? 'standalone' : 'replication';
}

/** ConnectionDomain is the VPC (internal) address when the instance has a private IP, else its public one. */
function mapRedisInstanceUnguarded(raw: wire.KVStoreInstance, ctx: MapContext): RedisInstance {
  const nativeId = raw.InstanceId ?? '';
  const host = nonEmpty(raw.ConnectionDomain);
  const internal = nonEmpty(raw.PrivateIp) !== undefined;
  return {
    ...baseFields(
      ctx,
      'redis_instance',
      nativeId,
      nonEmpty(raw.InstanceName) ?? nativeId,
      aliyunTags(raw.Tags),
      raw.CreateTime,
    ),
    state: lookup(REDIS_STATE, raw.InstanceStatus, 'unknown'),
    mode: modeOf(raw),
    ...defined({
      engine_version: nonEmpty(raw.EngineVersion),
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VpcId)),
      zone_id: zoneRef(ctx, raw.ZoneId),
    }),
    subnet_ids: refIds(ctx, 'subnet', [nonEmpty(raw.VSwitchId)]),
    ...defined({
      internal_host: internal ? host : undefined,
      public_host: internal ? undefined : host,
      port: raw.Port,
      node_type: nonEmpty(raw.InstanceClass),
    }),
  };
}

export const redisInstanceFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'redis_instance',
  scope: 'regional',
  operations: [DESCRIBE_KVSTORE_INSTANCES],
  async *fetch(ctx) {
    const items = listByPageNumber<wire.DescribeKVStoreInstances, wire.KVStoreInstance>(
      ctx,
      ctx.session.clients,
      DESCRIBE_KVSTORE_INSTANCES,
      ctx.region,
      { RegionId: ctx.region },
      {
        pageSize: KVSTORE_PAGE_SIZE,
        items: (p) => p.Instances?.KVStoreInstance,
        idOf: (i) => i.InstanceId,
      },
    );
    for await (const raw of items) {
      if (raw.InstanceId) yield { kind: 'redis_instance', record: mapRedisInstance(raw, ctx.map) };
    }
  },
};

/** `mapRedisInstanceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRedisInstance = guardMapper(
  'aliyun redis instance',
  mapRedisInstanceUnguarded,
  RedisInstanceSchema,
);
