/**
 * ALB 2020-06-16 and NLB 2022-04-30: the world's application and network load balancers, their listeners
 * and server groups. Both page with `NextToken`/`MaxResults` (1–100, default 20), answer in ISO-8601 times
 * and `{Key, Value}` tags, as the real APIs do.
 */
import type { LoadBalancer, TargetGroup } from '../world-types-services.js';
import { notFound, pageByToken, required, type AliyunCall, type Handler } from './call.js';
import { resourceGroupId } from './render.js';
import { interfaceById, lbAddress } from './services.js';

export const ALB_VERSION = '2020-06-16';
export const NLB_VERSION = '2022-04-30';

/** Real bounds of every ALB/NLB list call. */
export const ALB_NLB_PAGE = { sizeParam: 'MaxResults', min: 1, max: 100, default: 20 } as const;

type V2Type = 'application' | 'network';

function balancers(call: AliyunCall, type: V2Type): LoadBalancer[] {
  return call.res.loadBalancers.filter((lb) => lb.type === type);
}

/** `LoadBalancerIds.1`, `LoadBalancerIds.2`, ... (RPC repeat list). */
function repeatList(call: AliyunCall, name: string): string[] | undefined {
  const out: string[] = [];
  for (let i = 1; call.params[`${name}.${i}`] !== undefined; i++) {
    out.push(call.params[`${name}.${i}`] ?? '');
  }
  return out.length === 0 ? undefined : out;
}

function tags(lb: LoadBalancer): { Key: string; Value: string }[] {
  return Object.entries(lb.tags).map(([Key, Value]) => ({ Key, Value }));
}

function common(call: AliyunCall, lb: LoadBalancer, type: V2Type): Record<string, unknown> {
  return {
    LoadBalancerId: lb.id,
    LoadBalancerName: lb.name,
    LoadBalancerStatus: 'Active',
    AddressType: lb.scheme === 'internet' ? 'Internet' : 'Intranet',
    AddressIpVersion: type === 'application' ? 'IPv4' : 'ipv4',
    VpcId: lb.vpcId,
    DNSName: `${lb.id}.${call.region}.${type === 'application' ? 'alb' : 'nlb'}.aliyuncsslb.com`,
    CreateTime: `${lb.createdAt.slice(0, 19)}Z`,
    ResourceGroupId: resourceGroupId(call.world),
    Tags: tags(lb),
  };
}

/** One zone mapping per subnet; the first carries the address the world gives the balancer. */
function zoneMappings(call: AliyunCall, lb: LoadBalancer, type: V2Type): unknown[] {
  return lb.subnetIds.map((subnetId, i) => {
    const ni =
      lb.interfaceIds[i] === undefined ? undefined : interfaceById(call.res, lb.interfaceIds[i]);
    const ip = ni?.privateIps[0];
    const privateIp = ip?.ip ?? (i === 0 ? lbAddress(call, lb) : '');
    const publicIp = lb.scheme === 'internet' ? ip?.publicIp : undefined;
    const address =
      type === 'application'
        ? { Address: publicIp ?? privateIp, IntranetAddress: privateIp }
        : {
            PrivateIPv4Address: privateIp,
            ...(publicIp === undefined ? {} : { PublicIPv4Address: publicIp }),
            ...(ni === undefined ? {} : { EniId: ni.id }),
          };
    return {
      ZoneId: lb.zones[i] ?? lb.zones[0] ?? '',
      VSwitchId: subnetId,
      Status: 'Active',
      LoadBalancerAddresses: privateIp === '' ? [] : [address],
    };
  });
}

function listLoadBalancers(type: V2Type): Handler {
  return (call) => {
    const ids = repeatList(call, 'LoadBalancerIds');
    const all = balancers(call, type).filter((lb) => ids === undefined || ids.includes(lb.id));
    const page = pageByToken(call, all, ALB_NLB_PAGE);
    return {
      NextToken: page.next,
      MaxResults: page.size,
      TotalCount: all.length,
      LoadBalancers: page.items.map((lb) => ({
        ...common(call, lb, type),
        // NLB lists its zone mappings; ALB only answers them in GetLoadBalancerAttribute.
        ...(type === 'network' ? { ZoneMappings: zoneMappings(call, lb, type) } : {}),
      })),
    };
  };
}

function getLoadBalancerAttribute(call: AliyunCall): Record<string, unknown> {
  const id = required(call, 'LoadBalancerId');
  const lb = balancers(call, 'application').find((x) => x.id === id);
  if (lb === undefined) throw notFound('ResourceNotFound.LoadBalancer', `load balancer ${id}`);
  return {
    ...common(call, lb, 'application'),
    ZoneMappings: zoneMappings(call, lb, 'application'),
  };
}

function listListeners(type: V2Type): Handler {
  return (call) => {
    const ids = repeatList(call, 'LoadBalancerIds');
    const rows = balancers(call, type)
      .filter((lb) => ids === undefined || ids.includes(lb.id))
      .flatMap((lb) => lb.listeners.map((l) => ({ lb, l })));
    const page = pageByToken(call, rows, ALB_NLB_PAGE, (ids ?? []).join(','));
    return {
      NextToken: page.next,
      MaxResults: page.size,
      TotalCount: rows.length,
      Listeners: page.items.map(({ lb, l }) => ({
        ListenerId: l.id,
        LoadBalancerId: lb.id,
        ListenerProtocol: l.protocol,
        ListenerPort: l.port,
        ListenerDescription: '',
        ListenerStatus: 'Running',
        ...(type === 'application'
          ? {
              DefaultActions: [
                {
                  Type: 'ForwardGroup',
                  ForwardGroupConfig: {
                    ServerGroupTuples:
                      l.targetGroupId === undefined ? [] : [{ ServerGroupId: l.targetGroupId }],
                  },
                },
              ],
            }
          : { ServerGroupId: l.targetGroupId ?? '' }),
      })),
    };
  };
}

function listServerGroupServers(call: AliyunCall): Record<string, unknown> {
  const id = required(call, 'ServerGroupId');
  const group: TargetGroup | undefined = call.res.targetGroups.find((t) => t.id === id);
  if (group === undefined) throw notFound('ResourceNotFound.ServerGroup', `server group ${id}`);
  const page = pageByToken(call, group.targets, ALB_NLB_PAGE, id);
  return {
    NextToken: page.next,
    MaxResults: page.size,
    TotalCount: group.targets.length,
    Servers: page.items.map((t) => ({
      ServerGroupId: id,
      ServerId: t.vmId ?? t.ip,
      ServerIp: t.ip,
      ServerType: t.kind === 'vm' ? 'Ecs' : 'Ip',
      Port: t.port,
      Weight: 100,
      Status: 'Available',
      ...(t.zone === undefined ? {} : { ZoneId: t.zone }),
    })),
  };
}

export const ALB_ACTIONS: Readonly<Record<string, Handler>> = {
  ListLoadBalancers: listLoadBalancers('application'),
  GetLoadBalancerAttribute: getLoadBalancerAttribute,
  ListListeners: listListeners('application'),
  ListServerGroupServers: listServerGroupServers,
};

export const NLB_ACTIONS: Readonly<Record<string, Handler>> = {
  ListLoadBalancers: listLoadBalancers('network'),
  ListListeners: listListeners('network'),
  ListServerGroupServers: listServerGroupServers,
};
