import { guardMapper } from '../mapper-guard.js';
import { ConfigError } from '../../errors/errors.js';
import type { AccountContext, ProviderAdapter, RegionInfo, ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { HuaweiClients, huaweiRequest } from './client.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { huaweiOperation, nonEmpty } from './common.js';
import { classifyError } from './errors.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { peeringConnectionFetcher } from './peering-connection.js';
import { huaweiProbes } from './probes.js';
import { publicIpFetcher } from './public-ip.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import type { HuaweiCredentials } from './spec.js';
import { HUAWEI_KNOWN_REGIONS, huaweiSpec } from './spec.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import type * as wire from './wire.js';
import { zoneFetcher } from './zone.js';

export type { HuaweiSession } from './client.js';

/** Lists the projects the AK/SK can use and, being the first signed call, verifies it (DeepFlow's CheckAuth). */
const LIST_PROJECTS = huaweiOperation('iam', 'KeystoneListAuthProjects', true, 'iam:projects:list');

/** IAM's global pseudo-project (OBS etc.), never a region. */
const NOT_REGIONS = new Set(['MOS']);

/**
 * Projects → regions. A region's main project is named after it (`cn-north-4`); sub-projects are
 * `<region>_<name>` and are used only when `project_id` names one. A disabled project is a disabled region.
 * Also returns the project of each region and the domain (account) id.
 */
function mapProjectsUnguarded(
  out: wire.ListAuthProjects,
  projectId: string | undefined,
): { regions: RegionInfo[]; projects: Map<string, string>; accountId: string | undefined } {
  const names = new Map(HUAWEI_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  const regions: RegionInfo[] = [];
  const projects = new Map<string, string>();
  let accountId: string | undefined;
  for (const p of out.projects ?? []) {
    const id = nonEmpty(p.id);
    const name = nonEmpty(p.name);
    if (id === undefined || name === undefined || NOT_REGIONS.has(name)) continue;
    accountId ??= nonEmpty(p.domain_id);
    const region = name.split('_')[0] ?? name;
    const wanted = projectId === undefined ? name === region : id === projectId;
    if (!wanted || projects.has(region)) continue;
    projects.set(region, id);
    regions.push({ id: region, localName: names.get(region), enabled: p.enabled !== false });
  }
  return { regions, projects, accountId };
}

interface Session extends HuaweiSession {
  readonly accountId: string | undefined;
}

async function connect(creds: HuaweiCredentials, ctx: AccountContext): Promise<Session> {
  const clients = new HuaweiClients(ctx, { ak: creds.access_key, sk: creds.secret_key });
  const empty: HuaweiSession = {
    clients,
    regions: [],
    projects: new Map(),
    regionOfProject: new Map(),
  };
  const out = await huaweiRequest<wire.ListAuthProjects>(
    { ...ctx, session: empty },
    LIST_PROJECTS,
    'global',
    '/v3/auth/projects',
  );
  const { regions, projects, accountId } = mapProjects(out, creds.project_id);
  if (creds.project_id !== undefined && projects.size === 0) {
    throw new ConfigError(
      'credentials.project_id',
      'is not a project this access key can use (IAM KeystoneListAuthProjects does not list it)',
      { provider: 'huawei' },
    );
  }
  const regionOfProject = new Map([...projects].map(([region, id]) => [id, region]));
  return { clients, regions, projects, regionOfProject, accountId };
}

/** The projects IAM gave while connecting (one call per account). */
function listRegions(session: HuaweiSession): Promise<RegionInfo[]> {
  return Promise.resolve([...session.regions]);
}

const fetchers: readonly ResourceFetcher<HuaweiSession>[] = [
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

export const adapter: ProviderAdapter<HuaweiCredentials, Session> = {
  name: 'huawei',
  spec: huaweiSpec,
  retries: 'ours',
  accountOperations: [LIST_PROJECTS],
  connect,
  // The IAM domain (account) id the projects belong to.
  accountId: (s) => s.accountId,
  listRegions,
  fetchers,
  probes: huaweiProbes,
  classify: classifyError,
};

/** `mapProjectsUnguarded` behind the hostile-shape guard: well-formed regions or a typed provider_error. */
export const mapProjects = guardMapper('huawei projects', mapProjectsUnguarded);
