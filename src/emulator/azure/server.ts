/**
 * The Azure emulator: ARM REST (one path per resource provider, `api-version` required, `{value, nextLink}`
 * pages with `nextLink` based at the public ARM host, which the client's redirect rewrites) and a fake Entra ID
 * token endpoint. Every ARM request must carry a bearer token this emulator issued (token.ts).
 */
import type {
  BackendOptions,
  ProviderBackend,
  RawRequest,
  RequestInfo,
  RouteResult,
} from '../harness.js';
import type { Json } from './arm-network.js';
import * as net from './arm-network.js';
import * as data from './arm-data.js';
import * as svc from './arm-services.js';
import { armError, jsonReply, renderAadFault, renderArmFault } from './errors.js';
import { ArmIds, logicalZone } from './ids.js';
import { EMULATOR_SUBSCRIPTION_ID, EMULATOR_TENANT_ID } from './shape.js';
import { routeMetadata, routeToken } from './login.js';
import { verifyBearer } from './token.js';

export const AZURE_SERVICES = ['management', 'login'] as const;
export const ARM_BASE = 'https://management.azure.com';
const AUDIENCE = ARM_BASE;
/** ARM returns at most this many items per page of these lists (nextLink beyond). */
export const ARM_PAGE_SIZE = 1000;

type Render = (o: { region: string; status: boolean }) => Json[];

/** Subscription-wide lists: `providers/<namespace>/<type>` → our operation name. */
export const ARM_LISTS: Readonly<Record<string, string>> = {
  'microsoft.network/virtualnetworks': 'virtualNetworks.listAll',
  'microsoft.network/networkinterfaces': 'networkInterfaces.listAll',
  'microsoft.network/publicipaddresses': 'publicIPAddresses.listAll',
  'microsoft.network/networksecuritygroups': 'networkSecurityGroups.listAll',
  'microsoft.network/routetables': 'routeTables.listAll',
  'microsoft.network/natgateways': 'natGateways.listAll',
  'microsoft.network/loadbalancers': 'loadBalancers.listAll',
  'microsoft.network/applicationgateways': 'applicationGateways.listAll',
  'microsoft.network/virtualhubs': 'virtualHubs.list',
  'microsoft.compute/virtualmachines': 'virtualMachines.listAll',
  'microsoft.cache/redis': 'redis.listBySubscription',
  'microsoft.containerservice/managedclusters': 'managedClusters.list',
  'microsoft.sql/servers': 'sqlServers.list',
  'microsoft.dbformysql/flexibleservers': 'mysqlFlexibleServers.list',
  'microsoft.dbforpostgresql/flexibleservers': 'postgresFlexibleServers.listBySubscription',
};

export function createAzureBackend(opts: BackendOptions): ProviderBackend {
  const { world, credentials, clock } = opts;
  const ids = new ArmIds(world, EMULATOR_SUBSCRIPTION_ID);
  const key = `emulator-signing-key:${credentials.secretAccessKey}`;
  const pageSize = Math.min(ARM_PAGE_SIZE, opts.pageLimit ?? ARM_PAGE_SIZE);
  const enabled = world.regions.filter((r) => r.enabled).map((r) => r.id);
  let requestN = 0;

  const renderers: Readonly<Record<string, Render>> = {
    'virtualNetworks.listAll': ({ region }) =>
      net.virtualNetworks(world.resources(region), world, ids),
    'networkInterfaces.listAll': ({ region }) =>
      net.networkInterfaces(world.resources(region), ids),
    'publicIPAddresses.listAll': ({ region }) =>
      net.publicIpAddresses(world.resources(region), ids),
    'networkSecurityGroups.listAll': ({ region }) =>
      net.networkSecurityGroups(world.resources(region), ids),
    'routeTables.listAll': ({ region }) => net.routeTables(world.resources(region), ids),
    'natGateways.listAll': ({ region }) => net.natGateways(world.resources(region), ids),
    'loadBalancers.listAll': ({ region }) => svc.loadBalancers(world.resources(region), ids),
    'applicationGateways.listAll': ({ region }) =>
      svc.applicationGateways(world.resources(region), ids),
    'virtualHubs.list': ({ region }) => data.virtualHubs(world.resources(region), ids),
    'virtualMachines.listAll': ({ region, status }) =>
      svc.virtualMachines(world.resources(region), ids, status),
    'managedClusters.list': ({ region }) => data.managedClusters(world.resources(region), ids),
    'redis.listBySubscription': ({ region }) =>
      data.redisCaches(world.resources(region), world, ids),
    'sqlServers.list': ({ region }) => data.databases(world.resources(region), ids, 'sqlserver'),
    'mysqlFlexibleServers.list': ({ region }) =>
      data.databases(world.resources(region), ids, 'mysql'),
    'postgresFlexibleServers.listBySubscription': ({ region }) =>
      data.databases(world.resources(region), ids, 'postgresql'),
  };
  const cache = new Map<string, Json[]>();
  const collection = (op: string, status: boolean): Json[] => {
    const k = `${op}:${status}`;
    let items = cache.get(k);
    if (items === undefined) {
      const render = renderers[op];
      items = render === undefined ? [] : enabled.flatMap((region) => render({ region, status }));
      cache.set(k, items);
    }
    return items;
  };

  const locations = (): Json[] => [
    ...world.regions
      .filter((r) => r.enabled)
      .map((r) => ({
        id: `/subscriptions/${ids.subscription}/locations/${r.id}`,
        name: r.id,
        type: 'Region',
        displayName: r.localName ?? r.id,
        regionalDisplayName: `(Region) ${r.localName ?? r.id}`,
        metadata: { regionType: 'Physical', regionCategory: 'Recommended' },
        availabilityZoneMappings: world.resources(r.id).zones.map((z) => ({
          logicalZone: logicalZone(z.id),
          physicalZone: `${r.id}-az${logicalZone(z.id)}`,
        })),
      })),
    {
      id: `/subscriptions/${ids.subscription}/locations/global`,
      name: 'global',
      displayName: 'Global',
      metadata: { regionType: 'Logical' },
    },
  ];

  const subscription = (): Json => ({
    id: `/subscriptions/${ids.subscription}`,
    subscriptionId: ids.subscription,
    tenantId: EMULATOR_TENANT_ID,
    displayName: 'Emulated subscription',
    state: 'Enabled',
  });

  /** One page of `items` at `$skipToken`; nextLink is on the public ARM host. */
  const paged = (
    path: string,
    query: URLSearchParams,
    items: readonly Json[],
    requestId: string,
    size = pageSize,
  ) => {
    const start = Number(query.get('$skipToken') ?? '0');
    return (repeatToken: boolean) => {
      const from = Number.isInteger(start) && start >= 0 ? start : 0;
      const end = from + size;
      const next = new URLSearchParams(query);
      next.set('$skipToken', String(repeatToken ? from : end));
      const nextLink =
        end < items.length || repeatToken ? `${ARM_BASE}${path}?${next.toString()}` : undefined;
      return jsonReply(
        { value: items.slice(from, end), ...(nextLink === undefined ? {} : { nextLink }) },
        requestId,
      );
    };
  };

  const route = (req: RawRequest): RouteResult => {
    const requestId = `00000000-0000-4000-8000-${String(++requestN).padStart(12, '0')}`;
    if (req.path.endsWith('/oauth2/v2.0/token'))
      return routeToken(req, { credentials, clock, key });
    if (req.path.endsWith('/v2.0/.well-known/openid-configuration')) return routeMetadata(req);
    const query = new URLSearchParams(req.query);
    const segs = req.path.split('/').filter((s) => s !== '');
    const lower = segs.map((s) => s.toLowerCase());
    let op = 'unknown';
    let region = 'global';
    let items: (() => Json[]) | undefined;
    let single: Json | undefined;
    if (lower.length === 1 && lower[0] === 'subscriptions') {
      op = 'subscriptions.list';
      items = () => [subscription()];
    } else if (lower[0] === 'subscriptions' && lower.length === 2) {
      op = 'subscriptions.get';
    } else if (lower[0] === 'subscriptions' && lower[2] === 'locations' && lower.length === 3) {
      op = 'subscriptions.listLocations';
      items = locations;
    } else if (lower[0] === 'subscriptions' && lower[2] === 'providers' && lower.length === 5) {
      op = ARM_LISTS[`${lower[3]}/${lower[4]}`] ?? 'unknown';
      const status = query.get('statusOnly') === 'true';
      items = () => collection(op, status);
    } else if (
      lower[0] === 'subscriptions' &&
      lower[2] === 'resourcegroups' &&
      lower[6] === 'virtualhubs' &&
      lower[8] === 'hubvirtualnetworkconnections'
    ) {
      op = 'hubVirtualNetworkConnections.list';
      region = (segs[3] ?? '').replace(/^rg-/i, '');
      const hub = segs[7] ?? '';
      items = () =>
        enabled.includes(region) ? data.hubConnections(world.resources(region), ids, hub) : [];
    }
    const info: RequestInfo = {
      service: 'management',
      op,
      region,
      params: Object.fromEntries(query),
    };
    const reject = (status: number, code: string, message: string): RouteResult => ({
      kind: 'rejected',
      info,
      reply: armError(status, code, message, requestId),
    });
    const auth = verifyBearer(
      req.headers['authorization'],
      key,
      AUDIENCE,
      EMULATOR_TENANT_ID,
      clock.now(),
    );
    if (!auth.ok) {
      return reject(
        401,
        auth.code,
        auth.code === 'ExpiredAuthenticationToken'
          ? 'The access token expiry UTC time is earlier than current UTC time.'
          : "Authentication failed. The 'Authorization' header is missing or invalid.",
      );
    }
    if (op === 'unknown')
      return reject(
        404,
        'InvalidResourceType',
        `The resource type could not be found (${req.path}).`,
      );
    if (!query.get('api-version'))
      return reject(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
    const sub = lower[1];
    if (sub !== undefined && sub !== ids.subscription.toLowerCase()) {
      return reject(
        404,
        'SubscriptionNotFound',
        `The subscription '${segs[1] ?? ''}' could not be found.`,
      );
    }
    if (op === 'subscriptions.get') single = subscription();
    const respond =
      single !== undefined
        ? () => jsonReply(single, requestId)
        : paged(
            req.path,
            query,
            items?.() ?? [],
            requestId,
            // ARM answers the locations of a subscription in one response (the API is not pageable).
            op === 'subscriptions.listLocations' ? Number.MAX_SAFE_INTEGER : pageSize,
          );
    return {
      kind: 'routed',
      request: {
        ...info,
        hasPageToken: query.has('$skipToken'),
        respond: ({ repeatToken }) => respond(repeatToken),
      },
    };
  };

  return {
    provider: 'azure',
    route,
    renderFault: (kind, req) =>
      req.service === 'login'
        ? renderAadFault(kind)
        : renderArmFault(kind, req.op, `fault-${++requestN}`),
    malformed: () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"value": [{"id": ',
    }),
  };
}
