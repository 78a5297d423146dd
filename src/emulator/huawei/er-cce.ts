/** Enterprise Router v3 and CCE v3 handlers. */
import type { Handler } from './call.js';
import { pageByNextMarker } from './call.js';
import { keyValue } from './network.js';

/** `2026-01-02T03:04:05.678Z` → CCE's Go time `2026-01-02 03:04:05.678 +0000 UTC`. */
const goTime = (iso: string): string => `${iso.replace('T', ' ').replace(/Z$/, '')} +0000 UTC`;

export const ER_HANDLERS: Readonly<Record<string, Handler>> = {
  ListEnterpriseRouters: (call) => {
    const all = call.res.cloudNetworks.map((n) => ({
      id: n.id,
      name: n.name,
      state: 'available',
      asn: n.asn,
      project_id: call.projectId,
      created_at: n.createdAt.replace(/\.\d+Z$/, 'Z'),
      tags: keyValue(n.tags),
    }));
    const page = pageByNextMarker(call, all, (r) => r.id, 2000);
    return { instances: page.items, page_info: page.page_info };
  },
  ListAttachments: (call) => {
    const er = call.pathParams['er_id'] ?? '';
    const n = call.res.cloudNetworks.find((c) => c.id === er);
    const all = (n?.attachments ?? []).map((a) => ({
      id: a.id,
      name: `vpc-attach-${a.vpcId.slice(0, 8)}`,
      resource_id: a.vpcId,
      resource_type: 'vpc',
      resource_project_id: call.projectId,
      state: 'available',
      created_at: a.createdAt.replace(/\.\d+Z$/, 'Z'),
    }));
    const page = pageByNextMarker(call, all, (a) => a.id, 2000);
    return { attachments: page.items, page_info: page.page_info };
  },
};

export const CCE_HANDLERS: Readonly<Record<string, Handler>> = {
  ListClusters: (call) => ({
    kind: 'ClusterList',
    apiVersion: 'v3',
    items: call.res.kubernetesClusters.map((c) => ({
      kind: 'Cluster',
      apiVersion: 'v3',
      metadata: {
        uid: c.id,
        name: c.name,
        creationTimestamp: goTime(c.createdAt),
        labels: { ...c.tags },
      },
      spec: {
        type: 'VirtualMachine',
        flavor: 'cce.s2.small',
        version: `v${c.version}`,
        hostNetwork: { vpc: c.vpcId, subnet: c.subnetIds[0] ?? '' },
        eniNetwork: { subnets: c.subnetIds.slice(1).map((subnetID) => ({ subnetID })) },
      },
      status: {
        phase: c.status === 'active' ? 'Available' : 'Creating',
        endpoints: [{ url: `https://${c.id.slice(0, 8)}.cce.internal:5443`, type: 'Internal' }],
      },
    })),
  }),
};
