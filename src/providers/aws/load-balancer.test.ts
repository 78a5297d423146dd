import { readFileSync } from 'node:fs';
import type {
  DescribeListenersOutput,
  DescribeLoadBalancersOutput,
  DescribeTargetGroupsOutput,
  DescribeTargetHealthOutput,
  TargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import type {
  InstanceState,
  LoadBalancerDescription,
} from '@aws-sdk/client-elastic-load-balancing';
import { mapClassicLoadBalancer } from './load-balancer-classic.js';
import { forwardTargetGroups, mapLoadBalancer } from './load-balancer.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

const groups = new Map<string, TargetGroup>(
  ((fixture('DescribeTargetGroups', 'basic') as DescribeTargetGroupsOutput).TargetGroups ?? []).map(
    (tg) => [tg.TargetGroupArn ?? '', tg],
  ),
);
const health = new Map<string, readonly TargetHealthDescription[]>();
for (const [arn, tg] of groups) {
  const name = tg.TargetGroupName ?? '';
  health.set(
    arn,
    (fixture('DescribeTargetHealth', name) as DescribeTargetHealthOutput)
      .TargetHealthDescriptions ?? [],
  );
}

function mapPage(name: string) {
  const page = fixture('DescribeLoadBalancers', name) as DescribeLoadBalancersOutput;
  return (page.LoadBalancers ?? []).map((raw) => {
    const listenerFixture = raw.LoadBalancerName ?? '';
    const listeners =
      listenerFixture === '' || name === 'v2-minimal'
        ? []
        : ((fixture('DescribeListeners', listenerFixture) as DescribeListenersOutput).Listeners ??
          []);
    return KIND_SCHEMAS.load_balancer.parse(mapLoadBalancer(raw, listeners, groups, health, ctx));
  });
}

describe('aws/load_balancer', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = {
      basic: ['v2-basic', 'v2-basic-2'].flatMap(mapPage),
      minimal: mapPage('v2-minimal'),
    };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.load_balancer.json',
    );
  });

  it('collects the target groups of plain and weighted forward actions once each', () => {
    const [https, http] =
      (fixture('DescribeListeners', 'web-alb') as DescribeListenersOutput).Listeners ?? [];
    expect(https && forwardTargetGroups(https).map((arn) => arn.split('/')[1])).toEqual([
      'web-tg',
      'web-canary',
    ]);
    expect(http && forwardTargetGroups(http)).toEqual([]);
  });

  it('maps instance targets to vms, IPs to ip targets, and the health states', () => {
    const [alb] = mapPage('v2-basic');
    const https = alb?.listeners[0];
    expect(https).toMatchObject({ name: 'HTTPS:443', protocol: 'https', port: 443 });
    expect(https?.targets.map((t) => [t.type, t.native_id, t.port, t.health])).toEqual([
      ['vm', 'i-0a1b2c3d4e5f60021', 8080, 'healthy'],
      ['vm', 'i-0a1b2c3d4e5f60022', 8080, 'unused'],
      ['vm', 'i-0a1b2c3d4e5f60024', 8080, 'unknown'],
      ['ip', '10.0.1.99', 8081, 'unhealthy'],
    ]);
    expect(https?.targets[0]?.vm_id).toBe('aws/prod/us-east-1/vm/i-0a1b2c3d4e5f60021');
    expect(alb).toMatchObject({ scheme: 'internet', type: 'application', state: 'available' });
  });

  it('keeps an NLB’s addresses as vips and lambda targets as other', () => {
    const [nlb, gwlb] = mapPage('v2-basic-2');
    expect(nlb).toMatchObject({
      scheme: 'internal',
      type: 'network',
      state: 'pending',
      vips: ['198.51.100.45', '10.0.1.45'],
    });
    expect(nlb?.listeners[1]?.targets[0]).toMatchObject({ type: 'other', health: 'unknown' });
    expect(gwlb?.listeners[0]).toMatchObject({ port: 0, protocol: 'all', targets: [] });
  });

  it('maps a load balancer with every optional field missing', () => {
    const [lb] = mapPage('v2-minimal');
    expect(lb).toMatchObject({
      name: lb?.native_id,
      scheme: 'internet',
      type: 'other',
      state: 'unknown',
      vips: [],
      listeners: [],
    });
    expect(lb).not.toHaveProperty('vpc_id');
  });
});

describe('aws/load_balancer (classic)', () => {
  it('maps classic ELBs: every instance a target of every listener, health per instance', async () => {
    const page = fixture('DescribeLoadBalancers', 'classic-basic') as {
      LoadBalancerDescriptions?: LoadBalancerDescription[];
    };
    const health =
      (fixture('DescribeInstanceHealth', 'legacy-web') as { InstanceStates?: InstanceState[] })
        .InstanceStates ?? [];
    const [full, bare] = (page.LoadBalancerDescriptions ?? []).map((raw, i) =>
      KIND_SCHEMAS.load_balancer.parse(mapClassicLoadBalancer(raw, i === 0 ? health : [], ctx)),
    );
    expect(
      full?.listeners.map((l) => [l.protocol, l.port, l.targets.map((t) => [t.port, t.health])]),
    ).toEqual([
      [
        'http',
        80,
        [
          [8080, 'healthy'],
          [8080, 'unhealthy'],
        ],
      ],
      [
        'tcp',
        443,
        [
          [8443, 'healthy'],
          [8443, 'unhealthy'],
        ],
      ],
    ]);
    await expect(`${JSON.stringify({ full, bare }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.load_balancer_classic.json',
    );
  });
});
