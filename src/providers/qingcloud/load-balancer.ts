import { guardMapper } from '../mapper-guard.js';
import { LbListenerSchema, LbTargetSchema, LoadBalancerSchema } from '../../model/index.js';
import type {
  LbListener,
  LbTarget,
  LoadBalancer,
  MapContext,
  NetworkInterface,
} from '../../model/index.js';
import { compact, lookup, normalizeProtocol, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { QingcloudSession } from './client.js';
import { listAll, listArray } from './client.js';
import {
  DESCRIBE_VXNETS,
  baseFields,
  defined,
  nonEmpty,
  qingcloudOperation,
  serviceInterface,
  subnetOfVxnet,
  vpcOfVxnet,
  vxnetRouters,
} from './common.js';
import { RESOURCE_STATE } from './vpc.js';
import type * as wire from './wire.js';

const DESCRIBE_LOAD_BALANCERS = qingcloudOperation('DescribeLoadBalancers', false);
const DESCRIBE_LISTENERS = qingcloudOperation('DescribeLoadBalancerListeners', false);
const DESCRIBE_BACKENDS = qingcloudOperation('DescribeLoadBalancerBackends', false);

const HEALTH: Readonly<Record<string, LbTarget['health']>> = {
  up: 'healthy',
  down: 'unhealthy',
  abnormal: 'unhealthy',
  unavailable: 'unused',
};

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A backend is an instance (`resource_id` = instance id) or an IP address (`resource_id` = the IP). */
function mapBackendUnguarded(raw: wire.Backend, ctx: MapContext): LbTarget {
  const resource = raw.resource_id ?? '';
  const isIp = IPV4.test(resource) || resource.includes(':');
  return {
    type: isIp ? 'ip' : 'vm',
    native_id: raw.loadbalancer_backend_id ?? resource,
    ...defined({
      vm_id: isIp ? undefined : refId(ctx, 'vm', nonEmpty(resource)),
      ip: isIp ? resource : nonEmpty(raw.private_ip),
      port: raw.port,
      weight: raw.weight,
    }),
    health: raw.disabled === 1 ? 'unused' : lookup(HEALTH, raw.status, 'unknown'),
  };
}

function mapListenerUnguarded(
  raw: wire.Listener,
  backends: readonly wire.Backend[],
  ctx: MapContext,
): LbListener {
  const nativeId = raw.loadbalancer_listener_id ?? '';
  return {
    native_id: nativeId,
    name: nonEmpty(raw.loadbalancer_listener_name) ?? nativeId,
    protocol: normalizeProtocol(raw.listener_protocol),
    port: raw.listener_port ?? 0,
    targets: backends.map((b) => mapBackend(b, ctx)),
  };
}

/** A load balancer: VIP in its vxnet, internet-facing when it has EIPs. */
function mapLoadBalancerUnguarded(
  raw: wire.LoadBalancer,
  listeners: readonly LbListener[],
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.loadbalancer_id ?? '';
  const vxnet = nonEmpty(raw.vxnet_id);
  const eips = compact((raw.eips ?? []).map((e) => e.eip_addr));
  const subnet = subnetOfVxnet(ctx, routers, vxnet);
  return {
    ...baseFields(ctx, 'load_balancer', nativeId, raw.loadbalancer_name, raw.tags, raw.create_time),
    ...defined({ vpc_id: vpcOfVxnet(ctx, routers, vxnet) }),
    scheme: eips.length > 0 ? 'internet' : 'internal',
    type: 'other',
    state: lookup(RESOURCE_STATE, raw.status, 'unknown'),
    vips: compact([...(raw.private_ips ?? []), ...eips]),
    subnet_ids: subnet === undefined ? [] : [subnet],
    zone_ids: [],
    listeners: [...listeners],
  };
}

export function lbInterface(
  raw: wire.LoadBalancer,
  routers: ReadonlyMap<string, string>,
  ctx: MapContext,
): NetworkInterface | undefined {
  return serviceInterface(ctx, routers, {
    kind: 'load_balancer',
    deviceId: raw.loadbalancer_id ?? '',
    vxnetId: nonEmpty(raw.vxnet_id),
    privateIps: compact([...(raw.private_ips ?? [])]),
    createdAt: raw.create_time,
  });
}

export const loadBalancerFetcher: ResourceFetcher<QingcloudSession> = {
  kind: 'load_balancer',
  alsoEmits: ['network_interface'],
  scope: 'regional',
  operations: [DESCRIBE_LOAD_BALANCERS, DESCRIBE_LISTENERS, DESCRIBE_BACKENDS, DESCRIBE_VXNETS],
  async *fetch(ctx) {
    const { client } = ctx.session;
    const routers = vxnetRouters(ctx);
    routers.catch(() => undefined);
    // The LB and listener listings run side by side; each listener's backends (a per-item call) are
    // asked as soon as the listener is listed.
    const lbs = listArray<wire.LoadBalancer>(
      ctx,
      client,
      DESCRIBE_LOAD_BALANCERS,
      ctx.region,
      { verbose: 1 },
      { key: 'loadbalancer_set', idOf: (l) => l.loadbalancer_id },
    );
    lbs.catch(() => undefined);
    const byLb = new Map<string, Promise<LbListener>[]>();
    const listeners = listAll<wire.Listener>(
      ctx,
      client,
      DESCRIBE_LISTENERS,
      ctx.region,
      {},
      { key: 'loadbalancer_listener_set', idOf: (l) => l.loadbalancer_listener_id },
    );
    for await (const listener of listeners) {
      const id = listener.loadbalancer_listener_id;
      const lb = listener.loadbalancer_id;
      if (!id || !lb) continue;
      const mapped = listArray<wire.Backend>(
        ctx,
        client,
        DESCRIBE_BACKENDS,
        ctx.region,
        { loadbalancer_listener: id },
        { key: 'loadbalancer_backend_set', idOf: (b) => b.loadbalancer_backend_id },
      ).then((backends) => mapListener(listener, backends, ctx.map));
      mapped.catch(() => undefined);
      byLb.set(lb, [...(byLb.get(lb) ?? []), mapped]);
    }
    const byVxnet = await routers;
    for (const raw of await lbs) {
      if (!raw.loadbalancer_id) continue;
      const own = await Promise.all(byLb.get(raw.loadbalancer_id) ?? []);
      yield { kind: 'load_balancer', record: mapLoadBalancer(raw, own, byVxnet, ctx.map) };
      const nic = lbInterface(raw, byVxnet, ctx.map);
      if (nic !== undefined) yield { kind: 'network_interface', record: nic };
    }
  },
};

/** `mapBackendUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapBackend = guardMapper('qingcloud backend', mapBackendUnguarded, LbTargetSchema);
/** `mapListenerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapListener = guardMapper(
  'qingcloud listener',
  mapListenerUnguarded,
  LbListenerSchema,
);
/** `mapLoadBalancerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapLoadBalancer = guardMapper(
  'qingcloud load balancer',
  mapLoadBalancerUnguarded,
  LoadBalancerSchema,
);
