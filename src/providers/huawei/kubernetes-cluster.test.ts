import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { cceTime, mapKubernetesCluster } from './kubernetes-cluster.js';

const ctx: MapContext = { provider: 'huawei', account: 'prod', region: 'cn-north-4' };
const ref = (kind: string, id: string) => `huawei/prod/cn-north-4/${kind}/${id}`;

describe('huawei/kubernetes-cluster', () => {
  it('maps a CCE cluster with its VPC, subnets, version and internal endpoint', () => {
    const c = KIND_SCHEMAS.kubernetes_cluster.parse(
      mapKubernetesCluster(
        {
          metadata: {
            uid: 'c-1',
            name: 'prod',
            creationTimestamp: '2026-01-02 03:04:05.123456 +0000 UTC',
          },
          spec: { version: 'v1.29', hostNetwork: { vpc: 'v-1', subnet: 's-1' } },
          status: {
            phase: 'Available',
            endpoints: [
              { url: 'https://1.2.3.4:5443', type: 'External' },
              { url: 'https://10.0.0.5:5443', type: 'Internal' },
            ],
          },
        },
        ctx,
      ),
    );
    expect(c).toMatchObject({
      state: 'available',
      vpc_id: ref('vpc', 'v-1'),
      subnet_ids: [ref('subnet', 's-1')],
      version: 'v1.29',
      endpoint: 'https://10.0.0.5:5443',
      created_at: '2026-01-02T03:04:05.123Z',
    });
    expect(cceTime('2026-01-02 03:04:05 +0000 UTC')).toBe('2026-01-02T03:04:05Z');
  });
});
