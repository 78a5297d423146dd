import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRdsInstance } from './rds-instance.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/rds-instance', () => {
  it('maps an instance with the private address of its detail', () => {
    const db = KIND_SCHEMAS.rds_instance.parse(
      mapRdsInstance(
        {
          InstanceId: 'mysql-1',
          InstanceName: 'orders',
          InstanceStatus: 'Running',
          DBEngineVersion: 'MySQL_8_0',
          NodeSpec: 'rds.mysql.1c2g',
          VpcId: 'vpc-1',
          SubnetId: 'subnet-1',
          ZoneId: 'cn-beijing-a',
          CreateTime: '2026-01-02 03:04:05',
        },
        {
          Endpoints: [
            {
              Addresses: [
                { NetworkType: 'Public', IPAddress: '198.51.100.3', Port: '3306' },
                {
                  NetworkType: 'Private',
                  IPAddress: '10.0.0.7',
                  Domain: 'mysql-1.rds.ivolces.com',
                  Port: '3306',
                },
              ],
            },
          ],
        },
        'mysql',
        ctx,
      ),
    );
    expect(db).toMatchObject({
      engine: 'mysql',
      engine_name: 'MySQL',
      engine_version: 'MySQL_8_0',
      state: 'running',
      role: 'primary',
      endpoint: 'mysql-1.rds.ivolces.com',
      port: 3306,
      instance_class: 'rds.mysql.1c2g',
      created_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('marks a read-only instance by the primary it follows', () => {
    const db = mapRdsInstance(
      { InstanceId: 'mssql-2', PrimaryInstanceId: 'mssql-1', InstanceStatus: 'Restoring' },
      {},
      'sqlserver',
      ctx,
    );
    expect(db).toMatchObject({ role: 'readonly', state: 'running', cluster_native_id: 'mssql-1' });
    expect(db).not.toHaveProperty('endpoint');
  });
});
