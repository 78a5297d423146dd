import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRedisInstance } from './redis-instance.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeKVStoreInstances) {
  return (page.Instances?.KVStoreInstance ?? []).map((raw) =>
    KIND_SCHEMAS.redis_instance.parse(mapRedisInstance(raw, ctx)),
  );
}

describe('aliyun/redis_instance', () => {
  it('maps KVStore instances to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeInstances.r-kvstore', 'basic'));
    const minimal = mapPage(fixture('DescribeInstances.r-kvstore', 'minimal'));
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.redis-instance.json',
    );
  });

  it('puts ConnectionDomain internal when the instance has a private IP, else public', () => {
    const [vpc, classic] = mapPage(fixture('DescribeInstances.r-kvstore', 'basic'));
    expect(vpc).toMatchObject({ state: 'running', mode: 'replication' });
    expect(vpc?.internal_host).toBe('r-bp1zxszhcgatnx0001.redis.rds.aliyuncs.com');
    expect(classic).toMatchObject({ state: 'pending', mode: 'cluster' });
    expect(classic?.public_host).toBe('r-bp1zxszhcgatnx0002.redis.rds.aliyuncs.com');
  });
});
