import { guardMapper } from '../mapper-guard.js';
import type { AccountContext, ProviderAdapter, RegionInfo, ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { QingcloudClient, listArray } from './client.js';
import { DESCRIBE_ZONES, regionOfZone } from './common.js';
import { classifyError } from './errors.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { qingcloudProbes } from './probes.js';
import { publicIpFetcher } from './public-ip.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import type { QingcloudCredentials } from './spec.js';
import { QINGCLOUD_KNOWN_REGIONS, qingcloudSpec } from './spec.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import type * as wire from './wire.js';
import { zoneFetcher } from './zone.js';

export type { QingcloudSession } from './client.js';

const NAMES = new Map(QINGCLOUD_KNOWN_REGIONS.map((r) => [r.id, r.localName]));

/**
 * DescribeZones → regions. A region is its zones' group (DeepFlow's rule, `regionOfZone`); it is enabled when
 * one of its zones is `active`. DescribeZones names no region, so the localized name is the known one.
 */
function mapRegionsUnguarded(zones: readonly wire.Zone[]): RegionInfo[] {
  const enabled = new Map<string, boolean>();
  for (const z of zones) {
    if (!z.zone_id) continue;
    const region = regionOfZone(z.zone_id);
    enabled.set(region, (enabled.get(region) ?? false) || z.status === 'active');
  }
  return [...enabled].map(([id, on]) => ({ id, localName: NAMES.get(id), enabled: on }));
}

/** Lists the zones without a `zone` parameter; being the first signed call, it verifies the key pair. */
async function connect(
  creds: QingcloudCredentials,
  ctx: AccountContext,
): Promise<QingcloudSession> {
  const client = new QingcloudClient({
    accessKeyId: creds.access_key_id,
    secretAccessKey: creds.secret_access_key,
  });
  const zones = await listArray<wire.Zone>(
    ctx,
    client,
    DESCRIBE_ZONES,
    '',
    {},
    {
      key: 'zone_set',
      idOf: (z) => z.zone_id,
    },
  );
  return { client, regions: mapRegions(zones), zones, vxnets: new Map() };
}

function listRegions(session: QingcloudSession): Promise<RegionInfo[]> {
  return Promise.resolve([...session.regions]);
}

const fetchers: readonly ResourceFetcher<QingcloudSession>[] = [
  zoneFetcher,
  vpcFetcher,
  subnetFetcher,
  vmFetcher,
  networkInterfaceFetcher,
  publicIpFetcher,
  securityGroupFetcher,
  routeTableFetcher,
  natGatewayFetcher,
  loadBalancerFetcher,
  rdsInstanceFetcher,
  redisInstanceFetcher,
  kubernetesClusterFetcher,
];

export const adapter: ProviderAdapter<QingcloudCredentials, QingcloudSession> = {
  name: 'qingcloud',
  spec: qingcloudSpec,
  retries: 'ours',
  accountOperations: [DESCRIBE_ZONES],
  connect,
  // No listing call names the account (the key's owner needs DescribeUsers, which is not called).
  accountId: () => undefined,
  listRegions,
  fetchers,
  probes: qingcloudProbes,
  classify: classifyError,
};

/** `mapRegionsUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRegions = guardMapper('qingcloud regions', mapRegionsUnguarded);
