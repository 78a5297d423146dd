import { guardMapper } from '../mapper-guard.js';
import type { AccountContext, ProviderAdapter, RegionInfo, ResourceFetcher } from '../types.js';
import type { BaiduSession } from './client.js';
import { BaiduClient } from './client.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { baiduOperation, nonEmpty } from './common.js';
import { classifyError } from './errors.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { peeringConnectionFetcher } from './peering-connection.js';
import { baiduProbes } from './probes.js';
import { publicIpFetcher } from './public-ip.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import type { BaiduCredentials } from './spec.js';
import { BAIDU_KNOWN_REGIONS, baiduSpec } from './spec.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import type * as wire from './wire.js';
import { zoneFetcher } from './zone.js';

export type { BaiduSession } from './client.js';

/** Lists the regions and, being the first signed call, verifies the AccessKey (DeepFlow's CheckAuth). */
const DESCRIBE_REGIONS = baiduOperation('bcc', 'DescribeRegions', true);

function defaultRegion(ctx: AccountContext): string {
  const value = ctx.options['default_region'];
  return typeof value === 'string' && value !== '' ? value : 'bj';
}

const LOCAL_NAMES = new Map(BAIDU_KNOWN_REGIONS.map((r) => [r.id, r.localName]));

/**
 * describeRegions → regions. A region is an endpoint; the localized name users filter by (`北京`) is ours
 * (BCE's `regionName` reads `华北-北京`), falling back to BCE's own name for a region we do not know.
 */
function mapRegionsUnguarded(out: wire.DescribeRegions): RegionInfo[] {
  const regions: RegionInfo[] = [];
  for (const r of out.regions ?? []) {
    if (!r.regionId) continue;
    regions.push({
      id: r.regionId,
      localName: LOCAL_NAMES.get(r.regionId) ?? nonEmpty(r.regionName),
      enabled: true,
      endpoint: nonEmpty(r.regionEndpoint),
    });
  }
  return regions;
}

async function connect(creds: BaiduCredentials, ctx: AccountContext): Promise<BaiduSession> {
  const region = defaultRegion(ctx);
  const client = new BaiduClient(ctx, {
    accessKeyId: creds.access_key_id,
    secretAccessKey: creds.secret_access_key,
  });
  const out = await ctx.call(DESCRIBE_REGIONS, region, (signal) =>
    client.send<wire.DescribeRegions>(
      'bcc',
      region,
      { method: 'POST', path: '/v2/region/describeRegions', body: '{}' },
      signal,
    ),
  );
  return { defaultRegion: region, client, regions: mapRegions(out) };
}

/** The list describeRegions gave while connecting (one call per account). */
function listRegions(session: BaiduSession): Promise<RegionInfo[]> {
  return Promise.resolve([...session.regions]);
}

const fetchers: readonly ResourceFetcher<BaiduSession>[] = [
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
  peeringConnectionFetcher,
  cloudNetworkFetcher,
  kubernetesClusterFetcher,
];

export const adapter: ProviderAdapter<BaiduCredentials, BaiduSession> = {
  name: 'baidu',
  spec: baiduSpec,
  retries: 'ours',
  accountOperations: [DESCRIBE_REGIONS],
  connect,
  // No BCE API a read-only key can call names the account.
  accountId: () => undefined,
  listRegions,
  fetchers,
  probes: baiduProbes,
  classify: classifyError,
};

/** `mapRegionsUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRegions = guardMapper('baidu regions', mapRegionsUnguarded);
