import { guardMapper } from '../mapper-guard.js';
import { LoadBalancerSchema } from '../../model/index.js';
import type {
  Availability,
  LbListener,
  LbTarget,
  LoadBalancer,
  MapContext,
} from '../../model/index.js';
import { compact, lookup, normalizeProtocol, refId } from '../../model/index.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { VolcengineSession } from './client.js';
import { volcRequest } from './client.js';
import { listByPageNumber } from './paging.js';
import {
  baseFields,
  defined,
  nonEmpty,
  refIds,
  volcOperation,
  volcTags,
  zoneRef,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_LOAD_BALANCERS = volcOperation('clb', 'DescribeLoadBalancers', false);
const DESCRIBE_LISTENERS = volcOperation('clb', 'DescribeListeners', false);
const DESCRIBE_SERVER_GROUP_ATTRIBUTES = volcOperation(
  'clb',
  'DescribeServerGroupAttributes',
  false,
);

const CLB_PAGE_SIZE = 100;

const LB_STATE: Readonly<Record<string, Availability>> = {
  Active: 'available',
  Creating: 'pending',
  Provisioning: 'pending',
  Configuring: 'pending',
  Deleting: 'deleting',
  CreateFailed: 'error',
  Inactive: 'unknown',
};

/** The backend servers of one listener's server group. */
export interface ListenerWithServers {
  readonly listener: wire.Listener;
  readonly servers: readonly wire.Server[];
}

function mapTarget(s: wire.Server, ctx: MapContext): LbTarget {
  const isVm = s.Type === 'ecs' && nonEmpty(s.InstanceId) !== undefined;
  return {
    type: isVm ? 'vm' : 'ip',
    native_id: nonEmpty(s.ServerId) ?? nonEmpty(s.InstanceId) ?? s.Ip ?? '',
    health: 'unknown',
    ...defined({
      vm_id: isVm ? refId(ctx, 'vm', s.InstanceId) : undefined,
      ip: nonEmpty(s.Ip),
      port: s.Port,
      weight: s.Weight,
    }),
  };
}

function mapListener(l: ListenerWithServers, ctx: MapContext): LbListener {
  const id = l.listener.ListenerId ?? '';
  return {
    native_id: id,
    name: nonEmpty(l.listener.ListenerName) ?? id,
    protocol: normalizeProtocol(l.listener.Protocol),
    port: l.listener.Port ?? 0,
    targets: l.servers.map((s) => mapTarget(s, ctx)),
  };
}

/** A CLB instance: `public` balancers answer on their EIP, every one on its ENI address in the subnet. */
function mapLoadBalancerUnguarded(
  raw: wire.LoadBalancer,
  listeners: readonly ListenerWithServers[],
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.LoadBalancerId ?? '';
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nonEmpty(raw.LoadBalancerName) ?? nativeId,
      volcTags(raw.Tags),
      raw.CreateTime,
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', raw.VpcId) }),
    scheme: raw.Type === 'public' ? 'internet' : 'internal',
    type: 'classic',
    state: lookup(LB_STATE, raw.Status, 'unknown'),
    vips: compact([raw.EniAddress, raw.EipAddress]),
    subnet_ids: refIds(ctx, 'subnet', [raw.SubnetId]),
    zone_ids: compact([zoneRef(ctx, raw.MasterZoneId), zoneRef(ctx, raw.SlaveZoneId)]),
    listeners: listeners.map((l) => mapListener(l, ctx)),
  };
}

type Ctx = FetchContext<VolcengineSession>;

/** One balancer's listeners, each with its server group's servers (one call per distinct group). */
async function listenersOf(ctx: Ctx, lb: wire.LoadBalancer): Promise<ListenerWithServers[]> {
  const { clients } = ctx.session;
  const listeners = await collect(
    listByPageNumber<wire.DescribeListeners, wire.Listener>(
      ctx,
      clients,
      DESCRIBE_LISTENERS,
      ctx.region,
      { LoadBalancerId: lb.LoadBalancerId ?? '' },
      {
        pageSize: CLB_PAGE_SIZE,
        items: (p) => p.Listeners,
        total: (p) => p.TotalCount,
        idOf: (l) => l.ListenerId,
      },
    ),
  );
  const groups = [...new Set(compact(listeners.map((l) => l.ServerGroupId)))];
  const servers = new Map<string, readonly wire.Server[]>();
  for await (const [id, list] of mapInOrder(groups, async (id) => {
    const out = await volcRequest<wire.DescribeServerGroupAttributes>(
      ctx,
      clients,
      DESCRIBE_SERVER_GROUP_ATTRIBUTES,
      ctx.region,
      { ServerGroupId: id },
    );
    return [id, out.Servers ?? []] as const;
  })) {
    servers.set(id, list);
  }
  return listeners.map((listener) => ({
    listener,
    servers: servers.get(listener.ServerGroupId ?? '') ?? [],
  }));
}

export const loadBalancerFetcher: ResourceFetcher<VolcengineSession> = {
  kind: 'load_balancer',
  scope: 'regional',
  operations: [DESCRIBE_LOAD_BALANCERS, DESCRIBE_LISTENERS, DESCRIBE_SERVER_GROUP_ATTRIBUTES],
  async *fetch(ctx) {
    const lbs = (
      await collect(
        listByPageNumber<wire.DescribeLoadBalancers, wire.LoadBalancer>(
          ctx,
          ctx.session.clients,
          DESCRIBE_LOAD_BALANCERS,
          ctx.region,
          {},
          {
            pageSize: CLB_PAGE_SIZE,
            items: (p) => p.LoadBalancers,
            total: (p) => p.TotalCount,
            idOf: (lb) => lb.LoadBalancerId,
          },
        ),
      )
    ).filter((lb) => lb.LoadBalancerId);
    const records = mapInOrder(lbs, async (lb) =>
      mapLoadBalancer(lb, await listenersOf(ctx, lb), ctx.map),
    );
    for await (const record of records) yield { kind: 'load_balancer', record };
  },
};

/** `mapLoadBalancerUnguarded` behind the hostile-shape guard. */
export const mapLoadBalancer = guardMapper(
  'volcengine load balancer',
  mapLoadBalancerUnguarded,
  LoadBalancerSchema,
);
