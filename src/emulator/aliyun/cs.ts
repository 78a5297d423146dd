/**
 * Container Service (ACK, `cs` 2015-12-15): a ROA API (REST path, headers signed, see roa.ts). The emulator
 * serves `GET /api/v1/clusters` (DescribeClustersV1) with `page_number`/`page_size` and `page_info`.
 */
import type { KubernetesCluster } from '../world-types-services.js';
import { pageByNumber, type AliyunCall, type Handler } from './call.js';
import { resourceGroupId } from './render.js';

export const CS_VERSION = '2015-12-15';

/** ROA routes: `METHOD path` → action name and handler. */
export const CS_ROUTES: Readonly<Record<string, { action: string; handler: Handler }>> = {
  'GET /api/v1/clusters': { action: 'DescribeClustersV1', handler: describeClustersV1 },
};

function renderCluster(call: AliyunCall, c: KubernetesCluster): Record<string, unknown> {
  return {
    cluster_id: c.id,
    name: c.name,
    region_id: call.region,
    cluster_type: 'ManagedKubernetes',
    cluster_spec: 'ack.pro.small',
    profile: 'Default',
    state: c.status === 'active' ? 'running' : 'initial',
    current_version: c.version,
    init_version: c.version,
    vpc_id: c.vpcId,
    vswitch_ids: [...c.subnetIds],
    security_group_id: c.securityGroupIds[0] ?? '',
    created: `${c.createdAt.slice(0, 19)}+00:00`,
    updated: `${c.createdAt.slice(0, 19)}+00:00`,
    resource_group_id: resourceGroupId(call.world),
    tags: Object.entries(c.tags).map(([key, value]) => ({ key, value })),
  };
}

function describeClustersV1(call: AliyunCall): Record<string, unknown> {
  const page = pageByNumber(call, call.res.kubernetesClusters, {
    max: 100,
    default: 10,
    numberParam: 'page_number',
    sizeParam: 'page_size',
  });
  return {
    clusters: page.items.map((c) => renderCluster(call, c)),
    page_info: {
      page_number: page.pageNumber,
      page_size: page.pageSize,
      total_count: page.totalCount,
    },
  };
}
