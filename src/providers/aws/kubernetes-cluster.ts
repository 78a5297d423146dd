import { guardMapper } from '../mapper-guard.js';
import { KubernetesClusterSchema } from '../../model/index.js';
import type { Cluster } from '@aws-sdk/client-eks';
import type { Availability, KubernetesCluster, MapContext } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { awsCall, listAll, paginate } from './client.js';
import { mapInOrder } from '../../transport/concurrent.js';
import { awsOperation, baseFields, defined, refIds } from './common.js';
import { eksSdk } from './sdk.js';

const { DescribeClusterCommand, ListClustersCommand } = eksSdk;

const LIST_CLUSTERS = awsOperation('eks', 'ListClusters', false);
const DESCRIBE_CLUSTER = awsOperation('eks', 'DescribeCluster', false);

const CLUSTER_STATE: Readonly<Record<string, Availability>> = {
  ACTIVE: 'available',
  CREATING: 'pending',
  PENDING: 'pending',
  UPDATING: 'pending',
  DELETING: 'deleting',
  FAILED: 'error',
};

/** An EKS cluster; its native id is its name (unique per region). */
function mapKubernetesClusterUnguarded(raw: Cluster, ctx: MapContext): KubernetesCluster {
  const nativeId = raw.name ?? '';
  const vpc = raw.resourcesVpcConfig;
  return {
    ...baseFields(ctx, 'kubernetes_cluster', nativeId, nativeId, { ...raw.tags }, raw.createdAt),
    state: lookup(CLUSTER_STATE, raw.status, 'unknown'),
    ...defined({ vpc_id: refId(ctx, 'vpc', vpc?.vpcId) }),
    subnet_ids: refIds(ctx, 'subnet', vpc?.subnetIds ?? []),
    ...defined({ version: raw.version, endpoint: raw.endpoint }),
  };
}

export const kubernetesClusterFetcher: ResourceFetcher<AwsSession> = {
  kind: 'kubernetes_cluster',
  scope: 'regional',
  operations: [LIST_CLUSTERS, DESCRIBE_CLUSTER],
  async *fetch(ctx) {
    const eks = ctx.session.clients.eks(ctx.region);
    const pages = paginate(
      ctx,
      LIST_CLUSTERS,
      ctx.region,
      (nextToken, signal) =>
        eks.send(new ListClustersCommand({ maxResults: 100, nextToken }), { abortSignal: signal }),
      (page) => page.nextToken,
    );
    const names = await listAll(pages, (page) => page.clusters);
    // DescribeCluster takes one name: every cluster of the region is asked at once.
    const clusters = mapInOrder(names, async (name) => {
      const out = await awsCall(ctx, DESCRIBE_CLUSTER, ctx.region, (signal) =>
        eks.send(new DescribeClusterCommand({ name }), { abortSignal: signal }),
      );
      return out.cluster;
    });
    for await (const cluster of clusters) {
      if (cluster)
        yield { kind: 'kubernetes_cluster', record: mapKubernetesCluster(cluster, ctx.map) };
    }
  },
};

/** `mapKubernetesClusterUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapKubernetesCluster = guardMapper(
  'aws kubernetes cluster',
  mapKubernetesClusterUnguarded,
  KubernetesClusterSchema,
);
