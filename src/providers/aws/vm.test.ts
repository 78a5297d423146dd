import { readFileSync } from 'node:fs';
import type { DescribeInstancesResult } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isListedVm, mapVm } from './vm.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapPage(name: string) {
  const page = fixture('DescribeInstances', name) as DescribeInstancesResult;
  return (page.Reservations ?? [])
    .flatMap((r) => r.Instances ?? [])
    .filter(isListedVm)
    .map((raw) => KIND_SCHEMAS.vm.parse(mapVm(raw, ctx)));
}

describe('aws/vm', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: mapPage('basic'), minimal: mapPage('minimal') };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.vm.json',
    );
  });

  it('skips terminated instances and maps transitional states to pending', () => {
    const vms = mapPage('basic');
    expect(vms.map((v) => [v.native_id, v.state])).toEqual([
      ['i-0a1b2c3d4e5f60021', 'running'],
      ['i-0a1b2c3d4e5f60022', 'stopped'],
      ['i-0a1b2c3d4e5f60024', 'pending'],
    ]);
  });

  it('derives references and keeps the launch time in UTC', () => {
    const [vm] = mapPage('basic');
    expect(vm).toMatchObject({
      name: 'web-1',
      created_at: '2026-03-04T05:06:07.000Z',
      subnet_id: 'aws/prod/us-east-1/subnet/subnet-0a1b2c3d4e5f60011',
      zone_id: 'aws/prod/us-east-1/zone/us-east-1a',
      primary_ip: '10.0.1.10',
      security_group_ids: [
        'aws/prod/us-east-1/security_group/sg-0a1b2c3d4e5f60031',
        'aws/prod/us-east-1/security_group/sg-0a1b2c3d4e5f60032',
      ],
    });
  });

  it('maps an instance with every optional field missing', () => {
    const [vm] = mapPage('minimal');
    expect(vm).toEqual({
      id: 'aws/prod/us-east-1/vm/i-0a1b2c3d4e5f60025',
      native_id: 'i-0a1b2c3d4e5f60025',
      name: 'i-0a1b2c3d4e5f60025',
      provider: 'aws',
      account: 'prod',
      region: 'us-east-1',
      tags: {},
      state: 'unknown',
      security_group_ids: [],
    });
  });
});
