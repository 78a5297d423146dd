import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRedisInstance } from './redis-instance.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/redis-instance', () => {
  it('maps an SCS cluster with the network its detail gives', () => {
    const redis = KIND_SCHEMAS.redis_instance.parse(
      mapRedisInstance(
        {
          instanceId: 'scs-bj-abc',
          instanceName: 'cart',
          instanceStatus: 'Running',
          clusterType: 'cluster',
          engineVersion: '7.0',
          nodeType: 'cache.n1.medium',
          domain: 'redis.scs-bj-abc.scs.bj.baidubce.com',
          port: 6379,
          vpcId: 'vpc-1',
          subnets: [{ subnetId: 'sbn-1', zoneName: 'cn-bj-a' }],
        },
        ctx,
      ),
    );
    expect(redis).toMatchObject({
      state: 'running',
      mode: 'cluster',
      internal_host: 'redis.scs-bj-abc.scs.bj.baidubce.com',
      port: 6379,
      vpc_id: 'baidu/prod/bj/vpc/vpc-1',
      zone_id: 'baidu/prod/bj/zone/cn-bj-a',
      subnet_ids: ['baidu/prod/bj/subnet/sbn-1'],
    });
  });

  it('maps master_slave as replication and a bare entry as standalone', () => {
    expect(mapRedisInstance({ instanceId: 'scs-1', clusterType: 'master_slave' }, ctx).mode).toBe(
      'replication',
    );
    expect(mapRedisInstance({ instanceId: 'scs-2' }, ctx)).toMatchObject({
      mode: 'standalone',
      state: 'unknown',
    });
  });
});
