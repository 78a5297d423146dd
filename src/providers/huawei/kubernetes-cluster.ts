import { guardMapper } from '../mapper-guard.js';
import { KubernetesClusterSchema } from '../../model/index.js';
import type { Availability, KubernetesCluster, MapContext } from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { huaweiRequest } from './client.js';
import { baseFields, defined, huaweiOperation, nonEmpty } from './common.js';
import type * as wire from './wire.js';

const LIST_CLUSTERS = huaweiOperation('cce', 'ListClusters', false, 'cce:cluster:list');

const PHASE: Readonly<Record<string, Availability>> = {
  Available: 'available',
  Creating: 'pending',
  Upgrading: 'pending',
  Resizing: 'pending',
  Hibernating: 'pending',
  Hibernation: 'pending',
  Awaking: 'pending',
  Deleting: 'deleting',
  Unavailable: 'error',
  Error: 'error',
};

/** `2026-01-02 03:04:05.123456 +0000 UTC` → ISO (CCE prints Go's time format). */
export function cceTime(value: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)? \+0000/.exec(value ?? '');
  return m === null ? nonEmpty(value) : `${m[1] ?? ''}T${m[2] ?? ''}${(m[3] ?? '').slice(0, 4)}Z`;
}

/** The API endpoint: the internal (VPC) one, else the first. */
function endpointOf(raw: wire.CceCluster): string | undefined {
  const eps = raw.status?.endpoints ?? [];
  return nonEmpty((eps.find((e) => e.type === 'Internal') ?? eps[0])?.url);
}

function mapKubernetesClusterUnguarded(raw: wire.CceCluster, ctx: MapContext): KubernetesCluster {
  const nativeId = raw.metadata?.uid ?? '';
  const net = raw.spec?.hostNetwork;
  return {
    ...baseFields(
      ctx,
      'kubernetes_cluster',
      nativeId,
      nonEmpty(raw.metadata?.name) ?? nativeId,
      { ...(raw.metadata?.labels ?? {}) },
      cceTime(raw.metadata?.creationTimestamp),
    ),
    state: lookup(PHASE, raw.status?.phase, 'unknown'),
    ...defined({ vpc_id: refId(ctx, 'vpc', nonEmpty(net?.vpc)) }),
    subnet_ids: compact([
      refId(ctx, 'subnet', nonEmpty(net?.subnet)),
      ...(raw.spec?.eniNetwork?.subnets ?? []).map((s) =>
        refId(ctx, 'subnet', nonEmpty(s.subnetID)),
      ),
    ]),
    ...defined({
      version: nonEmpty(raw.spec?.version),
      endpoint: endpointOf(raw),
    }),
  };
}

export const kubernetesClusterFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'kubernetes_cluster',
  scope: 'regional',
  operations: [LIST_CLUSTERS],
  async *fetch(ctx) {
    // CCE lists every cluster of the project in one answer (no paging).
    const out = await huaweiRequest<wire.ListClusters>(
      ctx,
      LIST_CLUSTERS,
      ctx.region,
      '/api/v3/projects/{project_id}/clusters',
    );
    for (const raw of out.items ?? []) {
      if (nonEmpty(raw.metadata?.uid) === undefined) continue;
      yield { kind: 'kubernetes_cluster', record: mapKubernetesCluster(raw, ctx.map) };
    }
  },
};

/** `mapKubernetesClusterUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapKubernetesCluster = guardMapper(
  'huawei kubernetes cluster',
  mapKubernetesClusterUnguarded,
  KubernetesClusterSchema,
);
