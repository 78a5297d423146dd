import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { isKubernetesCluster, mapCluster } from './kubernetes-cluster.js';

const ctx: MapContext = { provider: 'qingcloud', account: 'prod', region: 'pek3' };

describe('qingcloud/kubernetes-cluster', () => {
  it('maps a KubeSphere (QKE) cluster to its VPC and vxnet', () => {
    const raw = {
      cluster_id: 'cl-1',
      name: 'prod-k8s',
      status: 'active',
      app_info: { app_name: 'KubeSphere（QKE）' },
      app_version_info: { name: '1.29' },
      vxnet: { vxnet_id: 'vxnet-a', vpc_router_id: 'rtr-1' },
    };
    expect(isKubernetesCluster(raw)).toBe(true);
    expect(KIND_SCHEMAS.kubernetes_cluster.parse(mapCluster(raw, ctx))).toMatchObject({
      name: 'prod-k8s',
      state: 'available',
      vpc_id: 'qingcloud/prod/pek3/vpc/rtr-1',
      subnet_ids: ['qingcloud/prod/pek3/subnet/vxnet-a'],
      version: '1.29',
    });
  });

  it('leaves other AppCenter clusters out', () => {
    expect(isKubernetesCluster({ cluster_id: 'cl-2', app_info: { app_name: 'MySQL Plus' } })).toBe(
      false,
    );
    const bare = KIND_SCHEMAS.kubernetes_cluster.parse(mapCluster({ cluster_id: 'cl-3' }, ctx));
    expect(bare).toMatchObject({ name: 'cl-3', subnet_ids: [], state: 'unknown' });
  });
});
