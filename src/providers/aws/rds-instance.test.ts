import { readFileSync } from 'node:fs';
import type { DBInstanceMessage } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { engineOf, mapRdsInstance } from './rds-instance.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture('DescribeDBInstances', name) as DBInstanceMessage;
  return (page.DBInstances ?? []).map((raw) =>
    KIND_SCHEMAS.rds_instance.parse(mapRdsInstance(raw, ctx)),
  );
}

describe('aws/rds_instance', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.rds_instance.json',
    );
  });

  it.each([
    ['mysql', 'mysql'],
    ['aurora-mysql', 'mysql'],
    ['postgres', 'postgresql'],
    ['aurora-postgresql', 'postgresql'],
    ['mariadb', 'mariadb'],
    ['oracle-ee', 'oracle'],
    ['oracle-se2-cdb', 'oracle'],
    ['custom-oracle-ee', 'oracle'],
    ['sqlserver-ex', 'sqlserver'],
    ['sqlserver-web', 'sqlserver'],
    ['docdb', 'other'],
    [undefined, 'other'],
  ])('maps engine %s to %s', (engine, expected) => {
    expect(engineOf(engine)).toBe(expected);
  });

  it('derives role, network and cluster from the instance', () => {
    const [primary, replica, aurora, mssql] = mapPage('basic');
    expect(primary).toMatchObject({
      role: 'primary',
      state: 'running',
      engine_name: 'postgres',
      endpoint: 'orders-db.c0a1b2c3d4e5.us-east-1.rds.amazonaws.com',
      port: 5432,
      vpc_id: 'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60001',
      subnet_ids: [
        'aws/prod/us-east-1/subnet/subnet-0a1b2c3d4e5f60011',
        'aws/prod/us-east-1/subnet/subnet-0a1b2c3d4e5f60012',
      ],
      created_at: '2025-05-06T07:08:09.123Z',
    });
    expect(replica?.role).toBe('readonly');
    expect(aurora).toMatchObject({ role: 'other', cluster_native_id: 'catalog-aurora' });
    expect(mssql).toMatchObject({ state: 'stopped', port: 1433, engine: 'sqlserver' });
  });

  it('maps an instance with every optional field missing', () => {
    const [db] = mapPage('minimal');
    expect(db).toMatchObject({
      engine: 'other',
      state: 'unknown',
      role: 'primary',
      subnet_ids: [],
    });
    expect(db).not.toHaveProperty('engine_name');
  });
});
