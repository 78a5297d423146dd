import { guardMapper } from '../mapper-guard.js';
import { LbTargetSchema, LoadBalancerSchema } from '../../model/index.js';
import type {
  KindRecord,
  LbListener,
  LbTarget,
  LoadBalancer,
  MapContext,
} from '../../model/index.js';
import { compact, refId } from '../../model/index.js';
import type { FetchContext, ResourceFetcher } from '../types.js';
import type { TencentSession } from './client.js';
import { inOrder, ITEM_WINDOW, listByOffset, tencentRequest, withIds } from './client.js';
import {
  baseFields,
  defined,
  deviceInterface,
  ephemeralIp,
  nonEmpty,
  refIds,
  tencentOperation,
  tencentTags,
} from './common.js';
import type * as wire from './wire.js';

const DESCRIBE_LOAD_BALANCERS = tencentOperation('clb', 'DescribeLoadBalancers', false);
const DESCRIBE_LISTENERS = tencentOperation('clb', 'DescribeListeners', false);
const DESCRIBE_TARGETS = tencentOperation('clb', 'DescribeTargets', false);
const DESCRIBE_CLASSICAL_LISTENERS = tencentOperation('clb', 'DescribeClassicalLBListeners', false);
const DESCRIBE_CLASSICAL_TARGETS = tencentOperation('clb', 'DescribeClassicalLBTargets', false);

const CLB_PAGE_SIZE = 100;

function mapTargetUnguarded(
  raw: wire.Backend,
  port: number | undefined,
  ctx: MapContext,
): LbTarget {
  const id = nonEmpty(raw.InstanceId);
  const ip = nonEmpty(raw.PrivateIpAddresses?.[0]);
  const isVm = id?.startsWith('ins-') === true;
  return {
    type: isVm ? 'vm' : id === undefined ? 'ip' : 'other',
    native_id: id ?? ip ?? '',
    health: 'unknown',
    ...defined({
      vm_id: isVm ? refId(ctx, 'vm', id) : undefined,
      ip,
      port: raw.Port ?? port,
      weight: raw.Weight,
    }),
  };
}

/** Listeners and targets of an application CLB (targets of the listener and of its L7 rules). */
function mapListenersUnguarded(
  listeners: wire.DescribeListeners,
  targets: wire.DescribeTargets,
  ctx: MapContext,
): LbListener[] {
  return (listeners.Listeners ?? []).map((l) => {
    const backends = (targets.Listeners ?? []).find((t) => t.ListenerId === l.ListenerId);
    const all = [
      ...(backends?.Targets ?? []),
      ...(backends?.Rules ?? []).flatMap((r) => r.Targets ?? []),
    ];
    return {
      native_id: l.ListenerId ?? '',
      name: nonEmpty(l.ListenerName) ?? l.ListenerId ?? '',
      protocol: (l.Protocol ?? '').toLowerCase(),
      port: l.Port ?? 0,
      targets: all.map((t) => mapTarget(t, undefined, ctx)),
    };
  });
}

/** A classic CLB forwards every listener to all its backends, on the listener's instance port. */
function mapClassicListenersUnguarded(
  listeners: wire.DescribeClassicalLBListeners,
  targets: wire.DescribeClassicalLBTargets,
  ctx: MapContext,
): LbListener[] {
  return (listeners.Listener ?? []).map((l) => ({
    native_id: l.ListenerId ?? '',
    name: nonEmpty(l.ListenerName) ?? l.ListenerId ?? '',
    protocol: (l.Protocol ?? '').toLowerCase(),
    port: l.ListenerPort ?? 0,
    targets: (targets.Targets ?? []).map((t) => mapTarget(t, l.InstancePort, ctx)),
  }));
}

/** `OPEN` balancers have public VIPs; `INTERNAL` ones private VIPs in their subnet. */
function mapLoadBalancerUnguarded(
  raw: wire.LoadBalancer,
  listeners: LbListener[],
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.LoadBalancerId ?? '';
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nonEmpty(raw.LoadBalancerName) ?? nativeId,
      tencentTags(raw.Tags),
      raw.CreateTime,
    ),
    ...defined({
      vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VpcId)),
      dns_name: nonEmpty(raw.Domain),
    }),
    scheme: raw.LoadBalancerType === 'OPEN' ? 'internet' : 'internal',
    type: raw.Forward === 0 ? 'classic' : 'application',
    state: raw.Status === 1 ? 'available' : raw.Status === 0 ? 'pending' : 'unknown',
    vips: compact([...(raw.LoadBalancerVips ?? [])]),
    subnet_ids: refIds(ctx, 'subnet', [nonEmpty(raw.SubnetId)]),
    zone_ids: refIds(ctx, 'zone', [nonEmpty(raw.MasterZone?.Zone)]),
    listeners,
  };
}

/** The balancer's records: itself, its address as an interface, and its public VIPs. */
export function loadBalancerRecords(
  raw: wire.LoadBalancer,
  listeners: LbListener[],
  ctx: MapContext,
): KindRecord[] {
  const lb = mapLoadBalancer(raw, listeners, ctx);
  const open = lb.scheme === 'internet';
  const out: KindRecord[] = [
    { kind: 'load_balancer', record: lb },
    {
      kind: 'network_interface',
      record: deviceInterface(ctx, 'load_balancer', lb.native_id, {
        vpcId: raw.VpcId,
        subnetId: raw.SubnetId,
        privateIps: open ? [] : lb.vips,
      }),
    },
  ];
  if (open) {
    for (const ip of lb.vips) {
      const record = ephemeralIp(ctx, ip, {
        kind: 'load_balancer',
        nativeId: lb.native_id,
        interfaceNativeId: lb.native_id,
      });
      out.push({ kind: 'public_ip', record });
    }
  }
  return out;
}

async function listenersOf(
  ctx: FetchContext<TencentSession>,
  raw: wire.LoadBalancer,
): Promise<LbListener[]> {
  const { clients } = ctx.session;
  const params = { LoadBalancerId: raw.LoadBalancerId ?? '' };
  const classic = raw.Forward === 0;
  const [listeners, targets] = await Promise.all([
    tencentRequest<wire.DescribeListeners & wire.DescribeClassicalLBListeners>(
      ctx,
      clients,
      classic ? DESCRIBE_CLASSICAL_LISTENERS : DESCRIBE_LISTENERS,
      ctx.region,
      params,
    ),
    tencentRequest<wire.DescribeTargets & wire.DescribeClassicalLBTargets>(
      ctx,
      clients,
      classic ? DESCRIBE_CLASSICAL_TARGETS : DESCRIBE_TARGETS,
      ctx.region,
      params,
    ),
  ]);
  return classic
    ? mapClassicListeners(listeners, targets, ctx.map)
    : mapListeners(listeners, targets, ctx.map);
}

export const loadBalancerFetcher: ResourceFetcher<TencentSession> = {
  kind: 'load_balancer',
  alsoEmits: ['network_interface', 'public_ip'],
  scope: 'regional',
  operations: [
    DESCRIBE_LOAD_BALANCERS,
    DESCRIBE_LISTENERS,
    DESCRIBE_TARGETS,
    DESCRIBE_CLASSICAL_LISTENERS,
    DESCRIBE_CLASSICAL_TARGETS,
  ],
  async *fetch(ctx) {
    const items = listByOffset<wire.DescribeLoadBalancers, wire.LoadBalancer>(
      ctx,
      ctx.session.clients,
      DESCRIBE_LOAD_BALANCERS,
      ctx.region,
      {},
      {
        pageSize: CLB_PAGE_SIZE,
        items: (p) => p.LoadBalancerSet,
        idOf: (l) => l.LoadBalancerId,
      },
    );
    // Listener calls of a few balancers at once, started as balancers arrive.
    for await (const [raw, listeners] of inOrder(
      withIds(items, (l) => l.LoadBalancerId),
      ITEM_WINDOW,
      (lb) => listenersOf(ctx, lb),
    )) {
      yield* loadBalancerRecords(raw, listeners, ctx.map);
    }
  },
};

/** `mapLoadBalancerUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapLoadBalancer = guardMapper(
  'tencent CLB',
  mapLoadBalancerUnguarded,
  LoadBalancerSchema,
);

/** `mapListenersUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapListeners = guardMapper('tencent CLB listeners', mapListenersUnguarded);

/** `mapClassicListenersUnguarded` behind the hostile-shape guard: schema-valid output or a typed provider_error. */
export const mapClassicListeners = guardMapper(
  'tencent classic CLB listeners',
  mapClassicListenersUnguarded,
);

/** `mapTargetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapTarget = guardMapper('tencent target', mapTargetUnguarded, LbTargetSchema);
