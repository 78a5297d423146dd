import { guardMapper } from '../mapper-guard.js';
import { DeepflowCloudError } from '../../errors/errors.js';
import type { AccountContext, ProviderAdapter, RegionInfo, ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { AliyunClients, aliyunRequest } from './client.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { aliyunOperation, nonEmpty } from './common.js';
import { classifyError } from './errors.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { peeringConnectionFetcher } from './peering-connection.js';
import { aliyunProbes } from './probes.js';
import { publicIpFetcher } from './public-ip.js';
import { ALIYUN_RATE_LIMITS } from './rate-limits.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import type { AliyunCredentials } from './spec.js';
import { aliyunSpec } from './spec.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import type * as wire from './wire.js';
import { zoneFetcher } from './zone.js';

export type { AliyunSession } from './client.js';

/** Lists the regions and, being the first signed call, verifies the AccessKey (DeepFlow's CheckAuth). */
const DESCRIBE_REGIONS = aliyunOperation('ecs', 'DescribeRegions', true);
/**
 * The account the AccessKey belongs to, asked beside DescribeRegions. STS needs no RAM grant for it, but it
 * is not in DeepFlow's required table either: optional, and a denial only leaves the account id unknown.
 */
const GET_CALLER_IDENTITY = aliyunOperation('sts', 'GetCallerIdentity', false);

async function callerAccountId(
  ctx: AccountContext,
  clients: AliyunClients,
  region: string,
): Promise<string | undefined> {
  try {
    const out = await aliyunRequest<wire.GetCallerIdentity>(
      ctx,
      clients,
      GET_CALLER_IDENTITY,
      region,
      {},
    );
    return nonEmpty(out.AccountId);
  } catch (e) {
    if (!(e instanceof DeepflowCloudError) || e.kind !== 'permission_denied') throw e;
    ctx.log.warn('sts:GetCallerIdentity denied; the account id stays unknown', {
      error: e.message,
    });
    return undefined;
  }
}

function defaultRegion(ctx: AccountContext): string {
  const value = ctx.options['default_region'];
  return typeof value === 'string' && value !== '' ? value : 'cn-hangzhou';
}

/** DescribeRegions → regions, with the Chinese LocalName (`华南3（广州）`) users filter by. */
function mapRegionsUnguarded(out: wire.DescribeRegions): RegionInfo[] {
  const regions: RegionInfo[] = [];
  for (const r of out.Regions?.Region ?? []) {
    if (!r.RegionId) continue;
    regions.push({
      id: r.RegionId,
      localName: nonEmpty(r.LocalName),
      // `soldOut`: the region is closed to the account (no service answers there); listed as disabled.
      enabled: r.Status !== 'soldOut',
      endpoint: nonEmpty(r.RegionEndpoint),
    });
  }
  return regions;
}

async function connect(creds: AliyunCredentials, ctx: AccountContext): Promise<AliyunSession> {
  const region = defaultRegion(ctx);
  const clients = new AliyunClients(ctx, {
    accessKeyId: creds.access_key_id,
    accessKeySecret: creds.access_key_secret,
  });
  const [out, accountId] = await Promise.all([
    aliyunRequest<wire.DescribeRegions>(ctx, clients, DESCRIBE_REGIONS, region, {
      RegionId: region,
      AcceptLanguage: 'zh-CN',
    }),
    callerAccountId(ctx, clients, region),
  ]);
  return {
    defaultRegion: region,
    accountId,
    clients,
    regions: mapRegions(out),
    instanceGroups: {},
  };
}

/** The list DescribeRegions gave while connecting (one call per account). */
function listRegions(session: AliyunSession): Promise<RegionInfo[]> {
  return Promise.resolve([...session.regions]);
}

const fetchers: readonly ResourceFetcher<AliyunSession>[] = [
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

export const adapter: ProviderAdapter<AliyunCredentials, AliyunSession> = {
  name: 'aliyun',
  spec: aliyunSpec,
  retries: 'ours',
  accountOperations: [GET_CALLER_IDENTITY, DESCRIBE_REGIONS],
  connect,
  // DescribeRegions names no account; the AccessKey's account id needs STS, which is not called.
  accountId: (session) => session.accountId,
  listRegions,
  fetchers,
  probes: aliyunProbes,
  classify: classifyError,
  rateLimits: ALIYUN_RATE_LIMITS,
};

/** `mapRegionsUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapRegions = guardMapper('aliyun regions', mapRegionsUnguarded);
