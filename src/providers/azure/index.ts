import { ConfigError } from '../../errors/errors.js';
import type { AccountContext, ProviderAdapter, RegionInfo, ResourceFetcher } from '../types.js';
import { AzureClients, hostsOf } from './client.js';
import type { AzureSession } from './pages.js';
import { listAll, listPages } from './pages.js';
import { cloudNetworkFetcher } from './cloud-network.js';
import { azureOperation } from './common.js';
import { credentialFor } from './credential.js';
import { classifyError } from './errors.js';
import { kubernetesClusterFetcher } from './kubernetes-cluster.js';
import { loadBalancerFetcher } from './load-balancer.js';
import { natGatewayFetcher } from './nat-gateway.js';
import { networkInterfaceFetcher } from './network-interface.js';
import { peeringConnectionFetcher } from './peering-connection.js';
import { azureProbes } from './probes.js';
import { publicIpFetcher } from './public-ip.js';
import { rdsInstanceFetcher } from './rds-instance.js';
import { redisInstanceFetcher } from './redis-instance.js';
import { routeTableFetcher } from './route-table.js';
import { securityGroupFetcher } from './security-group.js';
import type { AzureCredentials } from './spec.js';
import { azureSpec } from './spec.js';
import { subnetFetcher } from './subnet.js';
import { vmFetcher } from './vm.js';
import { vpcFetcher } from './vpc.js';
import type * as wire from './wire.js';
import { mapLocations, zoneFetcher } from './zone.js';

export type { AzureSession } from './pages.js';

/**
 * With `subscription_id`: reads that subscription (and, being the first call, proves the credential). Only one
 * of get / list is made, depending on the account's config, so neither is marked required: either one failing
 * fails the whole account in `connect` anyway.
 */
const GET_SUBSCRIPTION = azureOperation(
  'subscriptions.get',
  'Microsoft.Resources/subscriptions/read',
  false,
);
/** Without `subscription_id`: every subscription the principal has a role on. */
const LIST_SUBSCRIPTIONS = azureOperation(
  'subscriptions.list',
  'Microsoft.Resources/subscriptions/read',
  false,
);
const LIST_LOCATIONS = azureOperation(
  'subscriptions.listLocations',
  'Microsoft.Resources/subscriptions/locations/read',
  true,
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Subscriptions in these states serve no reads. */
const INACTIVE = new Set(['Disabled', 'Deleted']);

async function subscriptionsOf(
  creds: AzureCredentials,
  ctx: AccountContext,
  clients: AzureClients,
): Promise<string[]> {
  const sub = creds.subscription_id;
  if (sub !== undefined) {
    if (!UUID.test(sub)) {
      throw new ConfigError('credentials.subscription_id', 'must be a subscription id (a UUID)');
    }
    const got = await ctx.call(GET_SUBSCRIPTION, 'global', (signal) =>
      clients.subscriptions().subscriptions.get(sub, { abortSignal: signal }),
    );
    return [got.subscriptionId ?? sub];
  }
  const all = await listAll<wire.Subscription>(
    ctx,
    [''],
    LIST_SUBSCRIPTIONS,
    'global',
    () => clients.subscriptions().subscriptions.list({ abortSignal: ctx.signal }),
    clients.tokens.subscriptions,
  );
  return all.flatMap((s) =>
    s.subscriptionId && !INACTIVE.has(s.state ?? '') ? [s.subscriptionId] : [],
  );
}

async function connect(creds: AzureCredentials, ctx: AccountContext): Promise<AzureSession> {
  const hosts = hostsOf(ctx);
  const credential = credentialFor(creds, hosts.login, () => ctx.clock.now());
  const clients = new AzureClients(ctx, hosts, credential);
  const subscriptionIds = await subscriptionsOf(creds, ctx, clients);
  // Locations are the same for every subscription of a tenant: the first one's list is used.
  const first = subscriptionIds[0];
  const locations: wire.Location[] = [];
  if (first !== undefined) {
    const pages = listPages(
      ctx,
      LIST_LOCATIONS,
      'global',
      () => clients.subscriptions().subscriptions.listLocations(first, { abortSignal: ctx.signal }),
      clients.tokens.subscriptions,
    );
    for await (const page of pages) locations.push(...page);
  } else {
    ctx.log.warn('the principal sees no enabled subscription: nothing to sync');
  }
  return {
    subscriptionIds,
    accountId: creds.subscription_id,
    locations: mapLocations(locations),
    clients,
    shared: new Map(),
  };
}

/** The locations `connect` listed (one call per account). */
function listRegions(session: AzureSession): Promise<RegionInfo[]> {
  return Promise.resolve(
    session.locations.map(({ id, localName, enabled }) => ({ id, localName, enabled })),
  );
}

const fetchers: readonly ResourceFetcher<AzureSession>[] = [
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

export const adapter: ProviderAdapter<AzureCredentials, AzureSession> = {
  name: 'azure',
  spec: azureSpec,
  // The Azure SDK retries itself (configured from our policy in client.ts); our call wrapper does not.
  retries: 'sdk',
  accountOperations: [GET_SUBSCRIPTION, LIST_SUBSCRIPTIONS, LIST_LOCATIONS],
  connect,
  accountId: (session) => session.accountId,
  listRegions,
  fetchers,
  probes: azureProbes,
  classify: classifyError,
};
