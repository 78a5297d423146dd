import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSecurityGroup, portRange } from './security-group.js';
import type * as wire from './wire.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the fixture's wire type
function fixture<T>(operation: string, name: string): T {
  const url = new URL(`../../../test/fixtures/aliyun/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

function mapPage(page: wire.DescribeSecurityGroups, attr?: wire.DescribeSecurityGroupAttribute) {
  return (page.SecurityGroups?.SecurityGroup ?? []).map((raw) =>
    KIND_SCHEMAS.security_group.parse(mapSecurityGroup(raw, attr, ctx)),
  );
}

describe('aliyun/security_group', () => {
  it('maps groups with their rules to records that match the schema', async () => {
    const basic = mapPage(
      fixture('DescribeSecurityGroups', 'basic'),
      fixture('DescribeSecurityGroupAttribute', 'basic'),
    );
    const minimal = mapPage(
      fixture('DescribeSecurityGroups', 'minimal'),
      fixture('DescribeSecurityGroupAttribute', 'minimal'),
    );
    await expect(`${JSON.stringify({ basic, minimal }, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aliyun.security-group.json',
    );
  });

  it('keeps Drop rules as deny with their priority', () => {
    const [sg] = mapPage(
      fixture('DescribeSecurityGroups', 'basic'),
      fixture('DescribeSecurityGroupAttribute', 'basic'),
    );
    expect(sg?.rules.find((r) => r.action === 'deny')).toEqual({
      direction: 'ingress',
      protocol: 'all',
      cidr: '192.0.2.0/24',
      action: 'deny',
      priority: 100,
    });
  });

  it.each([
    ['22/22', 'tcp', '22'],
    ['8000/9000', 'tcp', '8000-9000'],
    ['1/65535', 'tcp', undefined],
    ['-1/-1', 'icmp', undefined],
    ['-1/-1', 'all', undefined],
    [undefined, 'tcp', undefined],
  ])('port range %s (%s) → %s', (range, protocol, expected) => {
    expect(portRange(range, protocol)).toBe(expected);
  });
});
