import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapLoadBalancer } from './load-balancer.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

describe('aliyun/load_balancer', () => {
  const attribute = fixture<wire.DescribeLoadBalancerAttribute>(
    'DescribeLoadBalancerAttribute',
    'basic',
  );
  const health = fixture<wire.DescribeHealthStatus>('DescribeHealthStatus', 'basic');

  function mapPage(page: wire.DescribeLoadBalancers, full: boolean) {
    return (page.LoadBalancers?.LoadBalancer ?? []).map((raw) =>
      KIND_SCHEMAS.load_balancer.parse(
        mapLoadBalancer(raw, full ? attribute : undefined, full ? health : undefined, ctx),
      ),
    );
  }

  it('maps SLBs with listeners and backends to records that match the schema', async () => {
    const basic = mapPage(fixture('DescribeLoadBalancers', 'basic'), true);
    const minimal = mapPage(fixture('DescribeLoadBalancers', 'minimal'), false);
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.load-balancer.json',
    );
  });

  it('attaches each backend to the listener of its port and protocol', () => {
    const [lb] = mapPage(fixture('DescribeLoadBalancers', 'basic'), true);
    expect(lb?.scheme).toBe('internet');
    expect(lb?.listeners.map((l) => [l.native_id, l.name, l.targets.map((t) => t.health)])).toEqual(
      [
        ['HTTP:80', 'HTTP:80', ['healthy', 'unhealthy']],
        ['HTTPS:443', 'web tls', ['unused']],
      ],
    );
  });
});
