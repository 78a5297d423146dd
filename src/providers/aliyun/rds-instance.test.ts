import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapRdsInstance } from './rds-instance.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

describe('aliyun/rds_instance', () => {
  const net = fixture<wire.DescribeDBInstanceNetInfo>('DescribeDBInstanceNetInfo', 'basic');

  function mapPage(page: wire.DescribeDBInstances, withNet: boolean) {
    return (page.Items?.DBInstance ?? []).map((raw) =>
      KIND_SCHEMAS.rds_instance.parse(mapRdsInstance(raw, withNet ? net : undefined, ctx)),
    );
  }

  it('maps DB instances to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeDBInstances', 'basic'), true);
    const minimal = mapPage(fixture('DescribeDBInstances', 'minimal'), false);
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.rds-instance.json',
    );
  });

  it('prefers the VPC connection string and splits multi-zone vSwitches', () => {
    const [primary, replica] = mapPage(fixture('DescribeDBInstances', 'basic'), true);
    expect(primary).toMatchObject({
      engine: 'mysql',
      role: 'primary',
      endpoint: 'rm-bp1ibu4xtl9y60001.mysql.rds.aliyuncs.com',
      port: 3306,
    });
    expect(primary?.subnet_ids).toHaveLength(2);
    expect(replica).toMatchObject({ role: 'readonly', state: 'pending', engine: 'postgresql' });
  });
});
