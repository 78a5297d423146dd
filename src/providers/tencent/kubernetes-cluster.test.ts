import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapKubernetesCluster } from './kubernetes-cluster.js';

const ctx: MapContext = { provider: 'tencent', account: 'prod', region: 'ap-guangzhou' };

describe('tencent/kubernetes-cluster', () => {
  it('maps a TKE cluster with its VPC, subnets, version and tags', () => {
    const k = KIND_SCHEMAS.kubernetes_cluster.parse(
      mapKubernetesCluster(
        {
          ClusterId: 'cls-1',
          ClusterName: 'prod',
          ClusterVersion: '1.30.0',
          ClusterStatus: 'Running',
          ClusterNetworkSettings: { VpcId: 'vpc-1', Subnets: ['subnet-1'] },
          CreatedTime: '2026-01-02T03:04:05Z',
          TagSpecification: [{ Tags: [{ Key: 'env', Value: 'prod' }] }],
        },
        ctx,
      ),
    );
    expect(k).toMatchObject({
      state: 'available',
      version: '1.30.0',
      vpc_id: 'tencent/prod/ap-guangzhou/vpc/vpc-1',
      subnet_ids: ['tencent/prod/ap-guangzhou/subnet/subnet-1'],
      tags: { env: 'prod' },
    });
  });

  it('maps a cluster with every optional field missing', () => {
    const k = KIND_SCHEMAS.kubernetes_cluster.parse(
      mapKubernetesCluster({ ClusterId: 'cls-2' }, ctx),
    );
    expect(k).toMatchObject({ name: 'cls-2', state: 'unknown', subnet_ids: [], tags: {} });
  });
});
