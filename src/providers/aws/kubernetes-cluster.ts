import type { Cluster } from '@aws-sdk/client-eks';
import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import type { Availability, KubernetesCluster, MapContext } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { awsCall, paginate } from './client.js';
import { awsOperation, baseFields, defined, refIds } from './common.js';

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
export function mapKubernetesCluster(raw: Cluster, ctx: MapContext): KubernetesCluster {
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
    for await (const page of pages) {
      for (const name of page.clusters ?? []) {
        const out = await awsCall(ctx, DESCRIBE_CLUSTER, ctx.region, (signal) =>
          eks.send(new DescribeClusterCommand({ name }), { abortSignal: signal }),
        );
        if (out.cluster) {
          yield { kind: 'kubernetes_cluster', record: mapKubernetesCluster(out.cluster, ctx.map) };
        }
      }
    }
  },
};
