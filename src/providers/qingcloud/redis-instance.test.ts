import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { routersByVxnet } from './common.js';
import { cacheInterface, isRedis, mapCache, redisVersion } from './redis-instance.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'sh1' };
const routers = routersByVxnet([{ vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' }]);

describe('qingcloud/redis-instance', () => {
  it('maps a replicated Redis cache: master as host, every node on its interface', () => {
    const raw = {
      cache_id: 'c-1',
      cache_name: 'sessions',
      cache_type: 'redis4.0.14',
      status: 'active',
      cache_port: 6379,
      node_count: 2,
      vxnet: { vxnet_id: 'vxnet-a' },
      nodes: [
        { cache_node_id: 'cn-2', private_ip: '192.168.0.21', cache_role: 'slave' },
        { cache_node_id: 'cn-1', private_ip: '192.168.0.20', cache_role: 'master' },
      ],
    };
    expect(isRedis(raw)).toBe(true);
    expect(KIND_SCHEMAS.redis_instance.parse(mapCache(raw, routers, ctx))).toMatchObject({
      name: 'sessions',
      mode: 'replication',
      engine_version: '4.0.14',
      state: 'running',
      vpc_id: 'qingcloud/prod/sh1/vpc/rtr-1',
      internal_host: '192.168.0.20',
      port: 6379,
    });
    expect(cacheInterface(raw, routers, ctx)?.private_ips).toEqual([
      '192.168.0.21',
      '192.168.0.20',
    ]);
  });

  it('tells cluster and standalone caches apart and leaves Memcached out', () => {
    expect(mapCache({ cache_id: 'c-2', cache_type: 'redis-cluster5.0.5' }, routers, ctx).mode).toBe(
      'cluster',
    );
    expect(
      mapCache({ cache_id: 'c-3', cache_type: 'redis3.0.5', node_count: 1 }, routers, ctx).mode,
    ).toBe('standalone');
    expect(redisVersion('redis-cluster5.0.5')).toBe('5.0.5');
    expect(isRedis({ cache_id: 'c-4', cache_type: 'memcached1.4.13' })).toBe(false);
  });
});
