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
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { ResourceFetcher } from '../types.js';
import type { HuaweiSession } from './client.js';
import { baseFields, defined, huaweiOperation, keyValueTags, nonEmpty, zoneRef } from './common.js';
import { listByNextMarker } from './paging.js';
import type * as wire from './wire.js';

const LIST_LOAD_BALANCERS = huaweiOperation(
  'elb',
  'ListLoadBalancers',
  false,
  'elb:loadbalancers:list',
);
const LIST_LISTENERS = huaweiOperation('elb', 'ListListeners', false, 'elb:listeners:list');
const LIST_MEMBERS = huaweiOperation('elb', 'ListMembers', false, 'elb:members:list');

/** ELB v3 lists at most 2000 per page. */
export const ELB_PAGE_SIZE = 2000;

const LB_STATE: Readonly<Record<string, Availability>> = {
  ACTIVE: 'available',
  PENDING_CREATE: 'pending',
  PENDING_UPDATE: 'pending',
  PENDING_DELETE: 'deleting',
  ERROR: 'error',
};

const HEALTH: Readonly<Record<string, LbTarget['health']>> = {
  ONLINE: 'healthy',
  OFFLINE: 'unhealthy',
  NO_MONITOR: 'unknown',
};

function mapMemberUnguarded(raw: wire.Member, ctx: MapContext): LbTarget {
  const vm = nonEmpty(raw.instance_id);
  return {
    type: vm === undefined ? 'ip' : 'vm',
    native_id: raw.id ?? '',
    ...defined({
      vm_id: refId(ctx, 'vm', vm),
      ip: nonEmpty(raw.address),
      port: raw.protocol_port,
    }),
    health: lookup(HEALTH, raw.operating_status, 'unknown'),
    ...defined({ weight: raw.weight }),
  };
}

function mapListenerUnguarded(
  raw: wire.Listener,
  members: readonly wire.Member[],
  ctx: MapContext,
): LbListener {
  const id = raw.id ?? '';
  return {
    native_id: id,
    name: nonEmpty(raw.name) ?? id,
    // `HTTPS`, `QUIC`, `TCP`, `UDP`, `HTTP`, `TLS`, `IP` (gateway LB).
    protocol: (raw.protocol ?? '').toLowerCase(),
    port: raw.protocol_port ?? 0,
    targets: members.map((m) => mapMember(m, ctx)),
  };
}

/**
 * A dedicated (v3) load balancer: `internet` when it has a public IP; `application` with a layer-7 flavor,
 * else `network`. The listeners come with their default pool's members.
 */
function mapLoadBalancerUnguarded(
  raw: wire.LoadBalancer,
  listeners: readonly LbListener[],
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.id ?? '';
  const publicIps = (raw.publicips ?? []).map((p) => p.publicip_address);
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      keyValueTags(raw.tags),
      raw.created_at,
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', nonEmpty(raw.vpc_id)) }),
    scheme: compact(publicIps).length > 0 ? 'internet' : 'internal',
    type: nonEmpty(raw.l7_flavor_id) !== undefined ? 'application' : 'network',
    state: lookup(LB_STATE, raw.provisioning_status, 'unknown'),
    vips: compact([raw.vip_address, ...publicIps]),
    subnet_ids: compact([refId(ctx, 'subnet', nonEmpty(raw.vip_subnet_cidr_id))]),
    zone_ids: compact((raw.availability_zone_list ?? []).map((z) => zoneRef(ctx, z))),
    listeners: [...listeners],
  };
}

export const loadBalancerFetcher: ResourceFetcher<HuaweiSession> = {
  kind: 'load_balancer',
  scope: 'regional',
  operations: [LIST_LOAD_BALANCERS, LIST_LISTENERS, LIST_MEMBERS],
  async *fetch(ctx) {
    const page = { limit: ELB_PAGE_SIZE };
    const lbs: wire.LoadBalancer[] = [];
    for await (const lb of listByNextMarker<wire.ListLoadBalancers, wire.LoadBalancer>(
      ctx,
      LIST_LOAD_BALANCERS,
      ctx.region,
      '/v3/{project_id}/elb/loadbalancers',
      {},
      { ...page, items: (p) => p.loadbalancers },
    )) {
      if (nonEmpty(lb.id) !== undefined) lbs.push(lb);
    }
    if (lbs.length === 0) return;
    const listeners: wire.Listener[] = [];
    for await (const raw of listByNextMarker<wire.ListListeners, wire.Listener>(
      ctx,
      LIST_LISTENERS,
      ctx.region,
      '/v3/{project_id}/elb/listeners',
      {},
      { ...page, items: (p) => p.listeners },
    )) {
      listeners.push(raw);
    }
    // The members of each listener's default pool, pools concurrently, in order.
    const mapped = mapInOrder(listeners, async (raw) => {
      const pool = nonEmpty(raw.default_pool_id);
      const members =
        pool === undefined
          ? []
          : await collect(
              listByNextMarker<wire.ListMembers, wire.Member>(
                ctx,
                LIST_MEMBERS,
                ctx.region,
                `/v3/{project_id}/elb/pools/${encodeURIComponent(pool)}/members`,
                {},
                { ...page, items: (p) => p.members },
              ),
            );
      return { raw, listener: mapListener(raw, members, ctx.map) };
    });
    const listenersOf = new Map<string, LbListener[]>();
    for await (const { raw, listener } of mapped) {
      for (const ref of raw.loadbalancers ?? []) {
        if (ref.id === undefined) continue;
        const list = listenersOf.get(ref.id) ?? [];
        list.push(listener);
        listenersOf.set(ref.id, list);
      }
    }
    for (const raw of lbs) {
      const listeners = listenersOf.get(raw.id ?? '') ?? [];
      yield { kind: 'load_balancer', record: mapLoadBalancer(raw, listeners, ctx.map) };
    }
  },
};

/** `mapMemberUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapMember = guardMapper('huawei member', mapMemberUnguarded, LbTargetSchema);
/** `mapListenerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapListener = guardMapper('huawei listener', mapListenerUnguarded, LbListenerSchema);
/** `mapLoadBalancerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapLoadBalancer = guardMapper(
  'huawei load balancer',
  mapLoadBalancerUnguarded,
  LoadBalancerSchema,
);
