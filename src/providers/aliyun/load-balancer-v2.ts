/**
 * ALB (2020-06-16) and NLB (2022-04-30): Aliyun's newer load balancers, each its own product with NextToken
 * paging. Per region: every balancer, every listener (one unfiltered listing, grouped by balancer), ALB's
 * zone mappings (GetLoadBalancerAttribute, per balancer; NLB lists them) and the servers of each distinct
 * server group a listener forwards to. Health is not part of these listings: targets report `unknown`.
 */
import { guardMapper } from '../mapper-guard.js';
import { LbListenerSchema, LbTargetSchema, LoadBalancerSchema } from '../../model/index.js';
import type {
  Availability,
  LbListener,
  LbTarget,
  LoadBalancer,
  MapContext,
} from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import type { AccountContext, Operation } from '../types.js';
import type { AliyunClients } from './client.js';
import { aliyunRequest, pagesByToken } from './client.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty, refIds } from './common.js';
import type * as wire from './wire.js';

export const ALB_LIST_LOAD_BALANCERS = aliyunOperation('alb', 'ListLoadBalancers', false);
export const ALB_GET_LOAD_BALANCER_ATTRIBUTE = aliyunOperation(
  'alb',
  'GetLoadBalancerAttribute',
  false,
);
export const ALB_LIST_LISTENERS = aliyunOperation('alb', 'ListListeners', false);
export const ALB_LIST_SERVER_GROUP_SERVERS = aliyunOperation(
  'alb',
  'ListServerGroupServers',
  false,
);
export const NLB_LIST_LOAD_BALANCERS = aliyunOperation('nlb', 'ListLoadBalancers', false);
export const NLB_LIST_LISTENERS = aliyunOperation('nlb', 'ListListeners', false);
export const NLB_LIST_SERVER_GROUP_SERVERS = aliyunOperation(
  'nlb',
  'ListServerGroupServers',
  false,
);

/** MaxResults of every ALB/NLB list call (1–100). */
export const V2_PAGE_SIZE = 100;

const V2_STATE: Readonly<Record<string, Availability>> = {
  Active: 'available',
  Provisioning: 'pending',
  Configuring: 'available',
  CreateFailed: 'error',
  Inactive: 'unknown',
};

/** The server groups a listener forwards to (ALB: its default forward action; NLB: its server group). */
export function listenerGroups(l: wire.V2Listener): string[] {
  const alb = (l.DefaultActions ?? []).flatMap((a) =>
    (a.ForwardGroupConfig?.ServerGroupTuples ?? []).map((t) => t.ServerGroupId),
  );
  return compact([...alb, l.ServerGroupId].map((g) => nonEmpty(g)));
}

function mapV2TargetUnguarded(s: wire.V2Server, ctx: MapContext): LbTarget {
  const isVm = s.ServerType?.toLowerCase() === 'ecs' && nonEmpty(s.ServerId) !== undefined;
  return {
    type: isVm ? 'vm' : s.ServerType?.toLowerCase() === 'ip' ? 'ip' : 'other',
    native_id: nonEmpty(s.ServerId) ?? s.ServerIp ?? '',
    ...defined({
      vm_id: isVm ? refId(ctx, 'vm', s.ServerId) : undefined,
      ip: nonEmpty(s.ServerIp),
      port: s.Port,
      weight: s.Weight,
    }),
    health: 'unknown',
  };
}

function mapV2ListenerUnguarded(
  l: wire.V2Listener,
  servers: ReadonlyMap<string, readonly wire.V2Server[]>,
  ctx: MapContext,
): LbListener {
  const protocol = (l.ListenerProtocol ?? '').toLowerCase();
  const port = l.ListenerPort ?? 0;
  const key = `${protocol.toUpperCase()}:${port}`;
  return {
    native_id: nonEmpty(l.ListenerId) ?? key,
    name: nonEmpty(l.ListenerDescription) ?? key,
    protocol,
    port,
    targets: listenerGroups(l).flatMap((g) =>
      (servers.get(g) ?? []).map((s) => mapV2Target(s, ctx)),
    ),
  };
}

/** An ALB or NLB; `zones` are ALB's attribute zone mappings (NLB carries them in the listing). */
function mapV2LoadBalancerUnguarded(
  raw: wire.V2LoadBalancer,
  type: 'application' | 'network',
  zones: readonly wire.V2ZoneMapping[] | undefined,
  listeners: readonly LbListener[],
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.LoadBalancerId ?? '';
  const mappings = zones ?? raw.ZoneMappings ?? [];
  const addresses = mappings.flatMap((z) => z.LoadBalancerAddresses ?? []);
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nonEmpty(raw.LoadBalancerName) ?? nativeId,
      aliyunTags({ Tag: raw.Tags ?? [] }),
      raw.CreateTime,
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VpcId)), dns_name: nonEmpty(raw.DNSName) }),
    scheme: raw.AddressType?.toLowerCase() === 'internet' ? 'internet' : 'internal',
    type,
    state: lookup(V2_STATE, raw.LoadBalancerStatus, 'unknown'),
    vips: [
      ...new Set(
        compact(
          addresses.flatMap((a) =>
            [a.IntranetAddress, a.Address, a.PrivateIPv4Address, a.PublicIPv4Address].map((ip) =>
              nonEmpty(ip),
            ),
          ),
        ),
      ),
    ],
    subnet_ids: refIds(
      ctx,
      'subnet',
      mappings.map((z) => nonEmpty(z.VSwitchId)),
    ),
    zone_ids: refIds(
      ctx,
      'zone',
      mappings.map((z) => nonEmpty(z.ZoneId)),
    ),
    listeners: [...listeners],
  };
}

interface V2Product {
  readonly type: 'application' | 'network';
  readonly list: Operation;
  readonly attribute?: Operation;
  readonly listeners: Operation;
  readonly servers: Operation;
}

export const ALB: V2Product = {
  type: 'application',
  list: ALB_LIST_LOAD_BALANCERS,
  attribute: ALB_GET_LOAD_BALANCER_ATTRIBUTE,
  listeners: ALB_LIST_LISTENERS,
  servers: ALB_LIST_SERVER_GROUP_SERVERS,
};

export const NLB: V2Product = {
  type: 'network',
  list: NLB_LIST_LOAD_BALANCERS,
  listeners: NLB_LIST_LISTENERS,
  servers: NLB_LIST_SERVER_GROUP_SERVERS,
};

/** Every item of a NextToken list (the page type names the response shape to `pagesByToken`). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- P types the SDK's untyped response
async function collect<P extends { readonly NextToken?: string }, T>(
  ctx: AccountContext,
  clients: AliyunClients,
  op: Operation,
  region: string,
  params: Record<string, string>,
  items: (page: P) => readonly T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pagesByToken<P>(
    ctx,
    clients,
    op,
    region,
    { RegionId: region, ...params },
    V2_PAGE_SIZE,
  )) {
    out.push(...(items(page) ?? []));
  }
  return out;
}

/** The region's balancers of one product, mapped, in listing order. */
export async function fetchV2LoadBalancers(
  ctx: AccountContext,
  clients: AliyunClients,
  region: string,
  product: V2Product,
  map: MapContext,
): Promise<LoadBalancer[]> {
  const [balancers, listeners] = await Promise.all([
    collect<wire.ListV2LoadBalancers, wire.V2LoadBalancer>(
      ctx,
      clients,
      product.list,
      region,
      {},
      (p) => p.LoadBalancers,
    ),
    collect<wire.ListV2Listeners, wire.V2Listener>(
      ctx,
      clients,
      product.listeners,
      region,
      {},
      (p) => p.Listeners,
    ),
  ]);
  const groups = [...new Set(listeners.flatMap(listenerGroups))];
  const attribute = product.attribute;
  const [zones, servers] = await Promise.all([
    Promise.all(
      balancers.map(async (lb) =>
        attribute === undefined || lb.LoadBalancerId === undefined
          ? undefined
          : (
              await aliyunRequest<wire.V2LoadBalancer>(ctx, clients, attribute, region, {
                RegionId: region,
                LoadBalancerId: lb.LoadBalancerId,
              })
            ).ZoneMappings,
      ),
    ),
    Promise.all(
      groups.map(
        async (g) =>
          [
            g,
            await collect<wire.ListV2ServerGroupServers, wire.V2Server>(
              ctx,
              clients,
              product.servers,
              region,
              { ServerGroupId: g },
              (p) => p.Servers,
            ),
          ] as const,
      ),
    ),
  ]);
  const serversByGroup = new Map(servers);
  return balancers.map((lb, i) =>
    mapV2LoadBalancer(
      lb,
      product.type,
      zones[i],
      listeners
        .filter((l) => l.LoadBalancerId === lb.LoadBalancerId)
        .map((l) => mapV2Listener(l, serversByGroup, map)),
      map,
    ),
  );
}

/** `mapV2TargetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapV2Target = guardMapper('aliyun v2 target', mapV2TargetUnguarded, LbTargetSchema);
/** `mapV2ListenerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapV2Listener = guardMapper(
  'aliyun v2 listener',
  mapV2ListenerUnguarded,
  LbListenerSchema,
);
/** `mapV2LoadBalancerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapV2LoadBalancer = guardMapper(
  'aliyun v2 load balancer',
  mapV2LoadBalancerUnguarded,
  LoadBalancerSchema,
);
