import { guardMapper } from '../mapper-guard.js';
import { KubernetesClusterSchema } from '../../model/index.js';
import type { KubernetesCluster, MapContext } from '../../model/index.js';
import { lookup, refId, resourceId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll } from './client.js';
import { baseFields, defined, nonEmpty, qingcloudOperation } from './common.js';
import { listParam } from './vm.js';
import { RESOURCE_STATE } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_CLUSTERS = qingcloudOperation('DescribeClusters', false);

/** Only KubeSphere (QKE) clusters are Kubernetes clusters; DescribeClusters lists every AppCenter app. */
export function isKubernetesCluster(raw: wire.Cluster): boolean {
  return Boolean(raw.cluster_id) && (raw.app_info?.app_name ?? '').includes('KubeSphere');
}

/** A QKE cluster: its VPC is its vxnet's router (`vxnet.vpc_router_id`). */
function mapClusterUnguarded(raw: wire.Cluster, ctx: MapContext): KubernetesCluster {
  const nativeId = raw.cluster_id ?? '';
  const router = nonEmpty(raw.vxnet?.vpc_router_id);
  return {
    ...baseFields(ctx, 'kubernetes_cluster', nativeId, raw.name, raw.tags, raw.create_time),
    state: lookup(RESOURCE_STATE, raw.status, 'unknown'),
    ...defined({ vpc_id: router === undefined ? undefined : resourceId(ctx, 'vpc', router) }),
    subnet_ids:
      router === undefined
        ? []
        : [refId(ctx, 'subnet', nonEmpty(raw.vxnet?.vxnet_id))].filter(
            (s): s is string => s !== undefined,
          ),
    ...defined({ version: nonEmpty(raw.app_version_info?.name) }),
  };
}

export const kubernetesClusterFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'kubernetes_cluster',
  scope: 'regional',
  operations: [DESCRIBE_CLUSTERS],
  async *fetch(ctx) {
    const items = listAll<wire.Cluster>(
      ctx,
      ctx.session.client,
      DESCRIBE_CLUSTERS,
      ctx.region,
      { service: 'qke', ...listParam('status', ['pending', 'active', 'stopped']) },
      { key: 'cluster_set', idOf: (c) => c.cluster_id },
    );
    for await (const raw of items) {
      if (isKubernetesCluster(raw))
        yield { kind: 'kubernetes_cluster', record: mapCluster(raw, ctx.map) };
    }
  },
};

/** `mapClusterUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapCluster = guardMapper(
  'qingcloud cluster',
  mapClusterUnguarded,
  KubernetesClusterSchema,
);
