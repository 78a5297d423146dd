/**
 * AKS clusters from `Microsoft.ContainerService/managedClusters` (list by subscription, nextLink paging), through
 * `@azure/arm-containerservice` 25.3 (the last major that supports Node 20). A cluster's VNet is the one its node
 * pools' `vnetSubnetID` point into (Azure CNI, or kubenet with a custom VNet); a cluster on an AKS-managed VNet
 * names no subnet and gets no `vpc_id`. The API server is `https://<fqdn>:443`, or the private FQDN of a private
 * cluster.
 */
import { guardMapper } from '../mapper-guard.js';
import { KubernetesClusterSchema } from '../../model/index.js';
import type { Availability, KubernetesCluster, MapContext } from '../../model/index.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { AzureSession } from './pages.js';
import { shared } from './pages.js';
import {
  armId,
  azureOperation,
  azureTags,
  baseFields,
  defined,
  inRegion,
  nonEmpty,
  parentOf,
  provisioningState,
  ref,
  refs,
} from './common.js';
import type * as wire from './wire.js';

export const LIST_MANAGED_CLUSTERS = azureOperation(
  'managedClusters.list',
  'Microsoft.ContainerService/managedClusters/read',
  false,
);

export function managedClusters(ctx: FetchContext<AzureSession>): Promise<wire.ManagedCluster[]> {
  return shared(
    ctx,
    LIST_MANAGED_CLUSTERS,
    (sub) =>
      ctx.session.clients.containerService(sub).managedClusters.list({ abortSignal: ctx.signal }),
    ctx.session.clients.tokens.containerService,
  );
}

/** Provisioning state, except that a stopped cluster (power state `Stopped`) serves nothing. */
function clusterState(raw: wire.ManagedCluster): Availability {
  const state = provisioningState(raw.provisioningState);
  return state === 'available' && raw.powerState?.code === 'Stopped' ? 'unknown' : state;
}

/** The API server URL: the public FQDN, else the private one. */
function endpointOf(raw: wire.ManagedCluster): string | undefined {
  const host = nonEmpty(raw.fqdn) ?? nonEmpty(raw.privateFqdn);
  return host === undefined ? undefined : `https://${host}:443`;
}

function mapKubernetesClusterUnguarded(
  raw: wire.ManagedCluster,
  ctx: MapContext,
): KubernetesCluster {
  const nativeId = armId(raw.id) ?? '';
  const subnets = (Array.isArray(raw.agentPoolProfiles) ? raw.agentPoolProfiles : []).map((p) =>
    armId(p.vnetSubnetID),
  );
  const vnet = subnets.map((s) => parentOf(s, 'subnets')).find((v) => v !== undefined);
  return {
    ...baseFields(
      ctx,
      'kubernetes_cluster',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      azureTags(raw.tags),
      raw.systemData?.createdAt,
    ),
    state: clusterState(raw),
    ...defined({ vpc_id: ref(ctx, 'vpc', vnet) }),
    subnet_ids: refs(ctx, 'subnet', subnets),
    ...defined({
      version: nonEmpty(raw.currentKubernetesVersion) ?? nonEmpty(raw.kubernetesVersion),
      endpoint: endpointOf(raw),
    }),
  };
}

export const kubernetesClusterFetcher: ResourceFetcher<AzureSession> = {
  kind: 'kubernetes_cluster',
  scope: 'regional',
  operations: [LIST_MANAGED_CLUSTERS],
  async *fetch(ctx) {
    for (const raw of await managedClusters(ctx)) {
      if (!inRegion(raw, ctx.region)) continue;
      yield { kind: 'kubernetes_cluster', record: mapKubernetesCluster(raw, ctx.map) };
    }
  },
};

/** `mapKubernetesClusterUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapKubernetesCluster = guardMapper(
  'azure kubernetes cluster',
  mapKubernetesClusterUnguarded,
  KubernetesClusterSchema,
);
