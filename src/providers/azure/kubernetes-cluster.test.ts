import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../../model/index.js';
import type { MapContext } from '../../model/index.js';
import { mapKubernetesCluster } from './kubernetes-cluster.js';

const ctx: MapContext = { provider: 'azure', account: 'prod', region: 'eastus' };
const G = '/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/RG-App/providers';
const SUBNET = `${G}/Microsoft.Network/virtualNetworks/VNet-A/subnets/Nodes`;

const cluster = {
  id: `${G}/Microsoft.ContainerService/managedClusters/AKS-Prod`,
  name: 'AKS-Prod',
  location: 'eastus',
  tags: { env: 'prod' },
  systemData: { createdAt: new Date('2025-01-02T03:04:05Z') },
  provisioningState: 'Succeeded',
  powerState: { code: 'Running' as const },
  kubernetesVersion: '1.31',
  currentKubernetesVersion: '1.31.2',
  fqdn: 'aks-prod-dns-1a2b.hcp.eastus.azmk8s.io',
  agentPoolProfiles: [
    { name: 'system', vnetSubnetID: SUBNET },
    { name: 'user', vnetSubnetID: SUBNET.toUpperCase() },
  ],
};

describe('azure mapKubernetesCluster', () => {
  it('maps an AKS cluster: lower-cased ARM id, VNet and subnet from the node pools, running version, API server', () => {
    const r = mapKubernetesCluster(cluster, ctx);
    expect(KIND_SCHEMAS.kubernetes_cluster.parse(r)).toEqual(r);
    const vnet = `${G}/Microsoft.Network/virtualNetworks/VNet-A`.toLowerCase();
    expect(r).toMatchObject({
      native_id: cluster.id.toLowerCase(),
      name: 'AKS-Prod',
      region: 'eastus',
      tags: { env: 'prod' },
      created_at: '2025-01-02T03:04:05.000Z',
      state: 'available',
      vpc_id: `azure/prod/eastus/vpc/${vnet}`,
      // Both pools name the same subnet (in two spellings): one reference.
      subnet_ids: [`azure/prod/eastus/subnet/${SUBNET.toLowerCase()}`],
      version: '1.31.2',
      endpoint: 'https://aks-prod-dns-1a2b.hcp.eastus.azmk8s.io:443',
    });
  });

  it('leaves the VNet out for an AKS-managed network, uses the private FQDN of a private cluster', () => {
    const rest: Partial<typeof cluster> = { ...cluster };
    delete rest.fqdn;
    delete rest.currentKubernetesVersion;
    const r = mapKubernetesCluster(
      {
        ...(rest as typeof cluster),
        privateFqdn: 'aks-prod.privatelink.eastus.azmk8s.io',
        agentPoolProfiles: [{ name: 'system' }],
      },
      ctx,
    );
    expect(r.vpc_id).toBeUndefined();
    expect(r.subnet_ids).toEqual([]);
    expect(r.version).toBe('1.31');
    expect(r.endpoint).toBe('https://aks-prod.privatelink.eastus.azmk8s.io:443');
  });

  it('reads provisioning and power state', () => {
    const state = (provisioningState: string, code: 'Running' | 'Stopped') =>
      mapKubernetesCluster({ ...cluster, provisioningState, powerState: { code } }, ctx).state;
    expect(state('Succeeded', 'Running')).toBe('available');
    expect(state('Succeeded', 'Stopped')).toBe('unknown');
    expect(state('Creating', 'Running')).toBe('pending');
    expect(state('Deleting', 'Running')).toBe('deleting');
    expect(state('Failed', 'Running')).toBe('error');
  });
});
