import { guardMapper } from '../mapper-guard.js';
import { RedisInstanceSchema } from '../../model/index.js';
import type { MapContext, RedisInstance, RunState } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { baiduRequest } from './client.js';
import { listByMarker } from './paging.js';
import {
  baiduOperation,
  baiduTags,
  baseFields,
  defined,
  deviceInterface,
  nonEmpty,
  refIds,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const LIST_INSTANCES = baiduOperation('scs', 'ListInstances', false);
const GET_INSTANCE_DETAIL = baiduOperation('scs', 'GetInstanceDetail', false);

const REDIS_STATE: Readonly<Record<string, RunState>> = {
  Running: 'running',
  Creating: 'pending',
  Restarting: 'pending',
  Calculating: 'pending',
  Scaling: 'pending',
  Switching: 'pending',
  Pausing: 'pending',
  Paused: 'stopped',
  Isolated: 'stopped',
  Failed: 'error',
};

/** `clusterType`: `master_slave` (standard, one shard with replicas) or `cluster`. */
const MODE: Readonly<Record<string, RedisInstance['mode']>> = {
  master_slave: 'replication',
  cluster: 'cluster',
};

/** The list entry merged with the instance's detail (which alone has the VPC and subnets). */
function mapRedisInstanceUnguarded(raw: wire.ScsInstance, ctx: MapContext): RedisInstance {
  const nativeId = raw.instanceId ?? '';
  return {
    ...baseFields(
      ctx,
      'redis_instance',
      nativeId,
      nonEmpty(raw.instanceName) ?? nativeId,
      baiduTags(raw.tags),
      raw.instanceCreateTime,
    ),
    state: lookup(REDIS_STATE, raw.instanceStatus, 'unknown'),
    mode: lookup(MODE, raw.clusterType, 'standalone'),
    ...defined({
      engine_version: nonEmpty(raw.engineVersion),
      vpc_id: refId(ctx, 'vpc', raw.vpcId),
      zone_id: zoneRef(ctx, raw.zoneNames?.[0] ?? raw.subnets?.[0]?.zoneName),
      internal_host: nonEmpty(raw.domain),
      public_host: nonEmpty(raw.eip),
      port: raw.port,
      node_type: nonEmpty(raw.nodeType),
    }),
    subnet_ids: refIds(
      ctx,
      'subnet',
      (raw.subnets ?? []).map((s) => s.subnetId),
    ),
  };
}

export const redisInstanceFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'redis_instance',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [LIST_INSTANCES, GET_INSTANCE_DETAIL],
  async *fetch(ctx) {
    const listed = await collect(
      listByMarker<wire.ListScs, wire.ScsInstance>(
        ctx,
        LIST_INSTANCES,
        ctx.region,
        '/v2/instance',
        {},
        (p) => p.instances,
      ),
    );
    const ids = listed.flatMap((l) => (l.instanceId ? [l] : []));
    // The detail (VPC, subnets) of each instance, asked concurrently and merged over the list entry.
    const merged = mapInOrder(ids, async (entry): Promise<wire.ScsInstance> => {
      const id = entry.instanceId ?? '';
      const detail = await baiduRequest<wire.ScsInstance>(ctx, GET_INSTANCE_DETAIL, ctx.region, {
        path: `/v2/instance/${encodeURIComponent(id)}`,
      });
      return { ...entry, ...detail, instanceId: id };
    });
    for await (const raw of merged) {
      const id = raw.instanceId ?? '';
      yield { kind: 'redis_instance', record: mapRedisInstance(raw, ctx.map) };
      yield {
        kind: 'network_interface',
        record: deviceInterface(ctx.map, 'redis_instance', id, {
          vpcId: raw.vpcId,
          subnetId: raw.subnets?.[0]?.subnetId,
          privateIps: [raw.vnetIp],
        }),
      };
    }
  },
};

/** `mapRedisInstanceUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRedisInstance = guardMapper(
  'baidu redis instance',
  mapRedisInstanceUnguarded,
  RedisInstanceSchema,
);
