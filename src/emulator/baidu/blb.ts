/**
 * BLB: classic BLBs (`/v1/blb`, the world's classic and network balancers) and application BLBs (`/v1/appblb`)
 * with listeners, policies (listener → server group) and backend servers with their health.
 */
import { hash32, hex32 } from '../random.js';
import type { LoadBalancer, TargetGroup, TargetHealth } from '../world-types-services.js';
import type { BaiduCall, Handler } from './call.js';
import { bceTime, indexOf, pageByMarker, required, tagList } from './call.js';
import { notFound } from './errors.js';

const STATUS: Readonly<Record<TargetHealth, string>> = {
  healthy: 'Alive',
  unhealthy: 'Dead',
  unused: 'Unknown',
};

const isApp = (lb: LoadBalancer): boolean => lb.type === 'application';

function balancer(call: BaiduCall, app: boolean): LoadBalancer {
  const id = call.ids[0] ?? '';
  const lb = call.res.loadBalancers.find((l) => l.id === id && isApp(l) === app);
  if (lb === undefined) throw notFound(`load balancer ${id}`);
  return lb;
}

function renderBlb(call: BaiduCall, lb: LoadBalancer): Record<string, unknown> {
  const index = indexOf(call.res);
  const nic = lb.interfaceIds[0] === undefined ? undefined : index.nics.get(lb.interfaceIds[0]);
  const address = nic?.privateIps[0]?.ip ?? '';
  const publicIp = index.publicIpOf.get(lb.id) ?? '';
  return {
    blbId: lb.id,
    name: lb.name,
    status: 'available',
    address,
    publicIp,
    vpcId: lb.vpcId,
    subnetId: lb.subnetIds[0] ?? '',
    desc: '',
    createTime: bceTime(lb.createdAt),
    tags: tagList(lb.tags),
  };
}

function groupOf(call: BaiduCall, id: string | undefined): TargetGroup | undefined {
  return call.res.targetGroups.find((g) => g.id === id);
}

function listBlbs(call: BaiduCall, app: boolean): Record<string, unknown> {
  const lbs = call.res.loadBalancers.filter((l) => isApp(l) === app);
  const page = pageByMarker(call, lbs, (l) => l.id);
  return { blbList: page.items.map((lb) => renderBlb(call, lb)), ...page.fields };
}

function listListeners(call: BaiduCall, app: boolean): Record<string, unknown> {
  const lb = balancer(call, app);
  const page = pageByMarker(call, lb.listeners, (l) => String(l.port));
  return {
    listenerList: page.items.map((l) => ({
      listenerPort: l.port,
      listenerType: l.protocol,
      backendPort: l.instancePort ?? groupOf(call, l.targetGroupId)?.port ?? l.port,
      scheduler: 'RoundRobin',
    })),
    ...page.fields,
  };
}

function vmIp(call: BaiduCall, vmId: string): string {
  return indexOf(call.res).vms.get(vmId)?.privateIp ?? '';
}

/** Classic: the registered instances (health per listener when `listenerPort` is given). */
function classicBackends(call: BaiduCall): Record<string, unknown> {
  const lb = balancer(call, false);
  const port = call.params['listenerPort'];
  const listener =
    port === undefined ? lb.listeners[0] : lb.listeners.find((l) => String(l.port) === port);
  if (listener === undefined) throw notFound(`listener ${port ?? ''}`);
  const group = groupOf(call, listener.targetGroupId);
  const servers =
    group === undefined
      ? lb.instances.map((i) => ({
          instanceId: i.vmId,
          privateIp: vmIp(call, i.vmId),
          weight: 100,
          status: i.health === 'in_service' ? 'Alive' : 'Dead',
        }))
      : group.targets
          .filter((t) => t.kind === 'vm')
          .map((t) => ({
            instanceId: t.vmId ?? '',
            privateIp: t.ip,
            weight: 100,
            status: STATUS[t.health],
          }));
  const page = pageByMarker(call, servers, (s) => s.instanceId);
  return {
    backendServerList: page.items.map((s) =>
      port === undefined ? { ...s, status: undefined } : s,
    ),
    ...page.fields,
  };
}

export const BLB_ROUTES: Readonly<Record<string, Handler>> = {
  DescribeLoadBalancers: (call) => listBlbs(call, false),
  DescribeAllListeners: (call) => listListeners(call, false),
  DescribeBackendServers: classicBackends,
  DescribeAppLoadBalancers: (call) => listBlbs(call, true),
  DescribeAppAllListeners: (call) => listListeners(call, true),
  DescribeAppPolicys: (call) => {
    const lb = balancer(call, true);
    const port = required(call, 'port');
    const type = required(call, 'type');
    const listener = lb.listeners.find((l) => String(l.port) === port && l.protocol === type);
    if (listener === undefined) throw notFound(`listener ${type}:${port}`);
    const group = groupOf(call, listener.targetGroupId);
    const policies =
      group === undefined
        ? []
        : [
            {
              id: `policy-${hex32(hash32(listener.id, group.id))}`,
              appServerGroupId: group.id,
              appServerGroupName: group.name,
              backendPort: group.port,
              priority: 1,
              ruleList: [{ key: '*', value: '*' }],
            },
          ];
    const page = pageByMarker(call, policies, (p) => p.id);
    return { policyList: page.items, ...page.fields };
  },
  DescribeBlbRs: (call) => {
    const lb = balancer(call, true);
    const sgId = required(call, 'sgId');
    const group = call.res.targetGroups.find(
      (g) => g.id === sgId && g.loadBalancerIds.includes(lb.id),
    );
    if (group === undefined) throw notFound(`server group ${sgId}`);
    const targets = group.targets.filter((t) => t.kind === 'vm');
    const page = pageByMarker(call, targets, (t) => t.vmId ?? '');
    return {
      backendServerList: page.items.map((t) => ({
        instanceId: t.vmId ?? '',
        privateIp: t.ip,
        weight: 100,
        portList: [{ port: t.port, portType: group.protocol, status: STATUS[t.health] }],
      })),
      ...page.fields,
    };
  },
};
