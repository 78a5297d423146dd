/** NAT v2, ELB v3, RDS v3 and DCS v2 handlers. */
import type { NatGateway, RdsInstance, RedisCache, Target } from '../world-types-services.js';
import type { Handler, HuaweiCall } from './call.js';
import { pageByMarker, pageByNextMarker, pageByOffset } from './call.js';
import { keyValue, vpcTime } from './network.js';
import { uuidFor } from './shape.js';

/** NAT and DCS times: `2026-01-02 03:04:05.000000` (UTC). */
const spaceTime = (iso: string): string => `${vpcTime(iso).replace('T', ' ')}.000000`;

const publicNats = (call: HuaweiCall): NatGateway[] =>
  call.res.natGateways.filter((n) => n.connectivity === 'public');

function snatRules(call: HuaweiCall): Record<string, unknown>[] {
  return publicNats(call).flatMap((n) =>
    n.publicIp === undefined
      ? []
      : call.res.subnets
          .filter((s) => s.vpcId === n.vpcId)
          .map((s) => ({
            id: uuidFor(call.world.seed, 'snat', n.id, s.id),
            nat_gateway_id: n.id,
            network_id: s.id,
            floating_ip_address: n.publicIp,
            floating_ip_id: n.publicIpId ?? '',
            status: 'ACTIVE',
          })),
  );
}

function dnatRules(call: HuaweiCall): Record<string, unknown>[] {
  return publicNats(call).flatMap((n) => {
    const vm = [...call.res.vms].find((v) => v.vpcId === n.vpcId);
    return n.publicIp === undefined || vm === undefined
      ? []
      : [
          {
            id: uuidFor(call.world.seed, 'dnat', n.id),
            nat_gateway_id: n.id,
            protocol: 'tcp',
            floating_ip_address: n.publicIp,
            external_service_port: 2222,
            private_ip: vm.privateIp,
            internal_service_port: 22,
            status: 'ACTIVE',
          },
        ];
  });
}

const HEALTH: Readonly<Record<Target['health'], string>> = {
  healthy: 'ONLINE',
  unhealthy: 'OFFLINE',
  unused: 'NO_MONITOR',
};

const DATASTORE: Readonly<Record<RdsInstance['engine'], string>> = {
  mysql: 'MySQL',
  postgresql: 'PostgreSQL',
  sqlserver: 'SQLServer',
};

function renderRds(r: RdsInstance): Record<string, unknown> {
  return {
    id: r.resourceId,
    name: r.id,
    status: r.state === 'available' ? 'ACTIVE' : 'SHUTDOWN',
    type: r.role === 'replica' ? 'Replica' : r.clusterId === undefined ? 'Single' : 'Ha',
    datastore: { type: DATASTORE[r.engine], version: r.engineVersion },
    private_ips: [r.privateIp],
    public_ips: [],
    port: r.port,
    vpc_id: r.vpcId,
    subnet_id: r.subnetId,
    security_group_id: r.securityGroupIds[0] ?? '',
    flavor_ref: r.instanceClass,
    nodes: [
      {
        id: `${r.resourceId}no01`,
        role: r.role === 'replica' ? 'slave' : 'master',
        availability_zone: r.zone,
      },
    ],
    created: r.createdAt.replace(/\.\d+Z$/, '+0000').replace(/Z$/, '+0000'),
    tags: keyValue(r.tags),
  };
}

const CACHE_MODE: Readonly<Record<RedisCache['mode'], string>> = {
  standalone: 'single',
  replication: 'ha',
  cluster: 'cluster',
};

function renderDcs(call: HuaweiCall, c: RedisCache): Record<string, unknown> {
  const nodes = c.shards.flatMap((s) => s.nodes);
  const first = nodes[0];
  const id = uuidFor(call.world.seed, 'dcs', c.id);
  return {
    instance_id: id,
    name: c.id,
    engine: 'Redis',
    engine_version: c.engineVersion.split('.').slice(0, 1).join('') + '.0',
    status: 'RUNNING',
    ip: first?.privateIp ?? '',
    port: c.port,
    domain_name: `redis-${id}.dcs.huaweicloud.com`,
    publicip_address: null,
    vpc_id: c.vpcId,
    subnet_id: first?.subnetId ?? '',
    az_codes: [...new Set(nodes.map((n) => n.zone))],
    cache_mode: CACHE_MODE[c.mode],
    spec_code: c.nodeType,
    created_at: spaceTime(c.createdAt),
    tags: [],
  };
}

export const NAT_HANDLERS: Readonly<Record<string, Handler>> = {
  ListNatGateways: (call) => ({
    nat_gateways: pageByMarker(call, publicNats(call), (n) => n.id, 2000).map((n) => ({
      id: n.id,
      name: n.name,
      router_id: n.vpcId,
      internal_network_id: n.subnetId,
      status: n.state === 'available' ? 'ACTIVE' : 'PENDING_CREATE',
      spec: '1',
      ngport_ip_address: n.privateIp,
      tenant_id: call.projectId,
      created_at: spaceTime(n.createdAt),
    })),
  }),
  ListNatGatewaySnatRules: (call) => ({
    snat_rules: pageByMarker(call, snatRules(call), (r) => String(r['id']), 2000),
  }),
  ListNatGatewayDnatRules: (call) => ({
    dnat_rules: pageByMarker(call, dnatRules(call), (r) => String(r['id']), 2000),
  }),
};

export const ELB_HANDLERS: Readonly<Record<string, Handler>> = {
  ListLoadBalancers: (call) => {
    const enis = new Map([...call.res.networkInterfaces].map((e) => [e.id, e]));
    const page = pageByNextMarker(call, call.res.loadBalancers, (l) => l.id, 2000);
    return {
      loadbalancers: page.items.map((lb) => {
        const vip = enis.get(lb.interfaceIds[0] ?? '');
        const pub = vip?.privateIps[0]?.publicIp;
        return {
          id: lb.id,
          name: lb.name,
          vpc_id: lb.vpcId,
          vip_subnet_cidr_id: lb.subnetIds[0] ?? '',
          vip_address: vip?.privateIps[0]?.ip ?? '',
          vip_port_id: vip?.id ?? '',
          provisioning_status: 'ACTIVE',
          operating_status: 'ONLINE',
          availability_zone_list: [...lb.zones],
          publicips:
            pub === undefined
              ? []
              : [{ publicip_address: pub, publicip_id: uuidFor(call.world.seed, 'eip', pub) }],
          l4_flavor_id: uuidFor(call.world.seed, 'flavor', 'l4'),
          l7_flavor_id: lb.type === 'application' ? uuidFor(call.world.seed, 'flavor', 'l7') : null,
          listeners: lb.listeners.map((l) => ({ id: l.id })),
          created_at: lb.createdAt.replace(/\.\d+Z$/, 'Z'),
          tags: keyValue(lb.tags),
        };
      }),
      page_info: page.page_info,
    };
  },
  ListListeners: (call) => {
    const all = call.res.loadBalancers.flatMap((lb) =>
      lb.listeners.map((l) => ({
        id: l.id,
        name: `${l.protocol.toLowerCase()}-${l.port}`,
        protocol: l.protocol,
        protocol_port: l.port,
        default_pool_id: l.targetGroupId ?? null,
        loadbalancers: [{ id: lb.id }],
      })),
    );
    const page = pageByNextMarker(call, all, (l) => l.id, 2000);
    return { listeners: page.items, page_info: page.page_info };
  },
  ListMembers: (call) => {
    const pool = call.pathParams['pool_id'] ?? '';
    const tg = call.res.targetGroups.find((t) => t.id === pool);
    const all = (tg?.targets ?? []).map((t) => ({
      id: uuidFor(call.world.seed, 'member', pool, t.ip, String(t.port)),
      address: t.ip,
      protocol_port: t.port,
      instance_id: t.vmId ?? '',
      operating_status: HEALTH[t.health],
      weight: 1,
    }));
    const page = pageByNextMarker(call, all, (m) => m.id, 2000);
    return { members: page.items, page_info: page.page_info };
  },
};

export const RDS_HANDLERS: Readonly<Record<string, Handler>> = {
  ListInstances: (call) => {
    const page = pageByOffset(call, call.res.rdsInstances, 100, 'pages');
    return { instances: page.items.map(renderRds), total_count: page.total };
  },
};

export const DCS_HANDLERS: Readonly<Record<string, Handler>> = {
  ListInstances: (call) => {
    const page = pageByOffset(call, call.res.redisCaches, 1000, 'items');
    return { instances: page.items.map((c) => renderDcs(call, c)), instance_num: page.total };
  },
};
