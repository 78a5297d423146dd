import type { AccountContext, ProviderAdapter, RegionInfo, ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { TencentClients, tencentRequest } from './client.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { nonEmpty, tencentOperation } from './common.js';
import { guardMapper } from '../mapper-guard.js';
import { classifyError } from './errors.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { peeringConnectionFetcher } from './peering-connection.js';
import { tencentProbes } from './probes.js';
import { TENCENT_RATE_LIMITS } from './rate-limits.js';
import { publicIpFetcher } from './public-ip.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import type { TencentCredentials } from './spec.js';
import { tencentSpec } from './spec.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import type * as wire from './wire.js';
import { zoneFetcher } from './zone.js';

export type { TencentSession } from './client.js';

/** Lists the regions and, being the first signed call, verifies the key pair (DeepFlow's CheckAuth). */
const DESCRIBE_REGIONS = tencentOperation('cvm', 'DescribeRegions', true);

function defaultRegion(ctx: AccountContext): string {
  const value = ctx.options['default_region'];
  return typeof value === 'string' && value !== '' ? value : 'ap-guangzhou';
}

/** DescribeRegions → regions, with the Chinese RegionName (`华南地区(广州)`) users filter by. */
function mapRegionsUnguarded(out: wire.DescribeRegions): RegionInfo[] {
  const regions: RegionInfo[] = [];
  for (const r of out.RegionSet ?? []) {
    if (!r.Region) continue;
    regions.push({
      id: r.Region,
      localName: nonEmpty(r.RegionName),
      // Only AVAILABLE regions answer; the others are listed as disabled.
      enabled: r.RegionState === 'AVAILABLE',
    });
  }
  return regions;
}

async function connect(creds: TencentCredentials, ctx: AccountContext): Promise<TencentSession> {
  const region = defaultRegion(ctx);
  const clients = new TencentClients(ctx, {
    secretId: creds.secret_id,
    secretKey: creds.secret_key,
  });
  const out = await tencentRequest<wire.DescribeRegions>(
    ctx,
    clients,
    DESCRIBE_REGIONS,
    region,
    {},
  );
  return { defaultRegion: region, clients, regions: mapRegions(out) };
}

/** The list DescribeRegions gave while connecting (one call per account). */
function listRegions(session: TencentSession): Promise<RegionInfo[]> {
  return Promise.resolve([...session.regions]);
}

const fetchers: readonly ResourceFetcher<TencentSession>[] = [
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

export const adapter: ProviderAdapter<TencentCredentials, TencentSession> = {
  name: 'tencent',
  spec: tencentSpec,
  retries: 'ours',
  accountOperations: [DESCRIBE_REGIONS],
  connect,
  // DescribeRegions names no account; the key's APPID/UIN needs sts GetCallerIdentity, which is not called.
  accountId: () => undefined,
  listRegions,
  fetchers,
  probes: tencentProbes,
  classify: classifyError,
  rateLimits: TENCENT_RATE_LIMITS,
};

/** `mapRegionsUnguarded` behind the hostile-shape guard: a region list or a typed provider_error. */
export const mapRegions = guardMapper('tencent regions', mapRegionsUnguarded);
