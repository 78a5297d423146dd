import type { Inventory, LoadBalancer, NetworkInterface, Subnet, Vm } from '../model/index.js';
import { cidrContains, parseCidr, parseIp } from './cidr.js';
import type { ParsedCidr } from './cidr.js';
import { deepflowUuid } from './uuid.js';

/** DeepFlow's default region (`ffffffff-…`, "系统默认"): what a domain without `region_uuid` uses. */
export const DEEPFLOW_DEFAULT_REGION_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export interface DfVinterface {
  mac: string;
  subnet_uuid: string;
  ips: string[];
}
export interface DfAz {
  name: string;
  uuid: string;
  domain_uuid: string;
}
export type DfVpc = DfAz;
export interface DfSubnet {
  name: string;
  uuid: string;
  type: number;
  is_vip: boolean;
  vpc_uuid: string;
  az_uuid?: string;
  domain_uuid: string;
  cidrs: string[];
}
export interface DfChost {
  name: string;
  uuid: string;
  type: number;
  vpc_uuid: string;
  az_uuid: string;
  domain_uuid: string;
  vinterfaces: DfVinterface[];
}
export interface DfLbTargetServer {
  ip: string;
  port: number;
}
export interface DfLbListener {
  name: string;
  protocol: 'TCP' | 'UDP';
  ip: string;
  port: number;
  lb_target_servers: DfLbTargetServer[];
}
export interface DfLb {
  name: string;
  model: 1 | 2;
  vpc_uuid: string;
  region_uuid: string;
  domain_uuid: string;
  vinterfaces: DfVinterface[];
  lb_listeners: DfLbListener[];
}
export interface DfPeerConnection {
  name: string;
  uuid: string;
  domain_uuid: string;
  local_vpc_uuid: string;
  local_region_uuid: string;
  remote_vpc_uuid: string;
  remote_region_uuid: string;
}
export interface DfCloudTag {
  resource_type: 'chost';
  resource_name: string;
  domain_uuid: string;
  tags: { key: string; value: string }[];
}

/** DeepFlow's `AdditionalResource` body of `PUT /v1/domain-additional-resources/` (reference §3.2). */
export interface DeepflowDocument {
  azs: DfAz[];
  vpcs: DfVpc[];
  subnets: DfSubnet[];
  hosts: never[];
  chosts: DfChost[];
  lbs: DfLb[];
  peer_connections: DfPeerConnection[];
  cloud_tags: DfCloudTag[];
}

export interface DeepflowTarget {
  readonly domainUuid: string;
  /** The domain's `region_uuid` (LBs and peerings must name it); DeepFlow's default when unset. */
  readonly regionUuid?: string;
}

/** What was left out of the document, and why (logged; DeepFlow would refuse it). */
export interface DeepflowDropped {
  readonly reason: string;
  readonly id: string;
}

/** A tag key or value DeepFlow accepts: no space, `:`, backtick or backslash (keys: no `'` either). */
export function isDeepflowTag(key: string, value: string): boolean {
  const bad = /[\s:`\\]/;
  return key.length > 0 && !bad.test(key) && !key.includes("'") && !bad.test(value);
}

const LB_PROTOCOL: Readonly<Record<string, 'TCP' | 'UDP'>> = {
  TCP: 'TCP',
  UDP: 'UDP',
  TCP_UDP: 'TCP',
  TLS: 'TCP',
  HTTP: 'TCP',
  HTTPS: 'TCP',
  SSL: 'TCP',
};

interface Ctx {
  readonly domain: string;
  readonly region: string;
  readonly dropped: DeepflowDropped[];
  readonly subnetCidrs: Map<string, ParsedCidr[]>;
  /** `vpc_id + name` of load balancers that share a name within a VPC. */
  readonly lbNameClashes: ReadonlySet<string>;
}

/** The vinterfaces of a device: its NICs with a MAC and a known subnet, IPs kept only inside that subnet. */
function vinterfaces(nics: readonly NetworkInterface[], ctx: Ctx): DfVinterface[] {
  const out: DfVinterface[] = [];
  for (const nic of nics) {
    if (nic.mac === undefined || nic.subnet_id === undefined) {
      ctx.dropped.push({ reason: 'interface without MAC or subnet', id: nic.id });
      continue;
    }
    const subnetUuid = deepflowUuid(nic.subnet_id);
    const cidrs = ctx.subnetCidrs.get(subnetUuid);
    if (cidrs === undefined) {
      ctx.dropped.push({ reason: 'interface in a subnet not in the document', id: nic.id });
      continue;
    }
    const ips = nic.private_ips.filter((ip) => {
      const parsed = parseIp(ip);
      const inside = parsed !== undefined && cidrs.some((c) => cidrContains(c, parsed));
      if (!inside) ctx.dropped.push({ reason: `ip ${ip} outside its subnet`, id: nic.id });
      return inside;
    });
    out.push({ mac: nic.mac.toLowerCase(), subnet_uuid: subnetUuid, ips });
  }
  return out;
}

function subnetOf(
  s: Subnet,
  vpcs: ReadonlySet<string>,
  azs: ReadonlySet<string>,
  ctx: Ctx,
): DfSubnet | undefined {
  const vpcUuid = deepflowUuid(s.vpc_id);
  if (!vpcs.has(vpcUuid)) {
    ctx.dropped.push({ reason: 'subnet of a VPC not in the document', id: s.id });
    return undefined;
  }
  const cidrs = s.cidrs.filter((c) => parseCidr(c) !== undefined);
  const out: DfSubnet = {
    name: s.name,
    uuid: deepflowUuid(s.id),
    type: 4,
    is_vip: false,
    vpc_uuid: vpcUuid,
    domain_uuid: ctx.domain,
    cidrs,
  };
  if (s.zone_id !== undefined && azs.has(deepflowUuid(s.zone_id)))
    out.az_uuid = deepflowUuid(s.zone_id);
  ctx.subnetCidrs.set(
    out.uuid,
    cidrs.flatMap((c) => parseCidr(c) ?? []),
  );
  return out;
}

function chostOf(
  vm: Vm,
  nics: readonly NetworkInterface[],
  vpcs: ReadonlySet<string>,
  azs: ReadonlySet<string>,
  ctx: Ctx,
): DfChost | undefined {
  const vpcUuid = vm.vpc_id === undefined ? undefined : deepflowUuid(vm.vpc_id);
  const azUuid = vm.zone_id === undefined ? undefined : deepflowUuid(vm.zone_id);
  if (vpcUuid === undefined || !vpcs.has(vpcUuid) || azUuid === undefined || !azs.has(azUuid)) {
    ctx.dropped.push({ reason: 'VM without a VPC or zone in the document', id: vm.id });
    return undefined;
  }
  return {
    name: vm.name,
    uuid: deepflowUuid(vm.id),
    type: 1,
    vpc_uuid: vpcUuid,
    az_uuid: azUuid,
    domain_uuid: ctx.domain,
    vinterfaces: vinterfaces(nics, ctx),
  };
}

function lbOf(
  lb: LoadBalancer,
  nics: readonly NetworkInterface[],
  vmIps: ReadonlyMap<string, string>,
  vpcs: ReadonlySet<string>,
  ctx: Ctx,
): DfLb | undefined {
  const vpcUuid = lb.vpc_id === undefined ? undefined : deepflowUuid(lb.vpc_id);
  if (vpcUuid === undefined || !vpcs.has(vpcUuid)) {
    ctx.dropped.push({ reason: 'load balancer without a VPC in the document', id: lb.id });
    return undefined;
  }
  const vifs = vinterfaces(nics, ctx);
  const ips = [...new Set([...lb.vips, ...vifs.flatMap((v) => v.ips)])].filter(
    (ip) => parseIp(ip) !== undefined,
  );
  const listeners: DfLbListener[] = [];
  for (const l of lb.listeners) {
    const protocol = LB_PROTOCOL[l.protocol.toUpperCase()];
    if (protocol === undefined) continue;
    const servers: DfLbTargetServer[] = [];
    for (const t of l.targets) {
      const ip = t.ip ?? (t.vm_id === undefined ? undefined : vmIps.get(t.vm_id));
      if (ip !== undefined && parseIp(ip) !== undefined)
        servers.push({ ip, port: t.port ?? l.port });
    }
    for (const ip of ips) {
      listeners.push({
        name: l.name || `${ip}-${l.port}`,
        protocol,
        ip,
        port: l.port,
        lb_target_servers: servers,
      });
    }
  }
  // DeepFlow keys an LB by name + VPC: two LBs of one name in one VPC get their native id appended.
  const clash = ctx.lbNameClashes.has(`${lb.vpc_id ?? ''}\u0000${lb.name}`);
  return {
    name: clash && lb.name !== lb.native_id ? `${lb.name} (${lb.native_id})` : lb.name,
    model: lb.scheme === 'internal' ? 1 : 2,
    vpc_uuid: vpcUuid,
    region_uuid: ctx.region,
    domain_uuid: ctx.domain,
    vinterfaces: vifs,
    lb_listeners: listeners,
  };
}

function clashes(keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const k of keys) (seen.has(k) ? out : seen).add(k);
  return out;
}

function byDevice(nics: readonly NetworkInterface[]): Map<string, NetworkInterface[]> {
  const out = new Map<string, NetworkInterface[]>();
  for (const n of nics) {
    if (n.device_id === undefined) continue;
    out.set(n.device_id, [...(out.get(n.device_id) ?? []), n]);
  }
  return out;
}

/**
 * Converts the inventory of every configured account into DeepFlow's domain-additional-resources document.
 * Every UUID is UUIDv5 of our record id (stable across runs). What DeepFlow would refuse (a VM without a
 * zone, an IP outside its subnet, a tag with a space) is left out and listed in `dropped`.
 */
export function buildDeepflowDocument(
  inv: Inventory,
  target: DeepflowTarget,
): { document: DeepflowDocument; dropped: DeepflowDropped[] } {
  const ctx: Ctx = {
    domain: target.domainUuid,
    region: target.regionUuid ?? DEEPFLOW_DEFAULT_REGION_UUID,
    dropped: [],
    subnetCidrs: new Map(),
    lbNameClashes: clashes(inv.load_balancers.map((lb) => `${lb.vpc_id ?? ''}\u0000${lb.name}`)),
  };
  const azs = inv.zones.map((z) => ({
    name: z.name,
    uuid: deepflowUuid(z.id),
    domain_uuid: ctx.domain,
  }));
  const vpcs = inv.vpcs.map((v) => ({
    name: v.name,
    uuid: deepflowUuid(v.id),
    domain_uuid: ctx.domain,
  }));
  const azSet = new Set(azs.map((a) => a.uuid));
  const vpcSet = new Set(vpcs.map((v) => v.uuid));
  const subnets = inv.subnets.flatMap((s) => subnetOf(s, vpcSet, azSet, ctx) ?? []);
  const nics = byDevice(inv.network_interfaces);
  const chosts = inv.vms.flatMap(
    (vm) => chostOf(vm, nics.get(vm.id) ?? [], vpcSet, azSet, ctx) ?? [],
  );
  const chostIds = new Set(chosts.map((c) => c.uuid));
  const vmIps = new Map(
    inv.vms.flatMap((vm) => (vm.primary_ip === undefined ? [] : [[vm.id, vm.primary_ip] as const])),
  );
  const lbs = inv.load_balancers.flatMap(
    (lb) => lbOf(lb, nics.get(lb.id) ?? [], vmIps, vpcSet, ctx) ?? [],
  );
  const peers: DfPeerConnection[] = [];
  for (const p of inv.peering_connections) {
    const local = p.local_vpc_id === undefined ? undefined : deepflowUuid(p.local_vpc_id);
    const remote = p.remote_vpc_id === undefined ? undefined : deepflowUuid(p.remote_vpc_id);
    if (
      local === undefined ||
      remote === undefined ||
      local === remote ||
      !vpcSet.has(local) ||
      !vpcSet.has(remote)
    ) {
      ctx.dropped.push({ reason: 'peering whose VPCs are not both in the document', id: p.id });
      continue;
    }
    peers.push({
      name: p.name,
      uuid: deepflowUuid(p.id),
      domain_uuid: ctx.domain,
      local_vpc_uuid: local,
      local_region_uuid: ctx.region,
      remote_vpc_uuid: remote,
      remote_region_uuid: ctx.region,
    });
  }
  const cloudTags: DfCloudTag[] = [];
  for (const vm of inv.vms) {
    if (!chostIds.has(deepflowUuid(vm.id))) continue;
    const tags = Object.entries(vm.tags)
      .filter(([k, v]) => isDeepflowTag(k, v))
      .map(([key, value]) => ({ key, value }));
    if (tags.length === 0) continue;
    cloudTags.push({
      resource_type: 'chost',
      resource_name: vm.name,
      domain_uuid: ctx.domain,
      tags,
    });
  }
  return {
    document: {
      azs,
      vpcs,
      subnets,
      hosts: [],
      chosts,
      lbs,
      peer_connections: peers,
      cloud_tags: cloudTags,
    },
    dropped: ctx.dropped,
  };
}
