/**
 * ACK clusters from Container Service `cs` 2015-12-15 `DescribeClustersV1` (`GET /api/v1/clusters`), a ROA API
 * with `page_number`/`page_size` and `page_info.total_count`; RAM authorises it as `cs:GetClusters`. The list
 * carries no API server address, so `endpoint` is left out rather than asked per cluster.
 */
import { TruncatedError } from '../../errors/errors.js';
import type { Availability, KubernetesCluster, MapContext } from '../../model/index.js';
import { lookup, refId } from '../../model/index.js';
import type { Operation, ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { aliyunRoaGet, MAX_PAGES } from './client.js';
import { baseFields, defined, nonEmpty, refIds } from './common.js';
import type * as wire from './wire.js';

export const DESCRIBE_CLUSTERS_V1: Operation = {
  service: 'cs',
  action: 'DescribeClustersV1',
  required: false,
  permission: 'cs:GetClusters',
};

/** The largest `page_size` DescribeClustersV1 accepts. */
export const CLUSTER_PAGE_SIZE = 100;

const CLUSTER_STATE: Readonly<Record<string, Availability>> = {
  running: 'available',
  initial: 'pending',
  updating: 'pending',
  scaling: 'pending',
  upgrading: 'pending',
  waiting: 'pending',
  deleting: 'deleting',
  deleted: 'deleting',
  failed: 'error',
  unavailable: 'error',
};

export function mapKubernetesCluster(raw: wire.AckCluster, ctx: MapContext): KubernetesCluster {
  const nativeId = raw.cluster_id ?? '';
  const subnets = raw.vswitch_ids ?? (raw.vswitch_id === undefined ? [] : [raw.vswitch_id]);
  return {
    ...baseFields(
      ctx,
      'kubernetes_cluster',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      Object.fromEntries(
        (raw.tags ?? []).flatMap((t) => (t.key === undefined ? [] : [[t.key, t.value ?? '']])),
      ),
      raw.created,
    ),
    state: lookup(CLUSTER_STATE, raw.state, 'unknown'),
    ...defined({ vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)) }),
    subnet_ids: refIds(
      ctx,
      'subnet',
      subnets.map((s) => nonEmpty(s)),
    ),
    ...defined({ version: nonEmpty(raw.current_version) }),
  };
}

export const kubernetesClusterFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'kubernetes_cluster',
  scope: 'regional',
  operations: [DESCRIBE_CLUSTERS_V1],
  async *fetch(ctx) {
    const page = (n: number): Promise<wire.DescribeClustersV1> =>
      aliyunRoaGet<wire.DescribeClustersV1>(
        ctx,
        ctx.session.clients,
        DESCRIBE_CLUSTERS_V1,
        ctx.region,
        '/api/v1/clusters',
        { region_id: ctx.region, page_number: n, page_size: CLUSTER_PAGE_SIZE },
      );
    const first = await page(1);
    const total = first.page_info?.total_count ?? 0;
    const size = first.page_info?.page_size ?? CLUSTER_PAGE_SIZE;
    const details = {
      provider: 'aliyun' as const,
      region: ctx.region,
      operation: 'cs:DescribeClustersV1',
    };
    const pages = size > 0 ? Math.ceil(total / size) : 1;
    if (!Number.isInteger(total) || total < 0 || pages > MAX_PAGES) {
      throw new TruncatedError(
        `pagination: total_count ${String(total)} is not believable`,
        details,
      );
    }
    // Page 1 gives the total; the rest are asked at once (the account's limit applies in ctx.call).
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)),
    );
    const clusters = [first, ...rest].flatMap((p) => p.clusters ?? []);
    const ids = new Set(clusters.map((c) => c.cluster_id));
    if (clusters.length !== total || ids.size !== clusters.length) {
      throw new TruncatedError(
        `pagination: listed ${clusters.length} clusters (${ids.size} distinct) but total_count is ${total}`,
        details,
      );
    }
    for (const raw of clusters) {
      if (raw.cluster_id) {
        yield { kind: 'kubernetes_cluster', record: mapKubernetesCluster(raw, ctx.map) };
      }
    }
  },
};
