/** Network actions: zones, routers (VPCs), vxnets, security groups and rules, route tables, EIPs, NAT NFVs. */
import { hash32, hex32 } from '../random.js';
import type { PublicIp } from '../world-types.js';
import type { Handler, QingcloudCall } from './call.js';
import { byStatus, listParam, renderTags } from './call.js';
import { qingcloudId, zoneOf } from './shape.js';

/** `2026-01-02T03:04:05Z`: QingCloud times have whole seconds. */
export function stamp(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : `${iso.slice(0, 19)}Z`;
}

export function tagsOf(
  call: QingcloudCall,
  tags: Readonly<Record<string, string>>,
): Record<string, string>[] {
  return renderTags(
    tags,
    (n) => `tag-${hex32(hash32(call.world.seed, Object.keys(tags)[n] ?? '', n))}`,
  );
}

/** The EIP id of a public IP: its allocation id, or (auto-assigned ones) `eip-z` + the address in base36. */
export function eipIdOf(p: { readonly id?: string | undefined; readonly ip: string }): string {
  if (p.id !== undefined) return p.id;
  const n = p.ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
  return `eip-z${n.toString(36).padStart(7, '0')}`;
}

const EIP_RESOURCE: Readonly<Record<string, string>> = {
  vm: 'instance',
  load_balancer: 'loadbalancer',
  nat_gateway: 'nfv',
  rds_instance: 'rdb',
  redis_instance: 'cache',
};

function renderEip(call: QingcloudCall, p: PublicIp): Record<string, unknown> {
  const type = p.deviceKind === undefined ? undefined : EIP_RESOURCE[p.deviceKind];
  return {
    eip_id: eipIdOf(p),
    eip_name: '',
    eip_addr: p.ip,
    status: p.deviceId === undefined ? 'available' : 'associated',
    bandwidth: 10,
    tags: tagsOf(call, p.tags),
    ...(type === undefined || p.deviceId === undefined
      ? {}
      : {
          resource: {
            resource_id: p.deviceId,
            resource_name: '',
            resource_type: type,
            ...(type === 'instance' && p.interfaceId !== undefined
              ? { nic_id: p.interfaceId }
              : {}),
          },
        }),
  };
}

const PROTOCOL: Readonly<Record<string, string>> = {
  all: '',
  tcp: 'tcp',
  udp: 'udp',
  icmp: 'icmp',
};

export const NETWORK_ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeZones: (call) => {
    // A region exists only through its zones: one the world lays out nothing in still has its first zone.
    const zones = call.world.regions.flatMap((r) => {
      const laid = r.enabled ? call.world.resources(r.id).zones : [];
      return laid.length > 0
        ? laid.map((z) => ({ zone_id: z.id, status: 'active' }))
        : [{ zone_id: zoneOf(r.id, 0), status: r.enabled ? 'active' : 'defunct' }];
    });
    return { key: 'zone_set', items: byStatus(call, zones) };
  },
  DescribeRouters: (call) => ({
    key: 'router_set',
    items: byStatus(
      call,
      call.res.vpcs.map((v) => ({
        router_id: v.id,
        router_name: v.name,
        router_type: 1,
        status: 'active',
        vpc_network: v.cidr,
        tags: tagsOf(call, v.tags),
      })),
    ),
  }),
  DescribeVxnets: (call) => ({
    key: 'vxnet_set',
    items: [
      // The basic network: a vxnet in no VPC (the adapter lists it as no subnet).
      { vxnet_id: 'vxnet-0', vxnet_name: 'base', vxnet_type: 0, tags: [] },
      ...call.res.subnets.map((s) => ({
        vxnet_id: s.id,
        vxnet_name: s.name,
        vxnet_type: 1,
        vpc_router_id: s.vpcId,
        zone_id: s.zone,
        router: { router_id: s.vpcId, ip_network: s.cidr },
        tags: tagsOf(call, s.tags),
      })),
    ],
  }),
  DescribeSecurityGroups: (call) => ({
    key: 'security_group_set',
    items: call.res.securityGroups.map((g) => ({
      security_group_id: g.id,
      security_group_name: g.name,
      description: g.description,
      tags: tagsOf(call, g.tags),
    })),
  }),
  DescribeSecurityGroupRules: (call) => {
    const only = call.params['security_group'];
    let n = 0;
    const rules = call.res.securityGroups.flatMap((g) =>
      g.rules.map((r, priority) => ({
        security_group_rule_id: qingcloudId(call.world.seed, call.regionIndex, 'rule', n++),
        security_group_id: g.id,
        protocol: PROTOCOL[r.protocol] ?? '',
        priority,
        action: 'accept',
        direction: r.direction === 'ingress' ? 0 : 1,
        val1: r.fromPort === undefined || r.protocol === 'all' ? '' : String(r.fromPort),
        val2: r.toPort === undefined || r.protocol === 'all' ? '' : String(r.toPort),
        val3: r.cidr ?? '',
        disabled: 0,
        security_group_rule_name: r.description ?? '',
      })),
    );
    return {
      key: 'security_group_rule_set',
      items: only === undefined ? rules : rules.filter((r) => r.security_group_id === only),
    };
  },
  DescribeRouteTables: (call) => {
    let n = 0;
    const tables = call.res.routeTables.flatMap((t) => {
      const bound = call.res.subnets.filter((s) => s.routeTableId === t.id);
      if (bound.length === 0) return [];
      return [
        {
          rtable_id: t.id,
          rtable_name: t.name ?? '',
          resource_map: Object.fromEntries(
            bound.map((s) => [s.id, { resource_id: s.id, resource_type: 'vxnet' }]),
          ),
          routing_table_rule_set: t.routes.map((r) => ({
            rtable_rule_id: qingcloudId(call.world.seed, call.regionIndex, 'rtable_rule', n++),
            network: r.destination,
            nexthop_type:
              r.target === 'local'
                ? 0
                : r.target === 'internet_gateway'
                  ? 2
                  : r.target === 'nat_gateway'
                    ? 4
                    : 6,
            nexthop: r.target === 'internet_gateway' ? t.vpcId : (r.targetId ?? ''),
          })),
          tags: tagsOf(call, t.tags),
        },
      ];
    });
    return { key: 'routing_table_set', items: tables };
  },
  DescribeEips: (call) => {
    const out: Record<string, unknown>[] = [];
    for (const p of call.res.publicIps) out.push(renderEip(call, p));
    return { key: 'eip_set', items: byStatus(call, out as { status?: string }[]) };
  },
  DescribeNFVs: (call) => {
    const type = call.params['nfv_type'];
    const nats = call.res.natGateways.map((g) => ({
      nfv_id: g.id,
      nfv_name: g.name,
      nfv_type: 1,
      status: g.state === 'available' ? 'active' : 'pending',
      zone_id: g.zone,
      vxnets: [{ vxnet_id: g.subnetId, private_ip: g.privateIp }],
      eips:
        g.publicIp === undefined
          ? []
          : [{ eip_id: eipIdOf({ id: g.publicIpId, ip: g.publicIp }), eip_addr: g.publicIp }],
      create_time: stamp(g.createdAt),
      tags: tagsOf(call, g.tags),
    }));
    const vxnets = listParam(call, 'vxnets');
    return {
      key: 'nfv_set',
      items: byStatus(call, nats).filter(
        (g) =>
          (type === undefined || type === '1') &&
          (vxnets === undefined || g.vxnets.some((v) => vxnets.includes(v.vxnet_id))),
      ),
    };
  },
};
