import { readFileSync } from 'node:fs';
import type { DescribeClusterResponse } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapKubernetesCluster } from './kubernetes-cluster.js';

const ctx: MapContext = { provider: 'aws', account: 'prod', region: 'us-east-1' };

function fixture(operation: string, name: string): unknown {
  const url = new URL(`../../../test/fixtures/aws/${operation}/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function mapOne(name: string) {
  const out = fixture('DescribeCluster', name) as DescribeClusterResponse;
  return (
    out.cluster && KIND_SCHEMAS.kubernetes_cluster.parse(mapKubernetesCluster(out.cluster, ctx))
  );
}

describe('aws/kubernetes_cluster', () => {
  it('maps fixture pages to records that match the schema', async () => {
    const out = { basic: [mapOne('prod-eks'), mapOne('creating')], minimal: [mapOne('minimal')] };
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/aws.kubernetes_cluster.json',
    );
  });

  it('names the cluster by its name and keeps its VPC, subnets, version and endpoint', () => {
    expect(mapOne('prod-eks')).toMatchObject({
      id: 'aws/prod/us-east-1/kubernetes_cluster/prod-eks',
      state: 'available',
      vpc_id: 'aws/prod/us-east-1/vpc/vpc-0a1b2c3d4e5f60001',
      version: '1.31',
      tags: { env: 'prod', team: 'platform' },
    });
    expect(mapOne('creating')?.state).toBe('pending');
  });

  it('maps a cluster with every optional field missing', () => {
    expect(mapOne('minimal')).toEqual({
      id: 'aws/prod/us-east-1/kubernetes_cluster/bare-eks',
      native_id: 'bare-eks',
      name: 'bare-eks',
      provider: 'aws',
      account: 'prod',
      region: 'us-east-1',
      tags: {},
      state: 'unknown',
      subnet_ids: [],
    });
  });
});
