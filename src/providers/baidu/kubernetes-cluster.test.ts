import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapCluster } from './kubernetes-cluster.js';

const ctx = { provider: 'baidu', account: 'prod', region: 'bj' } as const;

describe('baidu/kubernetes-cluster', () => {
  it('maps a CCE cluster with its VPC, version and API endpoint', () => {
    const c = KIND_SCHEMAS.kubernetes_cluster.parse(
      mapCluster(
        {
          spec: {
            clusterID: 'cce-abc',
            clusterName: 'prod',
            k8sVersion: '1.30.4',
            vpcID: 'vpc-1',
            containerNetworkConfig: { lbServiceVPCSubnetID: 'sbn-1' },
          },
          status: { clusterPhase: 'running', clusterBLB: { vpcIP: '192.168.0.250' } },
          createdAt: '2026-01-02T03:04:05Z',
        },
        ctx,
      ),
    );
    expect(c).toMatchObject({
      name: 'prod',
      state: 'available',
      vpc_id: 'baidu/prod/bj/vpc/vpc-1',
      version: '1.30.4',
      endpoint: 'https://192.168.0.250:6443',
      subnet_ids: ['baidu/prod/bj/subnet/sbn-1'],
    });
  });

  it('maps a bare cluster', () => {
    expect(mapCluster({ spec: { clusterID: 'cce-x' } }, ctx)).toMatchObject({
      name: 'cce-x',
      state: 'unknown',
      subnet_ids: [],
    });
  });
});
