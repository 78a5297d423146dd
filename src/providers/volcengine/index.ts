import { guardMapper } from '../mapper-guard.js';
import type { AccountContext, ProviderAdapter, RegionInfo, ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { VolcClients } from './client.js';
import { pagesByToken } from './paging.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { volcOperation } from './common.js';
import { classifyError } from './errors.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { volcengineProbes } from './probes.js';
import { publicIpFetcher } from './public-ip.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import type { VolcengineCredentials } from './spec.js';
import { VOLCENGINE_KNOWN_REGIONS, volcengineSpec } from './spec.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import type * as wire from './wire.js';
import { zoneFetcher } from './zone.js';

export type { VolcengineSession } from './client.js';

/** Lists the regions and, being the first signed call, verifies the AccessKey (DeepFlow's CheckAuth). */
const DESCRIBE_REGIONS = volcOperation('ecs', 'DescribeRegions', true);

const REGION_MAX_RESULTS = 100;

function defaultRegion(ctx: AccountContext): string {
  const value = ctx.options['default_region'];
  return typeof value === 'string' && value !== '' ? value : 'cn-beijing';
}

const LOCAL_NAMES = new Map(VOLCENGINE_KNOWN_REGIONS.map((r) => [r.id, r.localName]));

/**
 * DescribeRegions → the regions open to the account (the API lists no others), with the Chinese names of
 * the known ones so that users can filter by them.
 */
function mapRegionsUnguarded(regions: readonly { readonly RegionId?: string }[]): RegionInfo[] {
  const out: RegionInfo[] = [];
  for (const r of regions) {
    if (!r.RegionId || out.some((o) => o.id === r.RegionId)) continue;
    out.push({ id: r.RegionId, localName: LOCAL_NAMES.get(r.RegionId), enabled: true });
  }
  return out;
}

async function connect(
  creds: VolcengineCredentials,
  ctx: AccountContext,
): Promise<VolcengineSession> {
  const region = defaultRegion(ctx);
  const clients = new VolcClients(ctx, {
    accessKeyId: creds.access_key_id,
    secretKey: creds.secret_access_key,
  });
  const listed: { RegionId?: string }[] = [];
  const pages = pagesByToken<wire.DescribeRegions>(
    ctx,
    clients,
    DESCRIBE_REGIONS,
    region,
    {},
    REGION_MAX_RESULTS,
  );
  for await (const page of pages) listed.push(...(page.Regions ?? []));
  return { defaultRegion: region, clients, regions: mapRegions(listed) };
}

/** The list DescribeRegions gave while connecting (one listing per account). */
function listRegions(session: VolcengineSession): Promise<RegionInfo[]> {
  return Promise.resolve([...session.regions]);
}

const fetchers: readonly ResourceFetcher<VolcengineSession>[] = [
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
  cloudNetworkFetcher,
  kubernetesClusterFetcher,
];

export const adapter: ProviderAdapter<VolcengineCredentials, VolcengineSession> = {
  name: 'volcengine',
  spec: volcengineSpec,
  // The SDK never retries (and its errors come back as data): our call wrapper is the one retry layer.
  retries: 'ours',
  accountOperations: [DESCRIBE_REGIONS],
  connect,
  // No API the adapter calls names the account the AccessKey belongs to.
  accountId: () => undefined,
  listRegions,
  fetchers,
  probes: volcengineProbes,
  classify: classifyError,
};

/** `mapRegionsUnguarded` behind the hostile-shape guard. */
export const mapRegions = guardMapper('volcengine regions', mapRegionsUnguarded);
