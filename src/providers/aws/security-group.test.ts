import { readFileSync } from 'node:fs';
import type { DescribeSecurityGroupsResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapSecurityGroup } from './security-group.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture('DescribeSecurityGroups', name) as DescribeSecurityGroupsResult;
  return (page.SecurityGroups ?? []).map((raw) =>
    KIND_SCHEMAS.security_group.parse(mapSecurityGroup(raw, ctx)),
  );
}

describe('aws/security_group', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.security_group.json',
    );
  });

  it('makes one rule per range, group pair and prefix list', () => {
    const [web] = mapPage('basic');
    const rules = web?.rules ?? [];
    expect(rules.filter((r) => r.direction === 'ingress')).toHaveLength(7);
    expect(rules.find((r) => r.remote === 'pl-0a1b2c3d')).toMatchObject({
      protocol: 'tcp',
      port_range: '8000-8999',
      description: 'corp',
    });
    expect(rules.find((r) => r.remote === '210987654321/sg-0f0e0d0c0b0a09081')).toBeDefined();
    expect(rules.find((r) => r.direction === 'egress')).toEqual({
      direction: 'egress',
      protocol: 'all',
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
  });

  it('refers to groups of the same account, and treats all ports as no range', () => {
    const [web, ssh] = mapPage('basic');
    expect(web?.rules.find((r) => r.protocol === 'all' && r.direction === 'ingress')).toMatchObject(
      {
        remote_group_id: 'aws/prod/us-east-1/security_group/sg-0a1b2c3d4e5f60031',
      },
    );
    expect(ssh?.rules.map((r) => [r.protocol, r.port_range])).toEqual([
      ['tcp', '22'],
      ['udp', undefined],
      ['50', undefined],
    ]);
    expect(ssh?.name).toBe('bastion-ssh');
    expect(web?.name).toBe('web');
  });

  it('maps a group with every optional field missing', () => {
    const [sg] = mapPage('minimal');
    expect(sg).toMatchObject({ name: 'sg-0a1b2c3d4e5f60033', rules: [], tags: {} });
    expect(sg).not.toHaveProperty('vpc_id');
  });
});
