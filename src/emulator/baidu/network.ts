/** VPC family (VPC, subnet, ENI, route table, NAT + SNAT, peering) and EIP. */
import { hash32, hex32 } from '../random.js';
import type { Peering } from '../world-types-services.js';
import type { NetworkInterface, PublicIp, Route } from '../world-types.js';
import type { BaiduCall, Handler } from './call.js';
import { bceTime, indexOf, pageByMarker, required, tagList } from './call.js';
import { notFound } from './errors.js';

/** BCE next-hop types of the world's route targets (the VPC-local route is implicit in BCE). */
const NEXT_HOP: Readonly<Record<Exclude<Route['target'], 'local'>, string>> = {
  internet_gateway: 'defaultGateway',
  nat_gateway: 'nat',
  peering: 'peerConn',
  cloud_network: 'csn',
};

/** BCE has one route table per VPC: the world's tables of the VPC merged (main first). */
function routeTable(call: BaiduCall, vpcId: string): Record<string, unknown> {
  const tables = call.res.routeTables
    .filter((t) => t.vpcId === vpcId)
    .sort((a, b) => Number(b.main) - Number(a.main));
  const main = tables[0];
  if (main === undefined) throw notFound(`route table of ${vpcId}`);
  const seen = new Set<string>();
  const rules: Record<string, unknown>[] = [];
  for (const t of tables) {
    for (const r of t.routes) {
      if (r.target === 'local') continue;
      const key = `${r.destination}|${r.targetId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const internet = r.target === 'internet_gateway';
      rules.push({
        routeRuleId: `rr-${hex32(hash32(main.id, key))}`,
        routeTableId: main.id,
        sourceAddress: '0.0.0.0/0',
        destinationAddress: r.destination,
        nexthopId: internet ? '' : (r.targetId ?? ''),
        nexthopType: NEXT_HOP[r.target],
        description: '',
      });
    }
  }
  return { routeTableId: main.id, vpcId, routeRules: rules };
}

function renderEni(nic: NetworkInterface): Record<string, unknown> {
  return {
    eniId: nic.id,
    name: `eni-${nic.deviceId}-${nic.deviceIndex}`,
    zoneName: nic.zone,
    instanceId: nic.deviceId,
    macAddress: nic.mac,
    vpcId: nic.vpcId,
    subnetId: nic.subnetId,
    status: 'inuse',
    privateIpSet: nic.privateIps.map((p) => ({
      privateIpAddress: p.ip,
      publicIpAddress: p.publicIp ?? '',
      primary: p.primary,
    })),
    securityGroupIds: nic.securityGroupIds,
    createdTime: bceTime(nic.createdAt),
  };
}

/** Who an EIP is bound to, as BCE names it: BCC, ENI (a secondary NIC), NAT, BLB or APPBLB. */
function binding(call: BaiduCall, ip: PublicIp): Record<string, string> {
  const nic = ip.interfaceId === undefined ? undefined : indexOf(call.res).nics.get(ip.interfaceId);
  switch (ip.deviceKind) {
    case 'vm':
      return nic !== undefined && nic.deviceIndex > 0
        ? { instanceType: 'ENI', instanceId: nic.id, status: 'binded' }
        : { instanceType: 'BCC', instanceId: ip.deviceId ?? '', status: 'binded' };
    case 'nat_gateway':
      return { instanceType: 'NAT', instanceId: ip.deviceId ?? '', status: 'binded' };
    case 'load_balancer': {
      const lb = call.res.loadBalancers.find((l) => l.id === ip.deviceId);
      const type = lb?.type === 'application' ? 'APPBLB' : 'BLB';
      return { instanceType: type, instanceId: ip.deviceId ?? '', status: 'binded' };
    }
    case 'rds_instance':
    case 'redis_instance':
    case undefined:
      break;
  }
  return { status: 'available' };
}

export function eipIdOf(call: BaiduCall, ip: PublicIp): string {
  return ip.id ?? `ip-${hex32(hash32(call.world.seed, 'eip', ip.ip))}`;
}

function renderPeering(call: BaiduCall, p: Peering): Record<string, unknown> {
  const initiator = p.requester.region === call.region;
  const [local, peer] = initiator ? [p.requester, p.accepter] : [p.accepter, p.requester];
  return {
    peerConnId: p.id,
    role: initiator ? 'initiator' : 'acceptor',
    status: p.state === 'active' ? 'active' : 'consulting',
    bandwidthInMbps: 10,
    description: p.name,
    localVpcId: local.vpcId,
    localRegion: local.region,
    peerVpcId: peer.vpcId,
    peerRegion: peer.region,
    ...(peer.accountId === call.world.accountId ? {} : { peerAccountId: peer.accountId }),
    createdTime: bceTime(p.createdAt),
    tags: tagList(p.tags),
  };
}

export const VPC_ROUTES: Readonly<Record<string, Handler>> = {
  ListVpcs: (call) => {
    const page = pageByMarker(call, call.res.vpcs, (v) => v.id);
    return {
      vpcs: page.items.map((v) => ({
        vpcId: v.id,
        name: v.name,
        cidr: v.cidr,
        description: '',
        isDefault: v.index === 0,
        secondaryCidr: [],
        tags: tagList(v.tags),
      })),
      ...page.fields,
    };
  },
  ListSubnets: (call) => {
    const page = pageByMarker(call, call.res.subnets, (s) => s.id);
    return {
      subnets: page.items.map((s) => ({
        subnetId: s.id,
        name: s.name,
        zoneName: s.zone,
        cidr: s.cidr,
        vpcId: s.vpcId,
        subnetType: 'BCC',
        availableIp: s.availableIps,
        tags: tagList(s.tags),
      })),
      ...page.fields,
    };
  },
  ListEnis: (call) => {
    const vpcId = required(call, 'vpcId');
    const enis: NetworkInterface[] = [];
    for (const n of call.res.networkInterfaces) {
      if (n.vpcId === vpcId && n.deviceKind === 'vm' && n.deviceIndex > 0) enis.push(n);
    }
    const page = pageByMarker(call, enis, (n) => n.id);
    return { enis: page.items.map(renderEni), ...page.fields };
  },
  GetRouteTable: (call) => routeTable(call, required(call, 'vpcId')),
  ListNatGateways: (call) => {
    const page = pageByMarker(call, call.res.natGateways, (n) => n.id);
    return {
      nats: page.items.map((n) => ({
        id: n.id,
        name: n.name,
        vpcId: n.vpcId,
        spec: 'small',
        status: n.state === 'available' ? 'active' : 'building',
        eips: n.publicIp === undefined ? [] : [n.publicIp],
        dnatEips: [],
        createTime: bceTime(n.createdAt),
        tags: tagList(n.tags),
      })),
      ...page.fields,
    };
  },
  ListSnatRules: (call) => {
    const nat = call.res.natGateways.find((n) => n.id === call.ids[0]);
    if (nat === undefined) throw notFound(`NAT gateway ${call.ids[0] ?? ''}`);
    const vpc = call.res.vpcs.find((v) => v.id === nat.vpcId);
    const rules =
      nat.publicIp === undefined || vpc === undefined
        ? []
        : [{ id: `rule-${hex32(hash32(nat.id, 'snat'))}`, cidr: vpc.cidr, ip: nat.publicIp }];
    const page = pageByMarker(call, rules, (r) => r.id, 100);
    return {
      rules: page.items.map((r) => ({
        ruleId: r.id,
        ruleName: `snat-${nat.name}`,
        sourceCIDR: r.cidr,
        publicIpsAddress: [r.ip],
        status: 'active',
      })),
      ...page.fields,
    };
  },
  ListPeerConns: (call) => {
    const page = pageByMarker(call, call.res.peerings, (p) => p.id);
    return { peerConns: page.items.map((p) => renderPeering(call, p)), ...page.fields };
  },
};

export const EIP_ROUTES: Readonly<Record<string, Handler>> = {
  ListEips: (call) => {
    const page = pageByMarker(call, call.res.publicIps, (ip) => eipIdOf(call, ip));
    return {
      eipList: page.items.map((ip) => ({
        name: `eip-${ip.ip}`,
        eip: ip.ip,
        eipId: eipIdOf(call, ip),
        eipInstanceType: 'normal',
        bandwidthInMbps: 100,
        paymentTiming: 'Postpaid',
        billingMethod: 'ByTraffic',
        ...binding(call, ip),
        tags: tagList(ip.tags),
      })),
      ...page.fields,
    };
  },
};
