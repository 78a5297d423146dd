import { guardMapper } from '../mapper-guard.js';
import { LoadBalancerSchema } from '../../model/index.js';
import type {
  InstanceState,
  LoadBalancerDescription,
} from '@aws-sdk/client-elastic-load-balancing';
import type { KindRecord, LbTarget, LoadBalancer, MapContext } from '../../model/index.js';
import { lookup, nameOrId, normalizeProtocol, refId } from '../../model/index.js';
import type { FetchContext, Operation } from '../types.js';
import type { AwsSession } from './client.js';
import { awsCall, listAll, paginate } from './client.js';
import { collectInOrder } from '../../transport/concurrent.js';
import { baseFields, defined, refIds } from './common.js';
import { elbSdk } from './sdk.js';

const { DescribeInstanceHealthCommand, DescribeLoadBalancersCommand } = elbSdk;

/** Classic ELB is API 2012-06-01 on the same `elasticloadbalancing` endpoint and IAM prefix as v2. */
const CLASSIC = '2012-06-01';
export const DESCRIBE_CLASSIC_LOAD_BALANCERS: Operation = {
  service: 'elasticloadbalancing',
  action: 'DescribeLoadBalancers',
  required: false,
  permission: 'elasticloadbalancing:DescribeLoadBalancers',
  version: CLASSIC,
};
export const DESCRIBE_INSTANCE_HEALTH: Operation = {
  service: 'elasticloadbalancing',
  action: 'DescribeInstanceHealth',
  required: false,
  permission: 'elasticloadbalancing:DescribeInstanceHealth',
  version: CLASSIC,
};

/** The largest page classic ELB serves. */
const PAGE_SIZE = 400;

const INSTANCE_HEALTH: Readonly<Record<string, LbTarget['health']>> = {
  InService: 'healthy',
  OutOfService: 'unhealthy',
};

/**
 * A classic ELB (native id = its name, which is unique per region and what its interfaces' "ELB <name>"
 * descriptions carry). Every registered instance is a target of every listener, on the listener's
 * instance port; health comes from DescribeInstanceHealth.
 */
function mapClassicLoadBalancerUnguarded(
  raw: LoadBalancerDescription,
  health: readonly InstanceState[],
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.LoadBalancerName ?? '';
  const state = new Map(health.map((h) => [h.InstanceId, h.State]));
  const instances = (raw.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : []));
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nameOrId(raw.LoadBalancerName, nativeId),
      {},
      raw.CreatedTime,
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', raw.VPCId), dns_name: raw.DNSName }),
    scheme: raw.Scheme === 'internal' ? 'internal' : 'internet',
    type: 'classic',
    // Classic ELB reports no lifecycle state: a listed one serves traffic.
    state: 'available',
    vips: [],
    subnet_ids: refIds(ctx, 'subnet', raw.Subnets ?? []),
    zone_ids: refIds(ctx, 'zone', raw.AvailabilityZones ?? []),
    listeners: (raw.ListenerDescriptions ?? []).flatMap((d) => {
      const l = d.Listener;
      if (l === undefined) return [];
      const port = l.LoadBalancerPort ?? 0;
      return [
        {
          native_id: `${nativeId}:${port}`,
          name: `${l.Protocol ?? 'TCP'}:${port}`,
          protocol: normalizeProtocol(l.Protocol),
          port,
          targets: instances.map((id): LbTarget => ({
            type: 'vm',
            native_id: id,
            ...defined({ vm_id: refId(ctx, 'vm', id), port: l.InstancePort }),
            health: lookup(INSTANCE_HEALTH, state.get(id), 'unknown'),
          })),
        },
      ];
    }),
  };
}

/** The region's classic load balancers, each with the health of its instances (asked concurrently). */
export async function fetchClassicLoadBalancers(
  ctx: FetchContext<AwsSession>,
): Promise<KindRecord[]> {
  const elb = ctx.session.clients.elb(ctx.region);
  const balancers = await listAll(
    paginate(
      ctx,
      DESCRIBE_CLASSIC_LOAD_BALANCERS,
      ctx.region,
      (Marker, signal) =>
        elb.send(new DescribeLoadBalancersCommand({ PageSize: PAGE_SIZE, Marker }), {
          abortSignal: signal,
        }),
      (page) => page.NextMarker,
    ),
    (page) => page.LoadBalancerDescriptions,
  );
  return collectInOrder(balancers, async (lb): Promise<KindRecord> => {
    const LoadBalancerName = lb.LoadBalancerName;
    const health =
      (lb.Instances ?? []).length === 0
        ? []
        : ((
            await awsCall(ctx, DESCRIBE_INSTANCE_HEALTH, ctx.region, (signal) =>
              elb.send(new DescribeInstanceHealthCommand({ LoadBalancerName }), {
                abortSignal: signal,
              }),
            )
          ).InstanceStates ?? []);
    return { kind: 'load_balancer', record: mapClassicLoadBalancer(lb, health, ctx.map) };
  });
}

/** `mapClassicLoadBalancerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapClassicLoadBalancer = guardMapper(
  'aws classic load balancer',
  mapClassicLoadBalancerUnguarded,
  LoadBalancerSchema,
);
