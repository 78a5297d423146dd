/** Databases, caches and Virtual WAN hubs as ARM JSON. */
import type { RegionResources, World } from '../world-types-services.js';
import type { Json } from './arm-network.js';
import type { ArmIds } from './ids.js';
import { logicalZone } from './ids.js';

const ok = 'Succeeded';

function tracked(
  id: string,
  name: string,
  location: string,
  tags: Readonly<Record<string, string>> = {},
): Json {
  return { id, name, location, tags: { ...tags } };
}

/** `mysql` → MySQL flexible, `postgresql` → PostgreSQL flexible, `sqlserver` → Azure SQL servers. */
export function databases(
  res: RegionResources,
  ids: ArmIds,
  engine: 'mysql' | 'postgresql' | 'sqlserver',
): Json[] {
  const r = res.region;
  return res.rdsInstances
    .filter((db) => db.engine === engine)
    .map((db) => {
      if (engine === 'sqlserver') {
        return {
          ...tracked(ids.provider(r, 'Microsoft.Sql', 'servers', db.id), db.id, r, db.tags),
          kind: 'v12.0',
          properties: {
            version: '12.0',
            state: 'Ready',
            fullyQualifiedDomainName: `${db.id}.database.windows.net`,
          },
        };
      }
      const ns = engine === 'mysql' ? 'Microsoft.DBforMySQL' : 'Microsoft.DBforPostgreSQL';
      const host = engine === 'mysql' ? 'mysql' : 'postgres';
      const primary =
        db.clusterId === undefined
          ? undefined
          : res.rdsInstances.find((x) => x.clusterId === db.clusterId && x.role === 'primary');
      return {
        ...tracked(ids.provider(r, ns, 'flexibleServers', db.id), db.id, r, db.tags),
        sku: { name: db.instanceClass.replace(/^db\./, 'Standard_'), tier: 'GeneralPurpose' },
        systemData: { createdAt: db.createdAt },
        properties: {
          version: db.engineVersion
            .split('.')
            .slice(0, engine === 'mysql' ? 2 : 1)
            .join('.'),
          state: db.state === 'available' ? 'Ready' : 'Stopped',
          fullyQualifiedDomainName: `${db.id}.${host}.database.azure.com`,
          availabilityZone: logicalZone(db.zone),
          replicationRole: db.role === 'replica' ? 'Replica' : 'None',
          ...(db.role === 'replica' && primary !== undefined
            ? { sourceServerResourceId: ids.provider(r, ns, 'flexibleServers', primary.id) }
            : {}),
          network: {
            publicNetworkAccess: 'Disabled',
            delegatedSubnetResourceId: ids.subnet(r, db.vpcId, db.subnetId),
          },
        },
      };
    });
}

/** Redis caches; ARM reports their location by display name (`East US`), unlike most providers. */
export function redisCaches(res: RegionResources, world: World, ids: ArmIds): Json[] {
  const r = res.region;
  const display = world.regions.find((x) => x.id === r)?.localName ?? r;
  const subnets = new Map(res.subnets.map((s) => [s.id, s]));
  return res.redisCaches.map((c) => {
    const node = c.shards[0]?.nodes[0];
    const subnet = node === undefined ? undefined : subnets.get(node.subnetId);
    const premium = c.mode !== 'standalone';
    return {
      ...tracked(ids.provider(r, 'Microsoft.Cache', 'redis', c.id), c.id, display),
      ...(node === undefined ? {} : { zones: [logicalZone(node.zone)] }),
      properties: {
        provisioningState: ok,
        redisVersion: c.engineVersion.split('.')[0],
        sku: { name: premium ? 'Premium' : 'Basic', family: premium ? 'P' : 'C', capacity: 1 },
        enableNonSslPort: false,
        hostName: `${c.id}.redis.cache.windows.net`,
        port: 6379,
        sslPort: 6380,
        ...(c.mode === 'cluster' ? { shardCount: c.shards.length } : {}),
        ...(premium
          ? { replicasPerMaster: Math.max(0, (c.shards[0]?.nodes.length ?? 1) - 1) }
          : {}),
        ...(subnet === undefined || node === undefined
          ? {}
          : { subnetId: ids.subnet(r, subnet.vpcId, subnet.id), staticIP: node.privateIp }),
      },
    };
  });
}

/** AKS clusters: one system node pool in the cluster's first subnet (Azure CNI), public API server FQDN. */
export function managedClusters(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  return res.kubernetesClusters.map((k) => {
    const subnet = k.subnetIds[0];
    return {
      ...tracked(
        ids.provider(r, 'Microsoft.ContainerService', 'managedClusters', k.name),
        k.name,
        r,
        k.tags,
      ),
      systemData: { createdAt: k.createdAt },
      sku: { name: 'Base', tier: 'Standard' },
      properties: {
        provisioningState: k.status === 'active' ? ok : 'Creating',
        powerState: { code: 'Running' },
        kubernetesVersion: k.version,
        currentKubernetesVersion: k.version,
        dnsPrefix: k.name,
        fqdn: `${k.name}-${k.id}.hcp.${r}.azmk8s.io`,
        agentPoolProfiles: [
          {
            name: 'system',
            count: 3,
            vmSize: 'Standard_D4s_v5',
            mode: 'System',
            osType: 'Linux',
            ...(subnet === undefined ? {} : { vnetSubnetID: ids.subnet(r, k.vpcId, subnet) }),
          },
        ],
        networkProfile: { networkPlugin: 'azure', loadBalancerSku: 'standard' },
      },
    };
  });
}

export function virtualHubs(res: RegionResources, ids: ArmIds): Json[] {
  const r = res.region;
  return res.cloudNetworks.map((cn, i) => ({
    ...tracked(ids.network(r, 'virtualHubs', cn.id), cn.name, r, cn.tags),
    properties: {
      provisioningState: ok,
      addressPrefix: `10.${200 + (i % 50)}.0.0/23`,
      virtualWan: { id: ids.network(r, 'virtualWans', 'vwan-default') },
    },
  }));
}

export function hubConnections(res: RegionResources, ids: ArmIds, hub: string): Json[] {
  const r = res.region;
  const cn = res.cloudNetworks.find((c) => c.id === hub);
  return (cn?.attachments ?? []).map((a) => ({
    id: `${ids.network(r, 'virtualHubs', hub)}/hubVirtualNetworkConnections/${a.id}`,
    name: a.id,
    properties: { provisioningState: ok, remoteVirtualNetwork: { id: ids.vnet(r, a.vpcId) } },
  }));
}
