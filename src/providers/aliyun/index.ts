import type { AccountContext, ProviderAdapter, RegionInfo, ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { AliyunClients, aliyunRequest } from './client.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { aliyunOperation, nonEmpty } from './common.js';
import { classifyError } from './errors.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { peeringConnectionFetcher } from './peering-connection.js';
import { aliyunProbes } from './probes.js';
import { publicIpFetcher } from './public-ip.js';
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

function defaultRegion(ctx: AccountContext): string {
  const value = ctx.options['default_region'];
  return typeof value === 'string' && value !== '' ? value : 'cn-hangzhou';
}

/** DescribeRegions → regions, with the Chinese LocalName (`华南3（广州）`) users filter by. */
export function mapRegions(out: wire.DescribeRegions): RegionInfo[] {
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
  const out = await aliyunRequest<wire.DescribeRegions>(ctx, clients, DESCRIBE_REGIONS, region, {
    RegionId: region,
    AcceptLanguage: 'zh-CN',
  });
  return { defaultRegion: region, clients, regions: mapRegions(out), instanceGroups: {} };
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
];

export const adapter: ProviderAdapter<AliyunCredentials, AliyunSession> = {
  name: 'aliyun',
  spec: aliyunSpec,
  retries: 'ours',
  accountOperations: [DESCRIBE_REGIONS],
  connect,
  // DescribeRegions names no account; the AccessKey's account id needs STS, which is not called.
  accountId: () => undefined,
  listRegions,
  fetchers,
  probes: aliyunProbes,
  classify: classifyError,
};
