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
import type { ResourceFetcher } from '../types.js';
import type { AliyunSession } from './client.js';
import { aliyunRequest, listByPageNumber } from './client.js';
import { collect, mapInOrder } from '../../transport/concurrent.js';
import { aliyunOperation, aliyunTags, baseFields, defined, nonEmpty, refIds } from './common.js';
import {
  ALB,
  ALB_GET_LOAD_BALANCER_ATTRIBUTE,
  ALB_LIST_LISTENERS,
  ALB_LIST_LOAD_BALANCERS,
  ALB_LIST_SERVER_GROUP_SERVERS,
  fetchV2LoadBalancers,
  NLB,
  NLB_LIST_LISTENERS,
  NLB_LIST_LOAD_BALANCERS,
  NLB_LIST_SERVER_GROUP_SERVERS,
} from './load-balancer-v2.js';
import type * as wire from './wire.js';

const DESCRIBE_LOAD_BALANCERS = aliyunOperation('slb', 'DescribeLoadBalancers', false);
const DESCRIBE_LOAD_BALANCER_ATTRIBUTE = aliyunOperation(
  'slb',
  'DescribeLoadBalancerAttribute',
  false,
);
const DESCRIBE_HEALTH_STATUS = aliyunOperation('slb', 'DescribeHealthStatus', false);

const SLB_PAGE_SIZE = 100;

const LB_STATE: Readonly<Record<string, Availability>> = {
  active: 'available',
  inactive: 'unknown',
  locked: 'error',
};

const HEALTH: Readonly<Record<string, LbTarget['health']>> = {
  normal: 'healthy',
  abnormal: 'unhealthy',
  unavailable: 'unused',
};

function mapTargetUnguarded(b: wire.HealthBackend, ctx: MapContext): LbTarget {
  const serverId = nonEmpty(b.ServerId);
  const isVm = serverId?.startsWith('i-') === true;
  return {
    type: isVm ? 'vm' : serverId === undefined ? 'ip' : 'other',
    native_id: serverId ?? b.ServerIp ?? '',
    ...defined({
      vm_id: isVm ? refId(ctx, 'vm', serverId) : undefined,
      ip: nonEmpty(b.ServerIp),
      port: b.Port,
    }),
    health: lookup(HEALTH, b.ServerHealthStatus, 'unknown'),
  };
}

/** Listener key `PROTO:port` (DeepFlow's), name = Description else the key; targets from the health status. */
function mapListenerUnguarded(
  l: wire.ListenerPortAndProtocol,
  backends: readonly wire.HealthBackend[],
  ctx: MapContext,
): LbListener {
  const protocol = (l.ListenerProtocol ?? '').toLowerCase();
  const port = l.ListenerPort ?? 0;
  const key = `${protocol.toUpperCase()}:${port}`;
  return {
    native_id: key,
    name: nonEmpty(l.Description) ?? key,
    protocol,
    port,
    targets: backends
      .filter(
        (b) =>
          b.ListenerPort === port &&
          (b.Protocol === undefined || b.Protocol.toLowerCase() === protocol),
      )
      .map((b) => mapTarget(b, ctx)),
  };
}

/** A Classic Load Balancer (SLB) with its listeners and their backends (ALB and NLB: load-balancer-v2.ts). */
function mapLoadBalancerUnguarded(
  raw: wire.LoadBalancer,
  attribute: wire.DescribeLoadBalancerAttribute | undefined,
  health: wire.DescribeHealthStatus | undefined,
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.LoadBalancerId ?? '';
  const backends = health?.BackendServers?.BackendServer ?? [];
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nonEmpty(raw.LoadBalancerName) ?? nativeId,
      aliyunTags(raw.Tags),
      raw.CreateTime,
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', nonEmpty(raw.VpcId)) }),
    scheme: raw.AddressType === 'internet' ? 'internet' : 'internal',
    type: 'classic',
    state: lookup(LB_STATE, raw.LoadBalancerStatus, 'unknown'),
    vips: compact([raw.Address]),
    subnet_ids: refIds(ctx, 'subnet', [nonEmpty(raw.VSwitchId)]),
    zone_ids: refIds(ctx, 'zone', [nonEmpty(raw.MasterZoneId), nonEmpty(raw.SlaveZoneId)]),
    listeners: (attribute?.ListenerPortsAndProtocol?.ListenerPortAndProtocol ?? []).map((l) =>
      mapListener(l, backends, ctx),
    ),
  };
}

export const loadBalancerFetcher: ResourceFetcher<AliyunSession> = {
  kind: 'load_balancer',
  scope: 'regional',
  operations: [
    DESCRIBE_LOAD_BALANCERS,
    DESCRIBE_LOAD_BALANCER_ATTRIBUTE,
    DESCRIBE_HEALTH_STATUS,
    ALB_LIST_LOAD_BALANCERS,
    ALB_GET_LOAD_BALANCER_ATTRIBUTE,
    ALB_LIST_LISTENERS,
    ALB_LIST_SERVER_GROUP_SERVERS,
    NLB_LIST_LOAD_BALANCERS,
    NLB_LIST_LISTENERS,
    NLB_LIST_SERVER_GROUP_SERVERS,
  ],
  async *fetch(ctx) {
    const { clients } = ctx.session;
    // ALB and NLB run beside the SLB listing; their records follow the SLB ones.
    const v2 = Promise.all(
      [ALB, NLB].map((product) => fetchV2LoadBalancers(ctx, clients, ctx.region, product, ctx.map)),
    );
    v2.catch(() => undefined);
    const items = listByPageNumber<wire.DescribeLoadBalancers, wire.LoadBalancer>(
      ctx,
      clients,
      DESCRIBE_LOAD_BALANCERS,
      ctx.region,
      { RegionId: ctx.region },
      {
        pageSize: SLB_PAGE_SIZE,
        items: (p) => p.LoadBalancers?.LoadBalancer,
        idOf: (l) => l.LoadBalancerId,
      },
    );
    const listed = (await collect(items)).filter((raw) => raw.LoadBalancerId);
    // The attribute and health of every SLB at once.
    const records = mapInOrder(listed, async (raw) => {
      const params = { RegionId: ctx.region, LoadBalancerId: raw.LoadBalancerId ?? '' };
      const [attribute, health] = await Promise.all([
        aliyunRequest<wire.DescribeLoadBalancerAttribute>(
          ctx,
          clients,
          DESCRIBE_LOAD_BALANCER_ATTRIBUTE,
          ctx.region,
          params,
        ),
        aliyunRequest<wire.DescribeHealthStatus>(
          ctx,
          clients,
          DESCRIBE_HEALTH_STATUS,
          ctx.region,
          params,
        ),
      ]);
      return mapLoadBalancer(raw, attribute, health, ctx.map);
    });
    for await (const record of records) yield { kind: 'load_balancer', record };
    for (const record of (await v2).flat()) yield { kind: 'load_balancer', record };
  },
};

/** `mapTargetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapTarget = guardMapper('aliyun target', mapTargetUnguarded, LbTargetSchema);
/** `mapListenerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapListener = guardMapper('aliyun listener', mapListenerUnguarded, LbListenerSchema);
/** `mapLoadBalancerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapLoadBalancer = guardMapper(
  'aliyun load balancer',
  mapLoadBalancerUnguarded,
  LoadBalancerSchema,
);
