import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRdsInstance } from './rds-instance.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/rds-instance', () => {
  it('maps a read replica with its engine, endpoint and source instance', () => {
    const db = KIND_SCHEMAS.rds_instance.parse(
      mapRdsInstance(
        {
          instanceId: 'rds-2',
          instanceName: 'orders-ro',
          engine: 'MySQL',
          engineVersion: '8.0',
          instanceStatus: 'Available',
          instanceType: 'ReadReplica',
          sourceInstanceId: 'rds-1',
          endpoint: { address: 'rds-2.rds.bj.baidubce.com', port: 3306, vnetIp: '192.168.2.3' },
          vpcId: 'vpc-1',
          subnets: [{ subnetId: 'sbn-2', zoneName: 'cn-bj-b' }],
          zoneNames: ['cn-bj-b'],
        },
        ctx,
      ),
    );
    expect(db).toMatchObject({
      engine: 'mysql',
      engine_name: 'MySQL',
      state: 'running',
      role: 'readonly',
      endpoint: 'rds-2.rds.bj.baidubce.com',
      port: 3306,
      cluster_native_id: 'rds-1',
      zone_id: 'baidu/prod/bj/zone/cn-bj-b',
      subnet_ids: ['baidu/prod/bj/subnet/sbn-2'],
    });
  });

  it('maps an unknown engine and status to other/unknown', () => {
    expect(
      mapRdsInstance({ instanceId: 'rds-3', engine: 'TiDB', instanceStatus: '?' }, ctx),
    ).toMatchObject({
      engine: 'other',
      state: 'unknown',
      role: 'other',
      subnet_ids: [],
    });
  });
});
