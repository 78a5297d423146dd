/** VPC (v3 VPCs, v1 subnets/ports/security groups/route tables, v2.0 peerings) and EIP v3 handlers. */
import type { NetworkInterface, PublicIp, SgRule, Tags } from '../world-types.js';
import type { Peering, PeeringSide } from '../world-types-services.js';
import type { Handler, HuaweiCall } from './call.js';
import { pageByMarker, pageByNextMarker } from './call.js';
import { HuaweiApiError } from './errors.js';
import { uuidFor } from './shape.js';

export const keyValue = (tags: Tags): { key: string; value: string }[] =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));

/** `2026-01-02T03:04:05Z` → VPC's `2026-01-02T03:04:05` (UTC, no zone). */
export const vpcTime = (iso: string): string => iso.replace(/\.\d+Z$|Z$/, '');

/** The neutron subnet id of a Huawei subnet (ports' `fixed_ips[].subnet_id`). */
export const neutronSubnet = (call: HuaweiCall, subnetId: string): string =>
  uuidFor(call.world.seed, 'neutron-subnet', subnetId);

/** Devices that have a port in the port list: servers, public NAT gateways and load balancers. */
export function isServedPort(call: HuaweiCall, eni: NetworkInterface): boolean {
  if (eni.deviceKind === 'vm' || eni.deviceKind === 'load_balancer') return true;
  if (eni.deviceKind !== 'nat_gateway') return false;
  return call.res.natGateways.some((n) => n.id === eni.deviceId && n.connectivity === 'public');
}

const OWNER: Readonly<Record<string, (eni: NetworkInterface) => string>> = {
  vm: (e) => `compute:${e.zone}`,
  nat_gateway: () => 'network:nat_gateway',
  load_balancer: () => 'neutron:LOADBALANCERV3',
};

function renderPort(call: HuaweiCall, e: NetworkInterface): Record<string, unknown> {
  return {
    id: e.id,
    name: '',
    network_id: e.subnetId,
    mac_address: e.mac,
    device_id: e.deviceId,
    device_owner: (OWNER[e.deviceKind] ?? (() => ''))(e),
    status: 'ACTIVE',
    admin_state_up: true,
    fixed_ips: e.privateIps.map((ip) => ({
      subnet_id: neutronSubnet(call, e.subnetId),
      ip_address: ip.ip,
    })),
    security_groups: [...e.securityGroupIds],
    tenant_id: call.projectId,
  };
}

function renderRule(call: HuaweiCall, sgId: string, r: SgRule, n: number): Record<string, unknown> {
  return {
    id: uuidFor(call.world.seed, 'sg-rule', sgId, String(n)),
    security_group_id: sgId,
    direction: r.direction,
    ethertype: 'IPv4',
    protocol: r.protocol === 'all' ? null : r.protocol,
    port_range_min: r.fromPort ?? null,
    port_range_max: r.toPort ?? null,
    remote_ip_prefix: r.cidr ?? null,
    remote_group_id: r.groupId ?? null,
    description: r.description ?? '',
  };
}

/** Huawei route types; the VPC's local route is implicit and there is no internet gateway. */
const ROUTE_TYPE: Readonly<Record<string, string>> = {
  nat_gateway: 'nat',
  peering: 'peering',
  cloud_network: 'er',
};

function routeTable(call: HuaweiCall, id: string, withRoutes: boolean): Record<string, unknown> {
  const t = call.res.routeTables.find((r) => r.id === id);
  if (t === undefined)
    throw new HuaweiApiError(404, 'VPC.1802', `Route table ${id} does not exist.`);
  const subnets = call.res.subnets
    .filter((s) => s.routeTableId === t.id)
    .map((s) => ({ id: s.id }));
  return {
    id: t.id,
    name: t.name ?? (t.main ? 'rtb-default' : t.id),
    default: t.main,
    vpc_id: t.vpcId,
    subnets,
    tenant_id: call.projectId,
    ...(withRoutes
      ? {
          routes: t.routes.flatMap((r) => {
            const privateNat =
              r.target === 'nat_gateway' &&
              call.res.natGateways.some((n) => n.id === r.targetId && n.connectivity === 'private');
            const type = privateNat ? 'private_nat' : ROUTE_TYPE[r.target];
            return type === undefined || r.targetId === undefined
              ? []
              : [{ type, destination: r.destination, nexthop: r.targetId }];
          }),
        }
      : {}),
  };
}

function side(call: HuaweiCall, s: PeeringSide): Record<string, string> {
  const own = s.accountId === call.world.accountId;
  return {
    vpc_id: s.vpcId,
    tenant_id: own ? call.projectOf(s.region) : uuidFor(0, s.accountId, s.region).replace(/-/g, ''),
  };
}

function renderPeering(call: HuaweiCall, p: Peering): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    status: p.state === 'active' ? 'ACTIVE' : 'PENDING_ACCEPTANCE',
    request_vpc_info: side(call, p.requester),
    accept_vpc_info: side(call, p.accepter),
    created_at: vpcTime(p.createdAt),
  };
}

/** `associate_instance_type` of a public IP by the device it is on (only devices that exist here). */
function renderPublicIp(
  call: HuaweiCall,
  ip: PublicIp,
  ports: ReadonlySet<string>,
): Record<string, unknown> {
  const id = ip.id ?? uuidFor(call.world.seed, 'eip', ip.ip);
  const onPort = ip.interfaceId !== undefined && ports.has(ip.interfaceId);
  const type =
    ip.deviceKind === 'vm' && onPort
      ? 'PORT'
      : ip.deviceKind === 'load_balancer' && onPort
        ? 'ELB'
        : ip.deviceKind === 'nat_gateway' &&
            call.res.natGateways.some((n) => n.id === ip.deviceId && n.connectivity === 'public')
          ? 'NATGW'
          : null;
  return {
    id,
    alias: null,
    public_ip_address: ip.ip,
    ip_version: 4,
    status: type === null ? 'DOWN' : 'ACTIVE',
    associate_instance_type: type,
    associate_instance_id: type === null ? null : (ip.deviceId ?? null),
    vnic:
      type === 'PORT' || type === 'ELB'
        ? { private_ip_address: ip.privateIp, port_id: ip.interfaceId, device_id: ip.deviceId }
        : null,
    tags: keyValue(ip.tags),
  };
}

export const VPC_HANDLERS: Readonly<Record<string, Handler>> = {
  ListVpcs: (call) => {
    const page = pageByNextMarker(call, call.res.vpcs, (v) => v.id, 2000);
    return {
      vpcs: page.items.map((v) => ({
        id: v.id,
        name: v.name,
        cidr: v.cidr,
        extend_cidrs: [],
        status: 'ACTIVE',
        project_id: call.projectId,
        tags: keyValue(v.tags),
      })),
      page_info: page.page_info,
    };
  },
  ListSubnets: (call) => ({
    subnets: pageByMarker(call, call.res.subnets, (s) => s.id, 2000).map((s) => ({
      id: s.id,
      name: s.name,
      cidr: s.cidr,
      gateway_ip: s.cidr.replace(/\.0\/\d+$/, '.1'),
      vpc_id: s.vpcId,
      status: 'ACTIVE',
      availability_zone: s.zone,
      neutron_network_id: s.id,
      neutron_subnet_id: neutronSubnet(call, s.id),
      tags: keyValue(s.tags),
    })),
  }),
  ListPorts: (call) => {
    const served = [...call.res.networkInterfaces].filter((e) => isServedPort(call, e));
    return { ports: pageByMarker(call, served, (e) => e.id, 2000).map((e) => renderPort(call, e)) };
  },
  ListSecurityGroups: (call) => ({
    security_groups: pageByMarker(call, call.res.securityGroups, (g) => g.id, 1000).map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description,
      vpc_id: g.vpcId,
      security_group_rules: g.rules.map((r, n) => renderRule(call, g.id, r, n)),
    })),
  }),
  ListRouteTables: (call) => ({
    routetables: pageByMarker(call, call.res.routeTables, (t) => t.id, 2000).map((t) =>
      routeTable(call, t.id, false),
    ),
  }),
  ShowRouteTable: (call) => ({
    routetable: routeTable(call, call.pathParams['routetable_id'] ?? '', true),
  }),
  ListVpcPeerings: (call) => {
    const own = call.res.peerings.filter(
      (p) => p.requester.region === call.region || p.accepter.region === call.region,
    );
    return {
      peerings: pageByMarker(call, own, (p) => p.id, 2000).map((p) => renderPeering(call, p)),
    };
  },
};

export const EIP_HANDLERS: Readonly<Record<string, Handler>> = {
  ListPublicips: (call) => {
    const ports = new Set(
      [...call.res.networkInterfaces].filter((e) => isServedPort(call, e)).map((e) => e.id),
    );
    const all = [...call.res.publicIps].map((ip) => renderPublicIp(call, ip, ports));
    const page = pageByNextMarker(call, all, (p) => String(p['id']), 2000);
    return { publicips: page.items, page_info: page.page_info, total_count: all.length };
  },
};
