import { guardMapper } from '../mapper-guard.js';
import { RedisInstanceSchema } from '../../model/index.js';
import type {
  CacheCluster,
  CacheSubnetGroup,
  ReplicationGroup,
  ServerlessCache,
} from '@aws-sdk/client-elasticache';
import type { MapContext, RedisInstance, RunState } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { listAll, paginate } from './client.js';
import { awsOperation, baseFields, defined, refIds, zoneRef } from './common.js';
import { elasticacheSdk } from './sdk.js';

const {
  DescribeCacheClustersCommand,
  DescribeCacheSubnetGroupsCommand,
  DescribeReplicationGroupsCommand,
  DescribeServerlessCachesCommand,
} = elasticacheSdk;

const DESCRIBE_CACHE_SUBNET_GROUPS = awsOperation(
  'elasticache',
  'DescribeCacheSubnetGroups',
  false,
);
const DESCRIBE_CACHE_CLUSTERS = awsOperation('elasticache', 'DescribeCacheClusters', false);
const DESCRIBE_REPLICATION_GROUPS = awsOperation('elasticache', 'DescribeReplicationGroups', false);
const DESCRIBE_SERVERLESS_CACHES = awsOperation('elasticache', 'DescribeServerlessCaches', false);

const REDIS_STATE: Readonly<Record<string, RunState>> = {
  available: 'running',
  modifying: 'running',
  snapshotting: 'running',
  creating: 'pending',
  deleting: 'pending',
  'rebooting cluster nodes': 'pending',
  'create-failed': 'error',
  'incompatible-network': 'error',
  'restore-failed': 'error',
};

/** Memcached is not Redis; Redis OSS and Valkey are. */
export function isRedisEngine(engine: string | undefined): boolean {
  return engine !== 'memcached';
}

/** A cache cluster that is a whole Redis cache by itself (not a node group member of a replication group). */
export function isStandaloneRedis(raw: CacheCluster): boolean {
  return !raw.ReplicationGroupId && isRedisEngine(raw.Engine);
}

function network(group: CacheSubnetGroup | undefined, ctx: MapContext) {
  return {
    ...defined({ vpc_id: refId(ctx, 'vpc', group?.VpcId) }),
    subnet_ids: refIds(
      ctx,
      'subnet',
      (group?.Subnets ?? []).map((s) => s.SubnetIdentifier),
    ),
  };
}

/** A replication group: `cluster` when sharded (cluster mode enabled), else `replication`. */
function mapReplicationGroupUnguarded(
  raw: ReplicationGroup,
  clusters: readonly CacheCluster[],
  subnetGroups: ReadonlyMap<string, CacheSubnetGroup>,
  ctx: MapContext,
): RedisInstance {
  const nativeId = raw.ReplicationGroupId ?? '';
  const members = clusters.filter((c) => c.ReplicationGroupId === nativeId);
  const first = members[0];
  const sharded = raw.ClusterEnabled === true;
  const shard = raw.NodeGroups?.[0];
  const primary = shard?.NodeGroupMembers?.find((m) => m.CurrentRole === 'primary');
  const endpoint = raw.ConfigurationEndpoint ?? shard?.PrimaryEndpoint;
  return {
    ...baseFields(ctx, 'redis_instance', nativeId, nativeId, {}, raw.ReplicationGroupCreateTime),
    state: lookup(REDIS_STATE, raw.Status, 'unknown'),
    mode: sharded ? 'cluster' : 'replication',
    ...defined({
      engine_version: first?.EngineVersion,
      // A sharded cache spans zones; a replicated one lives where its primary is.
      zone_id: sharded
        ? undefined
        : zoneRef(ctx, primary?.PreferredAvailabilityZone ?? first?.PreferredAvailabilityZone),
    }),
    ...network(subnetGroups.get(first?.CacheSubnetGroupName ?? ''), ctx),
    ...defined({
      internal_host: endpoint?.Address,
      port: endpoint?.Port,
      node_type: raw.CacheNodeType ?? first?.CacheNodeType,
    }),
  };
}

/** A single-node Redis cache cluster outside any replication group. */
function mapCacheClusterUnguarded(
  raw: CacheCluster,
  subnetGroups: ReadonlyMap<string, CacheSubnetGroup>,
  ctx: MapContext,
): RedisInstance {
  const nativeId = raw.CacheClusterId ?? '';
  const endpoint = raw.CacheNodes?.[0]?.Endpoint ?? raw.ConfigurationEndpoint;
  return {
    ...baseFields(ctx, 'redis_instance', nativeId, nativeId, {}, raw.CacheClusterCreateTime),
    state: lookup(REDIS_STATE, raw.CacheClusterStatus, 'unknown'),
    mode: 'standalone',
    ...defined({
      engine_version: raw.EngineVersion,
      zone_id: zoneRef(ctx, raw.PreferredAvailabilityZone),
    }),
    ...network(subnetGroups.get(raw.CacheSubnetGroupName ?? ''), ctx),
    ...defined({
      internal_host: endpoint?.Address,
      port: endpoint?.Port,
      node_type: raw.CacheNodeType,
    }),
  };
}

/** A serverless cache. Its VPC is not reported (only subnet ids), so `vpc_id` stays unset. */
function mapServerlessCacheUnguarded(raw: ServerlessCache, ctx: MapContext): RedisInstance {
  const nativeId = raw.ServerlessCacheName ?? '';
  return {
    ...baseFields(ctx, 'redis_instance', nativeId, nativeId, {}, raw.CreateTime),
    state: lookup(REDIS_STATE, raw.Status, 'unknown'),
    mode: 'serverless',
    ...defined({ engine_version: raw.FullEngineVersion ?? raw.MajorEngineVersion }),
    subnet_ids: refIds(ctx, 'subnet', raw.SubnetIds ?? []),
    ...defined({ internal_host: raw.Endpoint?.Address, port: raw.Endpoint?.Port }),
  };
}

export const redisInstanceFetcher: ResourceFetcher<AwsSession> = {
  kind: 'redis_instance',
  scope: 'regional',
  operations: [
    DESCRIBE_CACHE_SUBNET_GROUPS,
    DESCRIBE_CACHE_CLUSTERS,
    DESCRIBE_REPLICATION_GROUPS,
    DESCRIBE_SERVERLESS_CACHES,
  ],
  async *fetch(ctx) {
    const cache = ctx.session.clients.elasticache(ctx.region);
    const region = ctx.region;
    // The four lists are independent: all start at once.
    const [groupList, clusters, replicationGroups, serverless] = await Promise.all([
      listAll(
        paginate(
          ctx,
          DESCRIBE_CACHE_SUBNET_GROUPS,
          region,
          (Marker, signal) =>
            cache.send(new DescribeCacheSubnetGroupsCommand({ MaxRecords: 100, Marker }), {
              abortSignal: signal,
            }),
          (page) => page.Marker,
        ),
        (page) => page.CacheSubnetGroups,
      ),
      listAll(
        paginate(
          ctx,
          DESCRIBE_CACHE_CLUSTERS,
          region,
          (Marker, signal) =>
            cache.send(
              new DescribeCacheClustersCommand({
                MaxRecords: 100,
                Marker,
                ShowCacheNodeInfo: true,
              }),
              { abortSignal: signal },
            ),
          (page) => page.Marker,
        ),
        (page) => page.CacheClusters,
      ),
      listAll(
        paginate(
          ctx,
          DESCRIBE_REPLICATION_GROUPS,
          region,
          (Marker, signal) =>
            cache.send(new DescribeReplicationGroupsCommand({ MaxRecords: 100, Marker }), {
              abortSignal: signal,
            }),
          (page) => page.Marker,
        ),
        (page) => page.ReplicationGroups,
      ),
      listAll(
        paginate(
          ctx,
          DESCRIBE_SERVERLESS_CACHES,
          region,
          (NextToken, signal) =>
            cache.send(new DescribeServerlessCachesCommand({ MaxResults: 100, NextToken }), {
              abortSignal: signal,
            }),
          (page) => page.NextToken,
        ),
        (page) => page.ServerlessCaches,
      ),
    ]);
    const subnetGroups = new Map<string, CacheSubnetGroup>();
    for (const g of groupList) {
      if (g.CacheSubnetGroupName) subnetGroups.set(g.CacheSubnetGroupName, g);
    }
    for (const raw of clusters.filter(isStandaloneRedis)) {
      yield { kind: 'redis_instance', record: mapCacheCluster(raw, subnetGroups, ctx.map) };
    }
    for (const raw of replicationGroups) {
      if (!isRedisEngine(raw.Engine)) continue;
      yield {
        kind: 'redis_instance',
        record: mapReplicationGroup(raw, clusters, subnetGroups, ctx.map),
      };
    }
    for (const raw of serverless) {
      if (isRedisEngine(raw.Engine)) {
        yield { kind: 'redis_instance', record: mapServerlessCache(raw, ctx.map) };
      }
    }
  },
};

/** `mapReplicationGroupUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapReplicationGroup = guardMapper(
  'aws replication group',
  mapReplicationGroupUnguarded,
  RedisInstanceSchema,
);
/** `mapCacheClusterUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapCacheCluster = guardMapper(
  'aws cache cluster',
  mapCacheClusterUnguarded,
  RedisInstanceSchema,
);
/** `mapServerlessCacheUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapServerlessCache = guardMapper(
  'aws serverless cache',
  mapServerlessCacheUnguarded,
  RedisInstanceSchema,
);
