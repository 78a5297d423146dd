import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapFlexibleServer, mapSqlServer } from './rds-instance.js';
import { mapRedis, mapRedisInterface } from './redis-instance.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'azure', account: 'prod', region: 'eastus' };
const G = '/subscriptions/5f1c0a5e-0000-4000-8000-0000000005b1/resourceGroups/rg-1/providers';
const SUBNET = `${G}/Microsoft.Network/virtualNetworks/hub/subnets/db`;
const id = (kind: string, arm: string) => `azure/prod/eastus/${kind}/${arm.toLowerCase()}`;

describe('azure/rds_instance', () => {
  it('maps a VNet-integrated MySQL flexible replica', () => {
    const db = KIND_SCHEMAS.rds_instance.parse(
      mapFlexibleServer(
        {
          id: `${G}/Microsoft.DBforMySQL/flexibleServers/orders-r1`,
          name: 'orders-r1',
          version: '8.0.21',
          state: 'Ready',
          availabilityZone: '2',
          replicationRole: 'Replica',
          sourceServerResourceId: `${G}/Microsoft.DBforMySQL/flexibleServers/orders`,
          fullyQualifiedDomainName: 'orders-r1.mysql.database.azure.com',
          sku: { name: 'Standard_D2ds_v4' },
          network: { delegatedSubnetResourceId: SUBNET },
          systemData: { createdAt: new Date('2026-02-03T04:05:06Z') },
        },
        'mysql',
        ctx,
      ),
    );
    expect(db).toMatchObject({
      engine: 'mysql',
      engine_version: '8.0.21',
      state: 'running',
      role: 'readonly',
      vpc_id: id('vpc', `${G}/Microsoft.Network/virtualNetworks/hub`),
      subnet_ids: [id('subnet', SUBNET)],
      zone_id: 'azure/prod/eastus/zone/2',
      port: 3306,
      instance_class: 'Standard_D2ds_v4',
      cluster_native_id: `${G}/Microsoft.DBforMySQL/flexibleServers/orders`.toLowerCase(),
      created_at: '2026-02-03T04:05:06.000Z',
    });
  });

  it('maps a stopped public PostgreSQL server and an Azure SQL server without a VPC', () => {
    const pg = mapFlexibleServer(
      { id: `${G}/Microsoft.DBforPostgreSQL/flexibleServers/p`, state: 'Stopped' },
      'postgresql',
      ctx,
    );
    expect(KIND_SCHEMAS.rds_instance.parse(pg)).toMatchObject({
      engine: 'postgresql',
      state: 'stopped',
      role: 'primary',
      port: 5432,
      subnet_ids: [],
    });
    const sql = mapSqlServer(
      { id: `${G}/Microsoft.Sql/servers/s`, location: 'eastus', version: '12.0', state: 'Ready' },
      ctx,
    );
    expect(KIND_SCHEMAS.rds_instance.parse(sql)).toMatchObject({
      engine: 'sqlserver',
      engine_version: '12.0',
      state: 'running',
      port: 1433,
    });
    expect(sql.vpc_id).toBeUndefined();
  });
});

describe('azure/redis_instance', () => {
  const raw: wire.RedisResource = {
    id: `${G}/Microsoft.Cache/Redis/cache`,
    name: 'cache',
    location: 'East US',
    provisioningState: 'Succeeded',
    redisVersion: '6',
    sku: { name: 'Premium', family: 'P', capacity: 1 },
    shardCount: 2,
    hostName: 'cache.redis.cache.windows.net',
    port: 6379,
    sslPort: 6380,
    subnetId: SUBNET,
    staticIP: '10.0.3.10',
    zones: ['1'],
  };

  it('maps a clustered VNet-injected cache and its interface', () => {
    const redis = KIND_SCHEMAS.redis_instance.parse(mapRedis(raw, ctx));
    expect(redis).toMatchObject({
      state: 'running',
      mode: 'cluster',
      engine_version: '6',
      internal_host: '10.0.3.10',
      public_host: 'cache.redis.cache.windows.net',
      port: 6380,
      node_type: 'Premium P1',
      zone_id: 'azure/prod/eastus/zone/1',
    });
    const nic = mapRedisInterface(raw, ctx);
    expect(nic === undefined ? undefined : KIND_SCHEMAS.network_interface.parse(nic)).toMatchObject(
      {
        device_kind: 'redis_instance',
        device_id: redis.id,
        private_ips: ['10.0.3.10'],
      },
    );
  });

  it('is standalone on Basic and has no interface without a subnet', () => {
    const basic: wire.RedisResource = {
      id: `${G}/Microsoft.Cache/Redis/b`,
      location: 'eastus',
      sku: { name: 'Basic', family: 'C', capacity: 0 },
    };
    expect(mapRedis(basic, ctx)).toMatchObject({
      mode: 'standalone',
      subnet_ids: [],
      state: 'unknown',
    });
    expect(mapRedisInterface(basic, ctx)).toBeUndefined();
  });
});
