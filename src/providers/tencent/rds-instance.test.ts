import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapCdbInstance, mapPgInstance, mapSqlServerInstance, rdsRecords } from './rds-instance.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/rds-instance', () => {
  it('maps a TencentDB for MySQL instance', () => {
    const rds = KIND_SCHEMAS.rds_instance.parse(
      mapCdbInstance(
        {
          InstanceId: 'cdb-1',
          InstanceName: 'orders',
          Status: 1,
          InstanceType: 3,
          Vip: '10.0.1.250',
          Vport: 3306,
          UniqVpcId: 'vpc-1',
          UniqSubnetId: 'subnet-1',
          Zone: 'ap-guangzhou-3',
          EngineVersion: '8.0',
          DeviceType: 'UNIVERSAL',
          TagList: [{ TagKey: 'app', TagValue: 'orders' }],
        },
        ctx,
      ),
    );
    expect(rds).toMatchObject({
      engine: 'mysql',
      state: 'running',
      role: 'readonly',
      endpoint: '10.0.1.250',
      port: 3306,
      subnet_ids: ['tencent/prod/ap-guangzhou/subnet/subnet-1'],
      tags: { app: 'orders' },
    });
  });

  it('reads the opened private address of a PostgreSQL instance', () => {
    const rds = KIND_SCHEMAS.rds_instance.parse(
      mapPgInstance(
        {
          DBInstanceId: 'postgres-1',
          DBInstanceStatus: 'running',
          DBInstanceType: 'primary',
          DBInstanceNetInfo: [
            { Ip: '10.0.1.7', Port: 5432, NetType: 'private', Status: 'closed' },
            { Ip: '10.0.1.8', Port: 5432, NetType: 'private', Status: 'opened' },
          ],
        },
        ctx,
      ),
    );
    expect(rds).toMatchObject({
      engine: 'postgresql',
      state: 'running',
      role: 'primary',
      endpoint: '10.0.1.8',
      port: 5432,
    });
  });

  it('maps SQL Server states and read-only instances', () => {
    const rds = KIND_SCHEMAS.rds_instance.parse(
      mapSqlServerInstance({ InstanceId: 'mssql-1', Status: 2, Type: 'RO' }, ctx),
    );
    expect(rds).toMatchObject({
      engine: 'sqlserver',
      state: 'running',
      role: 'readonly',
      name: 'mssql-1',
    });
    expect(mapSqlServerInstance({ InstanceId: 'mssql-2' }, ctx).state).toBe('unknown');
  });

  it('contributes an interface with the VIP and the public addresses', () => {
    const rds = mapCdbInstance({ InstanceId: 'cdb-2' }, ctx);
    const records = rdsRecords(
      rds,
      { vpcId: 'vpc-1', subnetId: 'subnet-1', vip: '10.0.1.3' },
      ['198.51.100.30'],
      ctx,
    );
    expect(records.map((r) => r.kind)).toEqual(['rds_instance', 'network_interface', 'public_ip']);
    expect(records[2]?.record).toMatchObject({
      ip: '198.51.100.30',
      private_ip: '10.0.1.3',
      device_kind: 'rds_instance',
    });
  });
});
