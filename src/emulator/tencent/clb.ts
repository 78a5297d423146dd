/** CLB 2018-03-17: balancers (application and classic), their listeners and backends. */
import type { LoadBalancer, RegionResources } from '../world-types-services.js';
import type { NetworkInterface } from '../world-types.js';
import {
  cstTime,
  pageByOffset,
  requiredString,
  stringList,
  tagKeyValueTags,
  type Handler,
  type TencentCall,
} from './call.js';
import { TencentApiError } from './errors.js';
import { numericZoneId } from './shape.js';

export const CLB_VERSION = '2018-03-17';

/** Real maximum: DescribeLoadBalancers Limit 100. */
export const CLB_PAGE = { max: 100, default: 20 } as const;

const serviceInterfaces = new WeakMap<RegionResources, Map<string, NetworkInterface>>();
const vmAddresses = new WeakMap<RegionResources, Map<string, string>>();

function interfaceById(res: RegionResources, id: string): NetworkInterface | undefined {
  let m = serviceInterfaces.get(res);
  if (m === undefined) {
    m = new Map();
    for (const ni of res.networkInterfaces) if (ni.deviceKind !== 'vm') m.set(ni.id, ni);
    serviceInterfaces.set(res, m);
  }
  return m.get(id);
}

function vmIp(res: RegionResources, vmId: string): string {
  let m = vmAddresses.get(res);
  if (m === undefined) {
    m = new Map();
    for (const vm of res.vms) m.set(vm.id, vm.privateIp);
    vmAddresses.set(res, m);
  }
  return m.get(vmId) ?? '';
}

// ---- CLB ----

/** An OPEN balancer's VIPs are its public addresses; an INTERNAL one's its private ones. */
function vips(res: RegionResources, lb: LoadBalancer): string[] {
  const out: string[] = [];
  for (const id of lb.interfaceIds) {
    const ip = interfaceById(res, id)?.privateIps[0];
    const vip = lb.scheme === 'internet' ? ip?.publicIp : ip?.ip;
    if (vip !== undefined && !out.includes(vip)) out.push(vip);
  }
  return out;
}

function describeLoadBalancers(call: TencentCall): Record<string, unknown> {
  // `Forward`: -1 (default) every balancer, 0 classic, 1 application.
  const forward = call.params['Forward'];
  const ids = stringList(call, 'LoadBalancerIds');
  const lbs = call.res.loadBalancers.filter(
    (lb) =>
      (forward !== 0 || lb.type === 'classic') &&
      (forward !== 1 || lb.type !== 'classic') &&
      (ids === undefined || ids.includes(lb.id)),
  );
  const page = pageByOffset(call, lbs, CLB_PAGE);
  return {
    TotalCount: page.totalCount,
    LoadBalancerSet: page.items.map((lb) => ({
      LoadBalancerId: lb.id,
      LoadBalancerName: lb.name,
      LoadBalancerType: lb.scheme === 'internet' ? 'OPEN' : 'INTERNAL',
      Forward: lb.type === 'classic' ? 0 : 1,
      Domain: '',
      Status: 1,
      VpcId: lb.vpcId,
      SubnetId: lb.subnetIds[0] ?? '',
      LoadBalancerVips: vips(call.res, lb),
      MasterZone:
        lb.zones[0] === undefined
          ? null
          : { Zone: lb.zones[0], ZoneId: numericZoneId(lb.zones[0]) },
      AddressIPVersion: 'ipv4',
      CreateTime: cstTime(lb.createdAt),
      Tags: tagKeyValueTags(lb.tags),
    })),
  };
}

function findLb(call: TencentCall, classic: boolean): LoadBalancer {
  const id = requiredString(call, 'LoadBalancerId');
  const lb = call.res.loadBalancers.find((x) => x.id === id);
  if (lb === undefined || (lb.type === 'classic') !== classic) {
    throw new TencentApiError('InvalidParameter.LBIdNotFound', `LoadBalancer ${id} not found.`);
  }
  return lb;
}

function describeListeners(call: TencentCall): Record<string, unknown> {
  const lb = findLb(call, false);
  return {
    TotalCount: lb.listeners.length,
    Listeners: lb.listeners.map((l) => ({
      ListenerId: l.id,
      ListenerName: `${l.protocol.toLowerCase()}-${l.port}`,
      Protocol: l.protocol,
      Port: l.port,
      CreateTime: cstTime(lb.createdAt),
    })),
  };
}

function describeTargets(call: TencentCall): Record<string, unknown> {
  const lb = findLb(call, false);
  return {
    Listeners: lb.listeners.map((l) => {
      const tg = call.res.targetGroups.find((t) => t.id === l.targetGroupId);
      const targets = (tg?.targets ?? []).map((t) => ({
        Type: t.kind === 'vm' ? 'CVM' : 'ENI',
        InstanceId: t.vmId ?? '',
        Port: t.port,
        Weight: 10,
        PrivateIpAddresses: [t.ip],
      }));
      const l7 = l.protocol !== 'TCP';
      return {
        ListenerId: l.id,
        Protocol: l.protocol,
        Port: l.port,
        Targets: l7 ? null : targets,
        Rules: l7
          ? [
              {
                LocationId: `loc-${l.id.slice(4)}`,
                Domain: 'example.com',
                Url: '/',
                Targets: targets,
              },
            ]
          : null,
      };
    }),
  };
}

function describeClassicalListeners(call: TencentCall): Record<string, unknown> {
  const lb = findLb(call, true);
  return {
    Listener: lb.listeners.map((l) => ({
      ListenerId: l.id,
      ListenerName: `${l.protocol.toLowerCase()}-${l.port}`,
      Protocol: l.protocol,
      ListenerPort: l.port,
      InstancePort: l.instancePort ?? l.port,
      Status: 1,
    })),
  };
}

function describeClassicalTargets(call: TencentCall): Record<string, unknown> {
  const lb = findLb(call, true);
  return {
    Targets: lb.instances.map((i) => ({
      Type: 'CVM',
      InstanceId: i.vmId,
      Weight: 10,
      PrivateIpAddresses: [vmIp(call.res, i.vmId)],
      RunFlag: i.health === 'in_service' ? 2 : 1,
    })),
  };
}

export const CLB_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeLoadBalancers: describeLoadBalancers,
  DescribeListeners: describeListeners,
  DescribeTargets: describeTargets,
  DescribeClassicalLBListeners: describeClassicalListeners,
  DescribeClassicalLBTargets: describeClassicalTargets,
};
