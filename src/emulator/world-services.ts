/** Load balancers (application, network, classic) with listeners, target groups and targets. */
import { pickAt } from './random.js';
import { vmAddress } from './world-compute.js';
import { APPS, type RegionContext } from './world-context.js';
import { lbIsInternet, lbSubnetCount, vmPlace, vmState } from './world-layout.js';
import type {
  Listener,
  LbType,
  LoadBalancer,
  Target,
  TargetGroup,
} from './world-types-services.js';

/** Up to `max` VM indices in VPC `v`, lowest first. */
export function vmsInVpc(ctx: RegionContext, v: number, max: number): number[] {
  const { vms, vpcs, subnetsPerVpc } = ctx.plan;
  const out: number[] = [];
  for (let t = 0; out.length < max; t++) {
    for (let j = 0; j < subnetsPerVpc && out.length < max; j++) {
      const i = t * vpcs * subnetsPerVpc + v * subnetsPerVpc + j;
      if (i >= vms) return out;
      out.push(i);
    }
  }
  return out;
}

const ABBREVIATION: Record<LbType, string> = { application: 'alb', network: 'nlb', classic: 'elb' };

export interface LoadBalancing {
  readonly loadBalancers: LoadBalancer[];
  readonly targetGroups: TargetGroup[];
}

export function buildLoadBalancers(ctx: RegionContext): LoadBalancing {
  const { plan } = ctx;
  const loadBalancers: LoadBalancer[] = [];
  const targetGroups: TargetGroup[] = [];
  const publicBase = plan.publicNats + plan.vmEips + plan.freeEips;
  let ephemeral = 0;
  let listenerN = 0;
  const kinds: [LbType, number][] = [
    ['application', plan.albs],
    ['network', plan.nlbs],
    ['classic', plan.classicLbs],
  ];
  for (const [type, count] of kinds) {
    for (let k = 0; k < count; k++) {
      const n = loadBalancers.length;
      const v = n % plan.vpcs;
      const vpc = ctx.vpc(v);
      const id = ctx.id('load_balancer', n);
      const name = `${pickAt(APPS, n % APPS.length)}-${ABBREVIATION[type]}-${k}`;
      const internet = lbIsInternet(type, k);
      const securityGroupIds = type === 'network' ? [] : [ctx.sgId(v, 'web')];
      const createdAt = ctx.stamp('lb', n);
      const subnets = ctx.subnetsOf(v, lbSubnetCount(plan));
      const interfaces = subnets.map((d) =>
        ctx.serviceInterface({
          s: d.index,
          deviceKind: 'load_balancer',
          deviceId: id,
          securityGroupIds,
          createdAt,
          ...(internet ? { publicIp: { publicIp: ctx.publicIp(publicBase + ephemeral++) } } : {}),
        }),
      );
      const listener = (protocol: Listener['protocol'], port: number, tg: string): Listener => ({
        id: ctx.id('listener', listenerN++),
        protocol,
        port,
        targetGroupId: tg,
      });
      const targetGroup = (
        suffix: string,
        protocol: TargetGroup['protocol'],
        port: number,
        targetType: TargetGroup['targetType'],
      ): TargetGroup => {
        const tg: TargetGroup = {
          id: ctx.id('target_group', targetGroups.length),
          name: `${name}-${suffix}`,
          protocol,
          port,
          targetType,
          vpcId: vpc.id,
          loadBalancerIds: [id],
          targets:
            targetType === 'ip'
              ? [{ kind: 'ip', ip: `172.16.${n % 256}.10`, port, health: 'healthy' }]
              : vmTargets(ctx, v, port, suffix === 'api'),
        };
        targetGroups.push(tg);
        return tg;
      };
      let listeners: Listener[];
      if (type === 'application') {
        const web = targetGroup('web', 'HTTP', 80, 'instance');
        listeners = [listener('HTTP', 80, web.id), listener('HTTPS', 443, web.id)];
        if (k === 0)
          listeners.push(listener('HTTP', 8080, targetGroup('api', 'HTTP', 8080, 'instance').id));
      } else if (type === 'network') {
        const tg = targetGroup('tcp', 'TCP', 443, k % 2 === 0 ? 'ip' : 'instance');
        listeners = [listener('TCP', 443, tg.id)];
      } else {
        listeners = [
          {
            id: ctx.id('listener', listenerN++),
            protocol: 'HTTP',
            port: 80,
            instanceProtocol: 'HTTP',
            instancePort: 80,
          },
          {
            id: ctx.id('listener', listenerN++),
            protocol: 'TCP',
            port: 443,
            instanceProtocol: 'TCP',
            instancePort: 443,
          },
        ];
      }
      loadBalancers.push({
        id,
        name,
        type,
        scheme: internet ? 'internet' : 'internal',
        state: 'active',
        vpcId: vpc.id,
        subnetIds: subnets.map((d) => d.id),
        zones: subnets.map((d) => d.zone),
        securityGroupIds,
        listeners,
        instances:
          type === 'classic'
            ? vmsInVpc(ctx, v, 2).map((i) => ({
                vmId: ctx.id('vm', i),
                health: vmState(i) === 'running' ? 'in_service' : 'out_of_service',
              }))
            : [],
        interfaceIds: interfaces.map((e) => e.id),
        createdAt,
        tags: ctx.tags(name, v),
      });
    }
  }
  return { loadBalancers, targetGroups };
}

/** Up to three VMs of the VPC; a stopped VM is `unused`, the API group's second target is failing. */
function vmTargets(ctx: RegionContext, v: number, port: number, failing: boolean): Target[] {
  return vmsInVpc(ctx, v, 3).map((i, n) => ({
    kind: 'vm',
    vmId: ctx.id('vm', i),
    ip: vmAddress(ctx, i),
    port,
    zone: ctx.subnet(vmPlace(ctx.plan, i).s).zone,
    health: vmState(i) !== 'running' ? 'unused' : failing && n === 1 ? 'unhealthy' : 'healthy',
  }));
}
