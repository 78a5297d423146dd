import { guardMapper } from '../mapper-guard.js';
import { KubernetesClusterSchema } from '../../model/index.js';
import type { Availability, KubernetesCluster, MapContext } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { listByOffset } from './client.js';
import { baseFields, defined, nonEmpty, refIds, tencentOperation, tencentTags } from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_CLUSTERS = tencentOperation('tke', 'DescribeClusters', false);

const TKE_PAGE_SIZE = 100;

const CLUSTER_STATE: Readonly<Record<string, Availability>> = {
  Running: 'available',
  Creating: 'pending',
  Upgrading: 'pending',
  Scaling: 'pending',
  Idling: 'available',
  Deleting: 'deleting',
  Abnormal: 'error',
};

/** A TKE cluster; its tags are the first tag specification's. */
function mapKubernetesClusterUnguarded(raw: wire.Cluster, ctx: MapContext): KubernetesCluster {
  const nativeId = raw.ClusterId ?? '';
  return {
    ...baseFields(
      ctx,
      'kubernetes_cluster',
      nativeId,
      nonEmpty(raw.ClusterName) ?? nativeId,
      tencentTags(raw.TagSpecification?.[0]?.Tags),
      raw.CreatedTime,
    ),
    state: lookup(CLUSTER_STATE, raw.ClusterStatus, 'unknown'),
    subnet_ids: refIds(ctx, 'subnet', raw.ClusterNetworkSettings?.Subnets ?? []),
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.ClusterNetworkSettings?.VpcId)),
      version: nonEmpty(raw.ClusterVersion),
    }),
  };
}

export const kubernetesClusterFetcher: ResourceFetcher<TencentSession> = {
  kind: 'kubernetes_cluster',
  scope: 'regional',
  operations: [DESCRIBE_CLUSTERS],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeClusters, wire.Cluster>(
      ctx,
      ctx.session.clients,
      DESCRIBE_CLUSTERS,
      ctx.region,
      {},
      { pageSize: TKE_PAGE_SIZE, items: (p) => p.Clusters, idOf: (c) => c.ClusterId },
    );
    for await (const raw of items) {
      if (raw.ClusterId) {
        yield { kind: 'kubernetes_cluster', record: mapKubernetesCluster(raw, ctx.map) };
      }
    }
  },
};

/** `mapKubernetesClusterUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapKubernetesCluster = guardMapper(
  'tencent TKE cluster',
  mapKubernetesClusterUnguarded,
  KubernetesClusterSchema,
);
