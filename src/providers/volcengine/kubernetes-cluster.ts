import { guardMapper } from '../mapper-guard.js';
import { KubernetesClusterSchema } from '../../model/index.js';
import type { Availability, KubernetesCluster, MapContext } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { listByPageNumber } from './paging.js';
import { baseFields, defined, nonEmpty, refIds, volcOperation, volcTags } from './common.js';
import type * as wire from './wire.js';

const LIST_CLUSTERS = volcOperation('vke', 'ListClusters', false);

const VKE_PAGE_SIZE = 100;

const CLUSTER_STATE: Readonly<Record<string, Availability>> = {
  Running: 'available',
  Creating: 'pending',
  Updating: 'pending',
  Starting: 'pending',
  Deleting: 'deleting',
  Failed: 'error',
};

/** A VKE cluster; the endpoint is the API server's private address (else its public one). */
function mapClusterUnguarded(raw: wire.VkeCluster, ctx: MapContext): KubernetesCluster {
  const nativeId = raw.Id ?? '';
  const config = raw.ClusterConfig;
  const api = config?.ApiServerEndpoints;
  const host = nonEmpty(api?.PrivateIp?.Ipv4) ?? nonEmpty(api?.PublicIp?.Ipv4);
  return {
    ...baseFields(
      ctx,
      'kubernetes_cluster',
      nativeId,
      nonEmpty(raw.Name) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreateTime,
    ),
    state: lookup(CLUSTER_STATE, raw.Status?.Phase, 'unknown'),
    subnet_ids: refIds(ctx, 'subnet', config?.SubnetIds ?? []),
    ...defined({
      vpc_id: refId(ctx, 'vpc', config?.VpcId),
      version: nonEmpty(raw.KubernetesVersion),
      endpoint: host === undefined ? undefined : `https://${host}:6443`,
    }),
  };
}

export const kubernetesClusterFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'kubernetes_cluster',
  scope: 'regional',
  operations: [LIST_CLUSTERS],
  async *fetch(ctx) {
    const items = listByPageNumber<wire.ListClusters, wire.VkeCluster>(
      ctx,
      ctx.session.clients,
      LIST_CLUSTERS,
      ctx.region,
      {},
      {
        pageSize: VKE_PAGE_SIZE,
        items: (p) => p.Items,
        total: (p) => p.Total,
        idOf: (c) => c.Id,
      },
    );
    for await (const raw of items) {
      if (raw.Id) yield { kind: 'kubernetes_cluster', record: mapCluster(raw, ctx.map) };
    }
  },
};

/** `mapClusterUnguarded` behind the hostile-shape guard. */
export const mapCluster = guardMapper(
  'volcengine kubernetes cluster',
  mapClusterUnguarded,
  KubernetesClusterSchema,
);
