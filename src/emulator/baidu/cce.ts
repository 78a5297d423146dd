/** CCE: `GET /v2/clusters`, page-number paged (`pageNo`/`pageSize` → `clusterPage.totalCount`). */
import type { KubernetesCluster } from '../world-types-services.js';
import type { BaiduCall, Handler } from './call.js';
import { bceTime } from './call.js';
import { invalidParameter } from './errors.js';

/** The largest `pageSize` CCE accepts. */
export const CCE_MAX_PAGE_SIZE = 100;

function intParam(call: BaiduCall, name: string, fallback: number, max: number): number {
  const raw = call.params[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw invalidParameter(`${name} must be an integer from 1 to ${max}.`);
  }
  return n;
}

function renderCluster(call: BaiduCall, c: KubernetesCluster, k: number): Record<string, unknown> {
  const vpc = call.res.vpcs.find((v) => v.id === c.vpcId);
  const base = vpc?.cidr.split('/')[0]?.split('.').slice(0, 3).join('.') ?? '10.0.0';
  return {
    spec: {
      clusterID: c.id,
      clusterName: c.name,
      clusterType: 'normal',
      k8sVersion: `${c.version}.4`,
      runtimeType: 'containerd',
      vpcID: c.vpcId,
      vpcCIDR: vpc?.cidr ?? '',
      containerNetworkConfig: {
        mode: 'vpc-eni',
        lbServiceVPCSubnetID: c.subnetIds[0] ?? '',
        clusterPodCIDR: '172.16.0.0/16',
        clusterIPServiceCIDR: '172.31.0.0/16',
      },
    },
    status: {
      clusterPhase: c.status === 'active' ? 'running' : 'provisioning',
      clusterBLB: { id: '', vpcIP: `${base}.${250 - (k % 50)}`, eip: '' },
      nodeNum: 3,
    },
    createdAt: bceTime(c.createdAt),
  };
}

export const CCE_ROUTES: Readonly<Record<string, Handler>> = {
  ListClusters: (call) => {
    const pageNo = intParam(call, 'pageNo', 1, 1_000_000);
    let pageSize = intParam(call, 'pageSize', 10, CCE_MAX_PAGE_SIZE);
    if (call.pageLimit !== undefined) pageSize = Math.min(pageSize, call.pageLimit);
    // repeat_token: a page after the first serves the previous page again.
    const served = call.repeatToken && pageNo > 1 ? pageNo - 1 : pageNo;
    const all = call.res.kubernetesClusters;
    const start = (served - 1) * pageSize;
    return {
      clusterPage: {
        keywordType: '',
        keyword: '',
        orderBy: call.params['orderBy'] ?? 'clusterName',
        order: call.params['order'] ?? 'ASC',
        pageNo,
        pageSize,
        totalCount: all.length,
        clusterList: all
          .slice(start, start + pageSize)
          .map((c, i) => renderCluster(call, c, start + i)),
      },
    };
  },
};
