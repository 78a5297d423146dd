import { readFileSync } from 'node:fs';
import type {
  CacheClusterMessage,
  CacheSubnetGroup,
  CacheSubnetGroupMessage,
  DescribeServerlessCachesResponse,
  ReplicationGroupMessage,
} from '@aws-sdk/client-elasticache';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import {
  isRedisEngine,
  isStandaloneRedis,
  mapCacheCluster,
  mapReplicationGroup,
  mapServerlessCache,
} from './redis-instance.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

const subnetGroups = new Map<string, CacheSubnetGroup>(
  (
    (fixture('DescribeCacheSubnetGroups', 'basic') as CacheSubnetGroupMessage).CacheSubnetGroups ??
    []
  ).map((g) => [g.CacheSubnetGroupName ?? '', g]),
);

function mapAll(name: string) {
  const clusters =
    (fixture('DescribeCacheClusters', name) as CacheClusterMessage).CacheClusters ?? [];
  const groups =
    (fixture('DescribeReplicationGroups', name) as ReplicationGroupMessage).ReplicationGroups ?? [];
  const serverless =
    (fixture('DescribeServerlessCaches', name) as DescribeServerlessCachesResponse)
      .ServerlessCaches ?? [];
  return [
    ...clusters.filter(isStandaloneRedis).map((c) => mapCacheCluster(c, subnetGroups, ctx)),
    ...groups.map((g) => mapReplicationGroup(g, clusters, subnetGroups, ctx)),
    ...serverless.filter((s) => isRedisEngine(s.Engine)).map((s) => mapServerlessCache(s, ctx)),
  ].map((r) => KIND_SCHEMAS.redis_instance.parse(r));
}

describe('aws/redis_instance', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapAll('basic'), minimal: mapAll('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.redis_instance.json',
    );
  });

  it('lists standalone, replicated, sharded and serverless caches, but not memcached', () => {
    expect(mapAll('basic').map((r) => [r.native_id, r.mode, r.state])).toEqual([
      ['single-redis', 'standalone', 'pending'],
      ['orders-cache', 'replication', 'running'],
      ['sessions', 'cluster', 'running'],
      ['feature-flags', 'serverless', 'running'],
    ]);
  });

  it('takes the network from the members’ subnet group and the zone from the primary', () => {
    const orders = mapAll('basic')[1];
    expect(orders).toMatchObject({
      engine_version: '7.1.0',
      vpc_id: 'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60001',
      zone_id: 'aws/prod/us-east-1/zone/us-east-1b',
      internal_host: 'master.orders-cache.abc123.use1.cache.amazonaws.com',
      port: 6379,
      node_type: 'cache.r7g.large',
    });
    const sessions = mapAll('basic')[2];
    expect(sessions).not.toHaveProperty('zone_id');
    expect(sessions?.internal_host).toBe('clustercfg.sessions.abc123.use1.cache.amazonaws.com');
  });

  it('maps caches with every optional field missing', () => {
    for (const r of mapAll('minimal')) {
      expect(r).toMatchObject({ state: 'unknown', subnet_ids: [], tags: {} });
      expect(r).not.toHaveProperty('vpc_id');
    }
  });
});
