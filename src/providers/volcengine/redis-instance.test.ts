import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRedisInstance } from './redis-instance.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/redis-instance', () => {
  it('maps mode, addresses and zone', () => {
    const r = KIND_SCHEMAS.redis_instance.parse(
      mapRedisInstance(
        {
          InstanceId: 'redis-1',
          InstanceName: 'sessions',
          Status: 'Running',
          EngineVersion: '7.0',
          VpcId: 'vpc-1',
          SubnetId: 'subnet-1',
          ZoneIds: ['cn-beijing-a', 'cn-beijing-b'],
          ShardedCluster: 1,
          ShardCapacity: 1024,
        },
        {
          VisitAddrs: [
            {
              AddrType: 'Private',
              Address: 'redis-1.redis.ivolces.com',
              VIP: '10.0.0.8',
              Port: '6379',
            },
            { AddrType: 'Public', Address: 'redis-1.redis.volces.com', Port: '6379' },
          ],
        },
        ctx,
      ),
    );
    expect(r).toMatchObject({
      state: 'running',
      mode: 'cluster',
      internal_host: 'redis-1.redis.ivolces.com',
      public_host: 'redis-1.redis.volces.com',
      port: 6379,
      zone_id: 'volcengine/prod/cn-beijing/zone/cn-beijing-a',
      node_type: '1024MiB',
    });
  });

  it.each([
    [{ NodeNumber: 2 }, 'replication'],
    [{ NodeNumber: 1 }, 'standalone'],
    [{}, 'standalone'],
  ])('maps %j to %s', (extra, mode) => {
    expect(
      mapRedisInstance({ InstanceId: 'redis-2', ShardedCluster: 0, ...extra }, {}, ctx).mode,
    ).toBe(mode);
  });
});
