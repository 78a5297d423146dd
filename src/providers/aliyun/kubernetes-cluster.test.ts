import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapKubernetesCluster } from './kubernetes-cluster.js';

const ctx: MapContext = { provider: 'aliyun', account: 'prod', region: 'cn-hangzhou' };

describe('aliyun/kubernetes_cluster', () => {
  it('maps an ACK cluster from DescribeClustersV1', () => {
    const record = KIND_SCHEMAS.kubernetes_cluster.parse(
      mapKubernetesCluster(
        {
          cluster_id: 'c3fb96524f9274b4495df0f12a6b5abcd',
          name: 'prod-ack',
          state: 'running',
          current_version: '1.31.1-aliyun.1',
          vpc_id: 'vpc-bp1x',
          vswitch_ids: ['vsw-bp1a', 'vsw-bp1b'],
          created: '2026-03-04T05:06:07+08:00',
          tags: [{ key: 'team', value: 'sre' }, { value: 'no key' }],
        },
        ctx,
      ),
    );
    expect(record).toMatchObject({
      id: 'aliyun/prod/cn-hangzhou/kubernetes_cluster/c3fb96524f9274b4495df0f12a6b5abcd',
      name: 'prod-ack',
      state: 'available',
      version: '1.31.1-aliyun.1',
      vpc_id: 'aliyun/prod/cn-hangzhou/vpc/vpc-bp1x',
      tags: { team: 'sre' },
      created_at: '2026-03-03T21:06:07.000Z',
    });
    expect(record.subnet_ids).toEqual([
      'aliyun/prod/cn-hangzhou/subnet/vsw-bp1a',
      'aliyun/prod/cn-hangzhou/subnet/vsw-bp1b',
    ]);
  });

  it('falls back to the single vswitch_id, the id as name, unknown state', () => {
    const record = mapKubernetesCluster(
      { cluster_id: 'c1', vswitch_id: 'vsw-1', state: 'mystery' },
      ctx,
    );
    expect(record).toMatchObject({ name: 'c1', state: 'unknown', tags: {} });
    expect(record.subnet_ids).toEqual(['aliyun/prod/cn-hangzhou/subnet/vsw-1']);
  });
});
