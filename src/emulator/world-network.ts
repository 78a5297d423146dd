/** Security groups, NAT gateways, route tables, cloud networks and peerings of the world. */
import { APPS, type RegionContext, type SubnetDraft } from './world-context.js';
import type { RegionLayout } from './world-layout.js';
import { pickAt, Rng } from './random.js';
import type { CloudNetwork, NatGateway, Peering, PeeringSide } from './world-types-services.js';
import type { NativeIdFn, Route, RouteTable, SecurityGroup, SgRule } from './world-types.js';

const ANYWHERE = '0.0.0.0/0';

export function buildSecurityGroups(ctx: RegionContext): SecurityGroup[] {
  return ctx.vpcs.flatMap((vpc, v): SecurityGroup[] => {
    const self = ctx.sgId(v, 'default');
    const web = ctx.sgId(v, 'web');
    const egress: SgRule = { direction: 'egress', protocol: 'all', cidr: ANYWHERE };
    const fromWeb = (port: number, description: string): SgRule => ({
      direction: 'ingress',
      protocol: 'tcp',
      fromPort: port,
      toPort: port,
      groupId: web,
      description,
    });
    return [
      {
        id: self,
        name: 'default',
        description: 'default VPC security group',
        vpcId: vpc.id,
        rules: [{ direction: 'ingress', protocol: 'all', groupId: self }, egress],
        tags: {},
      },
      {
        id: web,
        name: `${vpc.name}-web`,
        description: 'web servers',
        vpcId: vpc.id,
        rules: [
          { direction: 'ingress', protocol: 'tcp', fromPort: 80, toPort: 80, cidr: ANYWHERE },
          { direction: 'ingress', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: ANYWHERE },
          {
            direction: 'ingress',
            protocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            cidr: '10.0.0.0/8',
            description: 'SSH from the VPN',
          },
          { direction: 'ingress', protocol: 'icmp', fromPort: -1, toPort: -1, cidr: '10.0.0.0/8' },
          egress,
        ],
        tags: ctx.tags(`${vpc.name}-web`, v),
      },
      {
        id: ctx.sgId(v, 'db'),
        name: `${vpc.name}-db`,
        description: 'databases and caches',
        vpcId: vpc.id,
        rules: [
          fromWeb(3306, 'MySQL'),
          fromWeb(5432, 'PostgreSQL'),
          fromWeb(1433, 'SQL Server'),
          fromWeb(6379, 'Redis'),
          egress,
        ],
        tags: ctx.tags(`${vpc.name}-db`, v),
      },
    ];
  });
}

export function buildNatGateways(ctx: RegionContext): NatGateway[] {
  const { plan } = ctx;
  const nats: NatGateway[] = [];
  for (let n = 0; n < plan.publicNats + plan.privateNats; n++) {
    const isPublic = n < plan.publicNats;
    const k = isPublic ? n : n - plan.publicNats;
    const v = k % plan.vpcs;
    const draft = ctx.subnetOf(v, isPublic ? 0 : 1);
    const id = ctx.id('nat_gateway', n);
    const createdAt = ctx.stamp('nat', n);
    const eip = isPublic
      ? {
          publicIp: ctx.publicIp(n),
          publicIpId: ctx.id('public_ip', n),
          publicIpAssociationId: ctx.id('public_ip_association', n),
        }
      : undefined;
    const eni = ctx.serviceInterface({
      s: draft.index,
      deviceKind: 'nat_gateway',
      deviceId: id,
      securityGroupIds: [],
      createdAt,
      ...(eip === undefined ? {} : { publicIp: eip }),
    });
    const name = `${ctx.vpc(v).name}-nat-${isPublic ? 'public' : 'private'}-${k}`;
    nats.push({
      id,
      name,
      vpcId: draft.vpcId,
      subnetId: draft.id,
      zone: draft.zone,
      connectivity: isPublic ? 'public' : 'private',
      state: 'available',
      interfaceId: eni.id,
      privateIp: pickAt(eni.privateIps, 0).ip,
      ...eip,
      createdAt,
      tags: ctx.tags(name, v),
    });
  }
  return nats;
}

/** Which cloud network VPC `v` is attached to, if any. */
export function cloudNetworkOf(ctx: RegionContext, v: number): number | undefined {
  return ctx.plan.cloudNetworks > 0 ? v % ctx.plan.cloudNetworks : undefined;
}

export function buildCloudNetworks(ctx: RegionContext): CloudNetwork[] {
  return Array.from({ length: ctx.plan.cloudNetworks }, (_, k) => {
    const name = `${ctx.region}-tgw-${k}`;
    return {
      id: ctx.id('cloud_network', k),
      name,
      state: 'available',
      asn: 64512 + k,
      createdAt: ctx.stamp('tgw', k),
      tags: ctx.tags(name, k),
      attachments: ctx.vpcs
        .filter((vpc) => cloudNetworkOf(ctx, vpc.index) === k)
        .map((vpc) => ({
          id: ctx.id('cloud_network_attachment', vpc.index),
          vpcId: vpc.id,
          subnetIds: ctx.subnetsOf(vpc.index, 2).map((d) => d.id),
          state: 'available',
          createdAt: ctx.stamp('tgw-attach', vpc.index),
        })),
    };
  });
}

/** The route table of a subnet: public subnets and even VPCs' second subnets have explicit tables. */
export function subnetRouteTable(ctx: RegionContext, d: SubnetDraft): string {
  if (d.j === 0) return ctx.rtId(d.v, 'public');
  if (d.j === 1 && d.v % 2 === 0) return ctx.rtId(d.v, 'private');
  return ctx.rtId(d.v, 'main');
}

export function buildRouteTables(
  ctx: RegionContext,
  nats: readonly NatGateway[],
  peerings: readonly Peering[],
): RouteTable[] {
  let assoc = 0;
  return ctx.vpcs.flatMap((vpc, v): RouteTable[] => {
    const local: Route = { destination: vpc.cidr, target: 'local', state: 'active' };
    const associate = (role: 'public' | 'private') =>
      ctx.subnets
        .filter((d) => d.v === v && subnetRouteTable(ctx, d) === ctx.rtId(v, role))
        .map((d) => ({ id: ctx.id('route_table_association', assoc++), subnetId: d.id }));
    const tgw = cloudNetworkOf(ctx, v);
    const publicNat = nats.find((n) => n.vpcId === vpc.id && n.connectivity === 'public');
    const privateNat = nats.find((n) => n.vpcId === vpc.id && n.connectivity === 'private');
    const peeringRoutes = peerings
      .filter((p) => p.state === 'active')
      .flatMap((p): Route[] => {
        const other = p.requester.vpcId === vpc.id ? p.accepter : p.requester;
        if (p.requester.vpcId !== vpc.id && p.accepter.vpcId !== vpc.id) return [];
        return [{ destination: other.cidr, target: 'peering', targetId: p.id, state: 'active' }];
      });
    const main: RouteTable = {
      id: ctx.rtId(v, 'main'),
      vpcId: vpc.id,
      main: true,
      associations: [{ id: ctx.id('route_table_association', assoc++) }],
      routes: [
        local,
        ...(tgw === undefined
          ? []
          : [
              {
                destination: '172.16.0.0/12',
                target: 'cloud_network' as const,
                targetId: ctx.id('cloud_network', tgw),
                state: 'active' as const,
              },
            ]),
      ],
      tags: {},
    };
    const publicName = `${vpc.name}-public`;
    const privateName = `${vpc.name}-private`;
    const privateRoutes: Route[] = [local];
    if (publicNat !== undefined) {
      privateRoutes.push({
        destination: '0.0.0.0/0',
        target: 'nat_gateway',
        targetId: publicNat.id,
        state: 'active',
      });
    }
    if (privateNat !== undefined) {
      privateRoutes.push({
        destination: '100.64.0.0/10',
        target: 'nat_gateway',
        targetId: privateNat.id,
        state: 'active',
      });
    }
    return [
      main,
      {
        id: ctx.rtId(v, 'public'),
        vpcId: vpc.id,
        main: false,
        name: publicName,
        associations: associate('public'),
        routes: [
          local,
          {
            destination: '0.0.0.0/0',
            target: 'internet_gateway',
            targetId: vpc.internetGatewayId,
            state: 'active',
          },
          ...peeringRoutes,
        ],
        tags: ctx.tags(publicName, v),
      },
      {
        id: ctx.rtId(v, 'private'),
        vpcId: vpc.id,
        main: false,
        name: privateName,
        associations: associate('private'),
        routes: privateRoutes,
        tags: ctx.tags(privateName, v),
      },
    ];
  });
}

/**
 * Peerings of the whole world: in each enabled region an active one between its first two VPCs and a
 * pending one between the second and third; between consecutive enabled regions an active cross-region one.
 */
export function buildPeerings(
  layouts: readonly RegionLayout[],
  nativeId: NativeIdFn,
  accountId: string,
  seed: number,
): Peering[] {
  const side = (l: RegionLayout, v: number): PeeringSide => ({
    region: l.region.id,
    vpcId: nativeId('vpc', v, l.region.id),
    cidr: `10.${(l.vpcBase + v) % 256}.0.0/16`,
    accountId,
  });
  const counters = new Map<string, number>();
  const make = (
    l: RegionLayout,
    requester: PeeringSide,
    accepter: PeeringSide,
    state: Peering['state'],
  ): Peering => {
    const n = counters.get(l.region.id) ?? 0;
    counters.set(l.region.id, n + 1);
    const name = `peer-${pickAt(APPS, n % APPS.length)}-${n}`;
    const rng = new Rng(seed, l.region.id, 'peering', n);
    return {
      id: nativeId('peering_connection', n, l.region.id),
      name,
      state,
      requester,
      accepter,
      createdAt: new Date(Date.UTC(2023, 0, 1) + rng.int(700 * 86400) * 1000).toISOString(),
      tags: { Name: name },
    };
  };
  const peerings: Peering[] = [];
  layouts.forEach((l, e) => {
    if (l.plan.vpcs >= 2) peerings.push(make(l, side(l, 0), side(l, 1), 'active'));
    if (l.plan.vpcs >= 3) peerings.push(make(l, side(l, 1), side(l, 2), 'pending'));
    const next = layouts[e + 1];
    if (next !== undefined) {
      peerings.push(make(l, side(l, 0), side(next, Math.min(1, next.plan.vpcs - 1)), 'active'));
    }
  });
  return peerings;
}
