import { guardMapper } from '../mapper-guard.js';
import { LoadBalancerSchema } from '../../model/index.js';
import type {
  LoadBalancer as AwsLoadBalancer,
  Listener,
  TargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type {
  Availability,
  LbListener,
  LbTarget,
  LoadBalancer,
  MapContext,
} from '../../model/index.js';
import { compact, lookup, nameOrId, normalizeProtocol, refId } from '../../model/index.js';
import type { ResourceFetcher } from '../types.js';
import type { AwsSession } from './client.js';
import { awsCall, listAll, paginate } from './client.js';
import { collectInOrder } from '../../transport/concurrent.js';
import { awsOperation, baseFields, defined, refIds } from './common.js';
import {
  DESCRIBE_CLASSIC_LOAD_BALANCERS,
  DESCRIBE_INSTANCE_HEALTH,
  fetchClassicLoadBalancers,
} from './load-balancer-classic.js';
import { elbv2Sdk } from './sdk.js';

const {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
} = elbv2Sdk;

const DESCRIBE_LOAD_BALANCERS = awsOperation(
  'elasticloadbalancing',
  'DescribeLoadBalancers',
  false,
);
const DESCRIBE_LISTENERS = awsOperation('elasticloadbalancing', 'DescribeListeners', false);
const DESCRIBE_TARGET_GROUPS = awsOperation('elasticloadbalancing', 'DescribeTargetGroups', false);
const DESCRIBE_TARGET_HEALTH = awsOperation('elasticloadbalancing', 'DescribeTargetHealth', false);

/** The largest page ELBv2 serves. */
const PAGE_SIZE = 400;

const LB_STATE: Readonly<Record<string, Availability>> = {
  active: 'available',
  // Impaired = serving but unable to scale; it still carries traffic.
  active_impaired: 'available',
  provisioning: 'pending',
  failed: 'error',
};

const LB_TYPE: Readonly<Record<string, LoadBalancer['type']>> = {
  application: 'application',
  network: 'network',
  gateway: 'gateway',
};

const TARGET_HEALTH: Readonly<Record<string, LbTarget['health']>> = {
  healthy: 'healthy',
  unhealthy: 'unhealthy',
  'unhealthy.draining': 'unhealthy',
  unused: 'unused',
};

const TARGET_TYPE: Readonly<Record<string, LbTarget['type']>> = {
  instance: 'vm',
  ip: 'ip',
  lambda: 'other',
  alb: 'other',
};

/** Target groups a listener forwards to by default (plain forward or weighted forward config). */
export function forwardTargetGroups(listener: Listener): string[] {
  const arns: (string | undefined)[] = [];
  for (const action of listener.DefaultActions ?? []) {
    if (action.Type !== 'forward') continue;
    arns.push(action.TargetGroupArn);
    for (const tg of action.ForwardConfig?.TargetGroups ?? []) arns.push(tg.TargetGroupArn);
  }
  return compact(arns);
}

function mapTarget(
  raw: TargetHealthDescription,
  group: TargetGroup | undefined,
  ctx: MapContext,
): LbTarget {
  const id = raw.Target?.Id ?? '';
  const guessed = id.startsWith('i-') ? 'vm' : /^[0-9a-f.:]+$/i.test(id) ? 'ip' : 'other';
  const type = lookup(TARGET_TYPE, group?.TargetType, guessed);
  return {
    type,
    native_id: id,
    ...defined({
      vm_id: type === 'vm' ? refId(ctx, 'vm', id) : undefined,
      ip: type === 'ip' ? id : undefined,
      port: raw.Target?.Port ?? group?.Port,
    }),
    health: lookup(TARGET_HEALTH, raw.TargetHealth?.State, 'unknown'),
  };
}

function mapListener(
  raw: Listener,
  groups: ReadonlyMap<string, TargetGroup>,
  health: ReadonlyMap<string, readonly TargetHealthDescription[]>,
  ctx: MapContext,
): LbListener {
  const protocol = normalizeProtocol(raw.Protocol);
  const port = raw.Port ?? 0;
  const targets: LbTarget[] = [];
  for (const arn of forwardTargetGroups(raw)) {
    for (const t of health.get(arn) ?? []) targets.push(mapTarget(t, groups.get(arn), ctx));
  }
  return {
    native_id: raw.ListenerArn ?? '',
    name: `${raw.Protocol ?? protocol.toUpperCase()}:${port}`,
    protocol,
    port,
    targets,
  };
}

/**
 * An ALB, NLB or GWLB (native id = ARN) with its listeners and their default-action targets. The
 * fetcher passes the listeners, the region's target groups and the health of the groups in use.
 */
function mapLoadBalancerUnguarded(
  raw: AwsLoadBalancer,
  listeners: readonly Listener[],
  groups: ReadonlyMap<string, TargetGroup>,
  health: ReadonlyMap<string, readonly TargetHealthDescription[]>,
  ctx: MapContext,
): LoadBalancer {
  const nativeId = raw.LoadBalancerArn ?? '';
  const zones = raw.AvailabilityZones ?? [];
  const addresses = zones.flatMap((z) => z.LoadBalancerAddresses ?? []);
  return {
    ...baseFields(
      ctx,
      'load_balancer',
      nativeId,
      nameOrId(raw.LoadBalancerName, nativeId),
      {},
      raw.CreatedTime,
    ),
    ...defined({ vpc_id: refId(ctx, 'vpc', raw.VpcId), dns_name: raw.DNSName }),
    scheme: raw.Scheme === 'internal' ? 'internal' : 'internet',
    type: lookup(LB_TYPE, raw.Type, 'other'),
    state: lookup(LB_STATE, raw.State?.Code, 'unknown'),
    vips: compact(addresses.flatMap((a) => [a.IpAddress, a.PrivateIPv4Address, a.IPv6Address])),
    subnet_ids: refIds(
      ctx,
      'subnet',
      zones.map((z) => z.SubnetId),
    ),
    zone_ids: refIds(
      ctx,
      'zone',
      zones.map((z) => z.ZoneName),
    ),
    listeners: listeners.map((l) => mapListener(l, groups, health, ctx)),
  };
}

export const loadBalancerFetcher: ResourceFetcher<AwsSession> = {
  kind: 'load_balancer',
  scope: 'regional',
  operations: [
    DESCRIBE_LOAD_BALANCERS,
    DESCRIBE_LISTENERS,
    DESCRIBE_TARGET_GROUPS,
    DESCRIBE_TARGET_HEALTH,
    DESCRIBE_CLASSIC_LOAD_BALANCERS,
    DESCRIBE_INSTANCE_HEALTH,
  ],
  async *fetch(ctx) {
    // Classic and v2 load balancers are independent lists: both start at once.
    const classic = fetchClassicLoadBalancers(ctx);
    classic.catch(() => undefined);
    const elb = ctx.session.clients.elbv2(ctx.region);
    const region = ctx.region;
    const balancers = await listAll(
      paginate(
        ctx,
        DESCRIBE_LOAD_BALANCERS,
        region,
        (Marker, signal) =>
          elb.send(new DescribeLoadBalancersCommand({ PageSize: PAGE_SIZE, Marker }), {
            abortSignal: signal,
          }),
        (page) => page.NextMarker,
      ),
      (page) => page.LoadBalancers,
    );
    if (balancers.length === 0) {
      yield* await classic;
      return;
    }
    // The region's target groups and the listeners of every load balancer, all at once.
    const [targetGroups, listeners] = await Promise.all([
      listAll(
        paginate(
          ctx,
          DESCRIBE_TARGET_GROUPS,
          region,
          (Marker, signal) =>
            elb.send(new DescribeTargetGroupsCommand({ PageSize: PAGE_SIZE, Marker }), {
              abortSignal: signal,
            }),
          (page) => page.NextMarker,
        ),
        (page) => page.TargetGroups,
      ),
      collectInOrder(balancers, (lb) => {
        const LoadBalancerArn = lb.LoadBalancerArn;
        return listAll(
          paginate(
            ctx,
            DESCRIBE_LISTENERS,
            region,
            (Marker, signal) =>
              elb.send(
                new DescribeListenersCommand({ LoadBalancerArn, PageSize: PAGE_SIZE, Marker }),
                { abortSignal: signal },
              ),
            (page) => page.NextMarker,
          ),
          (page) => page.Listeners,
        );
      }),
    ]);
    const groups = new Map<string, TargetGroup>();
    for (const tg of targetGroups) if (tg.TargetGroupArn) groups.set(tg.TargetGroupArn, tg);

    // Then the health of every target group the listeners forward to, at once.
    const inUse = [...new Set(listeners.flat().flatMap(forwardTargetGroups))];
    const healths = await collectInOrder(inUse, async (TargetGroupArn) => {
      const out = await awsCall(ctx, DESCRIBE_TARGET_HEALTH, region, (signal) =>
        elb.send(new DescribeTargetHealthCommand({ TargetGroupArn }), { abortSignal: signal }),
      );
      return out.TargetHealthDescriptions ?? [];
    });
    const health = new Map<string, readonly TargetHealthDescription[]>();
    inUse.forEach((arn, i) => health.set(arn, healths[i] ?? []));
    for (const [i, lb] of balancers.entries()) {
      yield {
        kind: 'load_balancer',
        record: mapLoadBalancer(lb, listeners[i] ?? [], groups, health, ctx.map),
      };
    }
    yield* await classic;
  },
};

/** `mapLoadBalancerUnguarded` behind the hostile-shape guard: schema-valid records or a typed provider_error. */
export const mapLoadBalancer = guardMapper(
  'aws load balancer',
  mapLoadBalancerUnguarded,
  LoadBalancerSchema,
);
