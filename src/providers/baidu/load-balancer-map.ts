import { guardMapper } from '../mapper-guard.js';
import { LbListenerSchema, LbTargetSchema, LoadBalancerSchema } from '../../model/index.js';
/** Pure mappers shared by classic and application BLBs. */
import type {
  Availability,
  LbListener,
  LbTarget,
  LoadBalancer,
  MapContext,
  NetworkInterface,
} from '../../model/index.js';
import { compact, lookup, refId } from '../../model/index.js';
import { baiduTags, baseFields, defined, deviceInterface, nonEmpty } from './common.js';
import type * as wire from './wire.js';

export const BLB_STATE: Readonly<Record<string, Availability>> = {
  creating: 'pending',
  available: 'available',
  updating: 'pending',
  paused: 'error',
  unavailable: 'error',
};

/** Backend health on a listener: `Alive`, `Dead`, `Unknown`. */
const HEALTH: Readonly<Record<string, LbTarget['health']>> = {
  Alive: 'healthy',
  Dead: 'unhealthy',
  Unknown: 'unknown',
};

export function healthOf(status: string | undefined): LbTarget['health'] {
  return lookup(HEALTH, status, 'unknown');
}

/** A backend BCC instance of a listener. */
function mapTargetUnguarded(
  instanceId: string,
  ctx: MapContext,
  extra: {
    ip?: string | undefined;
    port?: number | undefined;
    weight?: number | undefined;
    status?: string | undefined;
  },
): LbTarget {
  return {
    type: 'vm',
    native_id: instanceId,
    ...defined({
      vm_id: refId(ctx, 'vm', instanceId),
      ip: nonEmpty(extra.ip),
      port: extra.port,
      weight: extra.weight,
    }),
    health: healthOf(extra.status),
  };
}

/** A listener is named by protocol and port (BCE listeners have no id). */
function mapListenerUnguarded(raw: wire.BlbListener, targets: LbTarget[]): LbListener {
  const protocol = (raw.listenerType ?? 'TCP').toUpperCase();
  const port = raw.listenerPort ?? 0;
  return { native_id: `${protocol}:${port}`, name: `${protocol}:${port}`, protocol, port, targets };
}

/** A classic or application BLB: `address` is its VIP in the subnet, `publicIp` its EIP if bound. */
function mapLoadBalancerUnguarded(
  raw: wire.Blb,
  type: 'classic' | 'application',
  listeners: LbListener[],
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.blbId ?? '';
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nonEmpty(raw.name) ?? nativeId,
      baiduTags(raw.tags),
      raw.createTime,
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', raw.vpcId) }),
    scheme: nonEmpty(raw.publicIp) === undefined ? 'internal' : 'internet',
    type,
    state: lookup(BLB_STATE, raw.status, 'unknown'),
    vips: compact([raw.address, raw.publicIp]),
    subnet_ids: compact([refId(ctx, 'subnet', raw.subnetId)]),
    zone_ids: [],
    listeners,
  };
}

/** The interface a BLB contributes: its VIP in its subnet. */
export function lbInterface(raw: wire.Blb, id: string, ctx: MapContext): NetworkInterface {
  return deviceInterface(ctx, 'load_balancer', id, {
    vpcId: raw.vpcId,
    subnetId: raw.subnetId,
    privateIps: [raw.address],
  });
}

/** `mapTargetUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapTarget = guardMapper('baidu target', mapTargetUnguarded, LbTargetSchema);
/** `mapListenerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapListener = guardMapper('baidu listener', mapListenerUnguarded, LbListenerSchema);
/** `mapLoadBalancerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapLoadBalancer = guardMapper(
  'baidu load balancer',
  mapLoadBalancerUnguarded,
  LoadBalancerSchema,
);
