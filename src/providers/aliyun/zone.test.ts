import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import type * as wire from './wire.js';
import { mapZone } from './zone.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeZones) {
  return (page.Zones?.Zone ?? []).map((raw) => KIND_SCHEMAS.zone.parse(mapZone(raw, ctx)));
}

describe('aliyun/zone', () => {
  it('maps zones to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeZones', 'basic'));
    const minimal = mapPage(fixture('DescribeZones', 'minimal'));
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.zone.json',
    );
  });

  it('names a zone by LocalName and falls back to ZoneId', () => {
    const [h] = mapPage(fixture('DescribeZones', 'basic'));
    const [k] = mapPage(fixture('DescribeZones', 'minimal'));
    expect(h?.name).toBe('杭州 可用区H');
    expect(k?.name).toBe('cn-hangzhou-k');
  });
});
