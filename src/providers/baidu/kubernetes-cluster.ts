import { guardMapper } from '../mapper-guard.js';
import { KubernetesClusterSchema } from '../../model/index.js';
import type { Availability, KubernetesCluster, MapContext } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { listByPageNo } from './paging.js';
import { baiduOperation, baseFields, defined, nonEmpty, refIds } from './common.js';
import type * as wire from './wire.js';

const LIST_CLUSTERS = baiduOperation('cce', 'ListClusters', false);

export const CCE_PAGE_SIZE = 100;

const CLUSTER_PHASE: Readonly<Record<string, Availability>> = {
  pending: 'pending',
  provisioning: 'pending',
  provisioned: 'pending',
  running: 'available',
  upgrading: 'pending',
  create_failed: 'error',
  delete_failed: 'error',
  deleting: 'deleting',
  deleted: 'deleting',
};

/** A CCE cluster; its API endpoint is the VPC address of the cluster's BLB. */
function mapClusterUnguarded(raw: wire.CceCluster, ctx: MapContext): KubernetesCluster {
  const nativeId = raw.spec?.clusterID ?? '';
  const vip = nonEmpty(raw.status?.clusterBLB?.vpcIP);
  return {
    ...baseFields(
      ctx,
      'kubernetes_cluster',
      nativeId,
      nonEmpty(raw.spec?.clusterName) ?? nativeId,
      {},
      raw.createdAt,
    ),
    state: lookup(CLUSTER_PHASE, raw.status?.clusterPhase, 'unknown'),
    ...defined({
      vpc_id: refId(ctx, 'vpc', raw.spec?.vpcID),
      version: nonEmpty(raw.spec?.k8sVersion),
      endpoint: vip === undefined ? undefined : `https://${vip}:6443`,
    }),
    subnet_ids: refIds(ctx, 'subnet', [raw.spec?.containerNetworkConfig?.lbServiceVPCSubnetID]),
  };
}

export const kubernetesClusterFetcher: ResourceFetcher<BaiduSession> = {
  kind: 'kubernetes_cluster',
  scope: 'regional',
  operations: [LIST_CLUSTERS],
  async *fetch(ctx) {
    const items = listByPageNo<wire.ListClusters, wire.CceCluster>(
      ctx,
      LIST_CLUSTERS,
      ctx.region,
      '/v2/clusters',
      { orderBy: 'clusterName', order: 'ASC' },
      {
        pageSize: CCE_PAGE_SIZE,
        items: (p) => p.clusterPage?.clusterList,
        total: (p) => p.clusterPage?.totalCount,
        idOf: (c) => c.spec?.clusterID,
      },
    );
    for await (const raw of items) {
      yield { kind: 'kubernetes_cluster', record: mapCluster(raw, ctx.map) };
    }
  },
};

/** `mapClusterUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapCluster = guardMapper(
  'baidu cluster',
  mapClusterUnguarded,
  KubernetesClusterSchema,
);
