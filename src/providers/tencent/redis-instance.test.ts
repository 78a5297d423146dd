import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRedisInstance } from './redis-instance.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/redis-instance', () => {
  it('maps an instance: WanIp is its VPC address, the zone comes from the numeric ZoneId', () => {
    const r = KIND_SCHEMAS.redis_instance.parse(
      mapRedisInstance(
        {
          InstanceId: 'crs-1',
          InstanceName: 'sessions',
          Status: 2,
          WanIp: '10.0.1.240',
          Port: 6379,
          UniqVpcId: 'vpc-1',
          UniqSubnetId: 'subnet-1',
          ZoneId: 100004,
          CurrentRedisVersion: '7.0',
          ProductType: 'standalone',
          RedisReplicasNum: 1,
          Size: 1024,
          Createtime: '2026-01-02 11:04:05',
        },
        ctx,
      ),
    );
    expect(r).toMatchObject({
      state: 'running',
      mode: 'replication',
      internal_host: '10.0.1.240',
      zone_id: 'tencent/prod/ap-guangzhou/zone/ap-guangzhou-4',
      engine_version: '7.0',
      created_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('maps cluster and single-node instances, and an instance with every optional field missing', () => {
    expect(mapRedisInstance({ InstanceId: 'crs-2', ProductType: 'cluster' }, ctx).mode).toBe(
      'cluster',
    );
    const r = KIND_SCHEMAS.redis_instance.parse(mapRedisInstance({ InstanceId: 'crs-3' }, ctx));
    expect(r).toMatchObject({
      name: 'crs-3',
      mode: 'standalone',
      state: 'unknown',
      subnet_ids: [],
    });
  });
});
