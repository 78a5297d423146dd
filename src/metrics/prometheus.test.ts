import { describe, expect, it } from 'vitest';
import { ProviderError } from '../errors/errors.js';
import type { Inventory } from '../model/index.js';
import { SCHEMA_VERSION, emptyKindLists } from '../model/index.js';
import { renderMetrics } from './prometheus.js';

const inventory: Inventory = {
  schema_version: SCHEMA_VERSION,
  tool: { name: 'deepflow-cloud', version: 't' },
  generated_at: '2026-11-22T00:00:00.000Z',
  accounts: [
    {
      name: 'a"b',
      provider: 'aws',
      status: 'partial',
      regions: ['r'],
      disabled_regions: [],
      version: 'v',
    },
  ],
  ...emptyKindLists(),
  vpcs: [
    {
      id: 'aws/a/r/vpc/v-1',
      native_id: 'v-1',
      name: 'v',
      provider: 'aws',
      account: 'a"b',
      region: 'r',
      tags: {},
      cidrs: [],
      is_default: false,
      state: 'available',
      stale: true,
      stale_since: '2026-11-21T00:00:00.000Z',
    },
  ],
  errors: [],
};

describe('metrics/prometheus', () => {
  it('renders every family with HELP and TYPE, escaped labels and the push result', () => {
    const text = renderMetrics({
      durationSeconds: 1.23456,
      finishedAt: 1_795_000_000_000,
      exitCode: 4,
      inventory,
      outcomes: [
        {
          account: 'a"b',
          provider: 'aws',
          region: 'r',
          kind: 'vm',
          status: 'failed',
          records: 0,
          error: new ProviderError('x', { httpStatus: 500 }),
        },
      ],
      calls: new Map([['ec2:DescribeVpcs', 3]]),
      retries: new Map([['ec2:DescribeVpcs', 1]]),
      lastSuccess: new Map([['a"b', 1_794_999_000]]),
      push: { result: 'accepted', attempts: 2 },
    });
    expect(text).toContain('deepflow_cloud_run_duration_seconds 1.235\n');
    expect(text).toContain('deepflow_cloud_records{account="a\\"b",kind="vpc"} 1\n');
    expect(text).toContain('deepflow_cloud_stale_records{account="a\\"b",kind="vpc"} 1\n');
    expect(text).toContain(
      'deepflow_cloud_tasks_not_ok{kind="vm",error_kind="provider_error",outcome="failed"} 1',
    );
    expect(text).toContain('deepflow_cloud_api_retries{operation="ec2:DescribeVpcs"} 1');
    expect(text).toContain('deepflow_cloud_push_result{result="accepted"} 1');
    expect(text).toContain('deepflow_cloud_push_result{result="failed"} 0');
    expect(text).toContain('deepflow_cloud_account_up{account="a\\"b"} 0.5');
    for (const line of text.trim().split('\n')) {
      expect(line).toMatch(
        /^(# (HELP|TYPE) deepflow_cloud_\w+ .+|deepflow_cloud_\w+(\{[^}]*\})? [\d.]+)$/,
      );
    }
  });
});
