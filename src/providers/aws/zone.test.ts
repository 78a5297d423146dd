import { readFileSync } from 'node:fs';
import type { DescribeAvailabilityZonesResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapZone } from './zone.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture('DescribeAvailabilityZones', name) as DescribeAvailabilityZonesResult;
  return (page.AvailabilityZones ?? []).map((raw) => KIND_SCHEMAS.zone.parse(mapZone(raw, ctx)));
}

describe('aws/zone', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.zone.json',
    );
  });

  it('uses the zone name as native id and the zone id as alias', () => {
    const [zone, impaired] = mapPage('basic');
    expect(zone).toMatchObject({ native_id: 'us-east-1a', alias: 'use1-az1', state: 'available' });
    expect(impaired?.state).toBe('error');
  });

  it('maps a zone with every optional field missing', () => {
    const [zone] = mapPage('minimal');
    expect(zone).not.toHaveProperty('alias');
    expect(zone?.state).toBe('unknown');
  });
});
