import { guardMapper } from '../mapper-guard.js';
import { RedisInstanceSchema } from '../../model/index.js';
import type { MapContext, RedisInstance, RunState } from '../../model/index.js';
import { lookup, refId, toInt } from '../../model/index.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { volcRequest } from './client.js';
import { listByPageNumber } from './paging.js';
import {
  baseFields,
  defined,
  nonEmpty,
  refIds,
  volcOperation,
  volcTags,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_DB_INSTANCES = volcOperation('redis', 'DescribeDBInstances', false);
const DESCRIBE_DB_INSTANCE_DETAIL = volcOperation('redis', 'DescribeDBInstanceDetail', false);

const REDIS_PAGE_SIZE = 100;

const REDIS_STATE: Readonly<Record<string, RunState>> = {
  Running: 'running',
  Creating: 'pending',
  Restarting: 'pending',
  Scaling: 'pending',
  Released: 'stopped',
  Error: 'error',
};

/** A Redis instance: sharded cluster, primary/replica (more than one node) or a single node. */
function mapRedisInstanceUnguarded(
  raw: wire.RedisInstance,
  detail: wire.DescribeRedisInstanceDetail,
  ctx: MapContext,
): RedisInstance {
  const nativeId = raw.InstanceId ?? '';
  const addrs = detail.VisitAddrs ?? [];
  const internal = addrs.find((a) => a.AddrType === 'Private');
  const external = addrs.find((a) => a.AddrType === 'Public');
  return {
    ...baseFields(
      ctx,
      'redis_instance',
      nativeId,
      nonEmpty(raw.InstanceName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreateTime,
    ),
    state: lookup(REDIS_STATE, raw.Status, 'unknown'),
    mode:
      raw.ShardedCluster === 1
        ? 'cluster'
        : (raw.NodeNumber ?? 1) > 1
          ? 'replication'
          : 'standalone',
    subnet_ids: refIds(ctx, 'subnet', [raw.SubnetId]),
    ...defined({
      engine_version: nonEmpty(raw.EngineVersion),
      vpc_id: refId(ctx, 'vpc', raw.VpcId),
      zone_id: zoneRef(ctx, raw.ZoneIds?.[0]),
      internal_host: nonEmpty(internal?.Address) ?? nonEmpty(internal?.VIP),
      public_host: nonEmpty(external?.Address) ?? nonEmpty(external?.VIP),
      port: toInt(internal?.Port ?? external?.Port),
      node_type: raw.ShardCapacity === undefined ? undefined : `${raw.ShardCapacity}MiB`,
    }),
  };
}

export const redisInstanceFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'redis_instance',
  scope: 'regional',
  operations: [DESCRIBE_DB_INSTANCES, DESCRIBE_DB_INSTANCE_DETAIL],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    const instances = (
      await collect(
        listByPageNumber<wire.DescribeRedisInstances, wire.RedisInstance>(
          ctx,
          clients,
          DESCRIBE_DB_INSTANCES,
          ctx.region,
          // The service asks the region again in the body, as DeepFlow sends it.
          { RegionId: ctx.region },
          {
            pageSize: REDIS_PAGE_SIZE,
            items: (p) => p.Instances,
            total: (p) => p.TotalInstancesNum,
            idOf: (i) => i.InstanceId,
          },
        ),
      )
    ).filter((i) => i.InstanceId);
    const records = mapInOrder(instances, async (raw) => {
      const d = await volcRequest<wire.DescribeRedisInstanceDetail>(
        ctx,
        clients,
        DESCRIBE_DB_INSTANCE_DETAIL,
        ctx.region,
        { InstanceId: raw.InstanceId ?? '' },
      );
      return mapRedisInstance(raw, d, ctx.map);
    });
    for await (const record of records) yield { kind: 'redis_instance', record };
  },
};

/** `mapRedisInstanceUnguarded` behind the hostile-shape guard. */
export const mapRedisInstance = guardMapper(
  'volcengine redis instance',
  mapRedisInstanceUnguarded,
  RedisInstanceSchema,
);
