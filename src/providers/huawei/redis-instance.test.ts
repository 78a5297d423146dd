import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isRedis, mapRedisInstance, mapRedisInterface } from './redis-instance.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

const raw = {
  instance_id: 'd-1',
  name: 'cache',
  engine: 'Redis',
  engine_version: '6.0',
  status: 'RUNNING',
  ip: '10.0.3.4',
  port: 6379,
  domain_name: 'redis-d-1.dcs.huaweicloud.com',
  vpc_id: 'v-1',
  subnet_id: 's-3',
  az_codes: ['cn-north-4a'],
  cache_mode: 'ha',
  spec_code: 'redis.ha.xu1.large.r2.2',
  created_at: '2026-01-02 03:04:05.000000',
};

describe('huawei/redis-instance', () => {
  it('maps a DCS Redis instance with its mode, host and zone', () => {
    const r = KIND_SCHEMAS.redis_instance.parse(mapRedisInstance(raw, ctx));
    expect(r).toMatchObject({
      state: 'running',
      mode: 'replication',
      internal_host: 'redis-d-1.dcs.huaweicloud.com',
      zone_id: ref('zone', 'cn-north-4a'),
      node_type: 'redis.ha.xu1.large.r2.2',
      created_at: '2026-01-02T03:04:05.000Z',
    });
    expect(KIND_SCHEMAS.network_interface.parse(mapRedisInterface(raw, ctx)).private_ips).toEqual([
      '10.0.3.4',
    ]);
    expect(isRedis({ ...raw, engine: 'Memcached' })).toBe(false);
  });
});
