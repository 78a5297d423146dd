import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operationKey } from '../types.js';
import { adapter, mapRegions } from './index.js';
import { ALIYUN_KNOWN_REGIONS, aliyunSpec } from './spec.js';
import type * as wire from './wire.js';

function fixture(name: string): wire.DescribeRegions {
  const url = new URL(
    `../../../test/fixtures/aliyun/DescribeRegions/${name}.json`,
    import.meta.url,
  );
  return JSON.parse(readFileSync(url, 'utf8')) as wire.DescribeRegions;
}

const REQUIRED = [
  'ecs:DescribeRegions',
  'vpc:DescribeVpcs',
  'vpc:DescribeVSwitches',
  'ecs:DescribeInstances',
  'ecs:DescribeNetworkInterfaces',
];

describe('aliyun adapter', () => {
  it('lists regions with their LocalName; a sold-out region is listed as disabled', () => {
    expect(mapRegions(fixture('basic'))).toEqual([
      {
        id: 'cn-hangzhou',
        localName: '华东1（杭州）',
        enabled: true,
        endpoint: 'ecs.cn-hangzhou.aliyuncs.com',
      },
      {
        id: 'cn-guangzhou',
        localName: '华南3（广州）',
        enabled: true,
        endpoint: 'ecs.cn-guangzhou.aliyuncs.com',
      },
      {
        id: 'cn-wulanchabu',
        localName: '华北6（乌兰察布）',
        enabled: false,
        endpoint: 'ecs.cn-wulanchabu.aliyuncs.com',
      },
    ]);
    expect(mapRegions(fixture('minimal'))).toEqual([
      { id: 'cn-shanghai', localName: undefined, enabled: true, endpoint: undefined },
    ]);
  });

  it('requires exactly the operations DeepFlow documents as required; the rest are optional', () => {
    const ops = [...adapter.accountOperations, ...adapter.fetchers.flatMap((f) => f.operations)];
    expect(
      ops
        .filter((o) => o.required)
        .map(operationKey)
        .sort(),
    ).toEqual([...REQUIRED].sort());
    expect(new Set(ops.map(operationKey)).size).toBe(ops.length);
  });

  it('has a probe for every fetcher operation and retries in our call wrapper', () => {
    expect(Object.keys(adapter.probes ?? {}).sort()).toEqual(
      adapter.fetchers
        .flatMap((f) => f.operations)
        .map(operationKey)
        .sort(),
    );
    expect(adapter.retries).toBe('ours');
  });

  it('fetches CEN once per account and everything else per region', () => {
    expect(adapter.fetchers.filter((f) => f.scope === 'global').map((f) => f.kind)).toEqual([
      'cloud_network',
    ]);
  });

  it('spec: secret is redacted, the key id masked, env names and known regions with LocalName', () => {
    expect(aliyunSpec.secretKeys).toEqual(['access_key_secret']);
    expect(aliyunSpec.redactKeys).toEqual(['access_key_id']);
    expect(aliyunSpec.credentialEnv).toEqual({
      access_key_id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
      access_key_secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    });
    expect(aliyunSpec.options.parse({})).toEqual({ default_region: 'cn-hangzhou' });
    expect(ALIYUN_KNOWN_REGIONS).toContainEqual({ id: 'cn-guangzhou', localName: '华南3（广州）' });
    expect(ALIYUN_KNOWN_REGIONS).toContainEqual({
      id: 'cn-wulanchabu',
      localName: '华北6（乌兰察布）',
    });
  });
});
