import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../model/index.js';
import { KIND_SCHEMAS } from '../../model/index.js';
import { mapCluster } from './kubernetes-cluster.js';

const ctx: MapContext = { provider: 'volcengine', account: 'prod', region: 'cn-beijing' };

describe('volcengine/kubernetes-cluster', () => {
  it('maps a VKE cluster with its VPC, subnets, version and API endpoint', () => {
    const c = KIND_SCHEMAS.kubernetes_cluster.parse(
      mapCluster(
        {
          Id: 'cc1',
          Name: 'prod',
          Status: { Phase: 'Running' },
          KubernetesVersion: 'v1.28.3-vke.1',
          ClusterConfig: {
            VpcId: 'vpc-1',
            SubnetIds: ['subnet-1'],
            ApiServerEndpoints: { PrivateIp: { Ipv4: '10.0.0.2' }, PublicIp: { Ipv4: '' } },
          },
        },
        ctx,
      ),
    );
    expect(c).toMatchObject({
      state: 'available',
      version: 'v1.28.3-vke.1',
      endpoint: 'https://10.0.0.2:6443',
      vpc_id: 'volcengine/prod/cn-beijing/vpc/vpc-1',
      subnet_ids: ['volcengine/prod/cn-beijing/subnet/subnet-1'],
    });
  });

  it('omits the endpoint when the API server has no address', () => {
    const c = mapCluster({ Id: 'cc2', Status: { Phase: 'Creating' } }, ctx);
    expect(c).toMatchObject({ state: 'pending', subnet_ids: [] });
    expect(c).not.toHaveProperty('endpoint');
  });
});
