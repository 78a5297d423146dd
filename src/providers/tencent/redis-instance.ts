import { guardMapper } from '../mapper-guard.js';
import { RedisInstanceSchema } from '../../model/index.js';
import type { MapContext, RedisInstance, RunState } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import {
  baseFields,
  defined,
  deviceInterface,
  nonEmpty,
  refIds,
  tencentOperation,
  tencentTags,
  zoneRefOfNumber,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_REDIS_INSTANCES = tencentOperation('redis', 'DescribeInstances', false);

/** The largest `Limit` redis DescribeInstances accepts. */
const REDIS_PAGE_SIZE = 1000;

const REDIS_STATE: Readonly<Record<string, RunState>> = {
  0: 'pending',
  1: 'pending',
  2: 'running',
  '-2': 'stopped',
  '-3': 'stopped',
};

export function modeOf(raw: wire.RedisInstance): RedisInstance['mode'] {
  if (raw.ProductType === 'cluster') return 'cluster';
  return (raw.RedisReplicasNum ?? 0) > 0 ? 'replication' : 'standalone';
}

/** `WanIp` is the instance's VPC address, whatever its name says (DeepFlow reads it the same way). */
function mapRedisInstanceUnguarded(raw: wire.RedisInstance, ctx: MapContext): RedisInstance {
  const nativeId = raw.InstanceId ?? '';
  return {
    ...baseFields(
      ctx,
      'redis_instance',
      nativeId,
      nonEmpty(raw.InstanceName) ?? nativeId,
      tencentTags(raw.InstanceTags),
      raw.Createtime,
    ),
    state: lookup(REDIS_STATE, String(raw.Status), 'unknown'),
    mode: modeOf(raw),
    subnet_ids: refIds(ctx, 'subnet', [nonEmpty(raw.UniqSubnetId)]),
    ...defined({
      engine_version: nonEmpty(raw.CurrentRedisVersion),
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.UniqVpcId)),
      zone_id: zoneRefOfNumber(ctx, raw.ZoneId),
      internal_host: nonEmpty(raw.WanIp),
      port: raw.Port,
      node_type: raw.Size === undefined ? undefined : `${raw.Size}MB`,
    }),
  };
}

export const redisInstanceFetcher: ResourceFetcher<TencentSession> = {
  kind: 'redis_instance',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [DESCRIBE_REDIS_INSTANCES],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeRedisInstances, wire.RedisInstance>(
      ctx,
      ctx.session.clients,
      DESCRIBE_REDIS_INSTANCES,
      ctx.region,
      {},
      { pageSize: REDIS_PAGE_SIZE, items: (p) => p.InstanceSet, idOf: (i) => i.InstanceId },
    );
    for await (const raw of items) {
      if (!raw.InstanceId) continue;
      const record = mapRedisInstance(raw, ctx.map);
      yield { kind: 'redis_instance', record };
      yield {
        kind: 'network_interface',
        record: deviceInterface(ctx.map, 'redis_instance', record.native_id, {
          vpcId: raw.UniqVpcId,
          subnetId: raw.UniqSubnetId,
          privateIps: [raw.WanIp],
        }),
      };
    }
  },
};

/** `mapRedisInstanceUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapRedisInstance = guardMapper(
  'tencent Redis instance',
  mapRedisInstanceUnguarded,
  RedisInstanceSchema,
);
