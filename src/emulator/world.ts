/**
 * The deterministic, provider-neutral world every emulator serves. Regions are generated on first use and
 * VMs (with their interfaces and automatic public IPs) on demand, so a large world fits in memory.
 */
import { cidrSize } from './ip.js';
import { pickAt } from './random.js';
import { concatSeq, vmAddress, vmSeqs } from './world-compute.js';
import { RegionContext, RESERVED_LOW } from './world-context.js';
import { buildDataServices } from './world-data.js';
import { hasSecondInterface, hasSecondaryIp, layoutRegions } from './world-layout.js';
import {
  buildCloudNetworks,
  buildNatGateways,
  buildPeerings,
  buildRouteTables,
  buildSecurityGroups,
  subnetRouteTable,
} from './world-network.js';
import { defaultNativeIds, defaultRegions } from './shapes.js';
import { planFor, type RegionPlan } from './world-plan.js';
import { buildLoadBalancers } from './world-services.js';
import type { NatGateway, RegionResources, World } from './world-types-services.js';
import type { NativeIdFn, PublicIp, Scale, Subnet, WorldRegion } from './world-types.js';

export const DEFAULT_SEED = 42;
export const DEFAULT_SCALE: Scale = 'small';
export const DEFAULT_ACCOUNT_ID = '123456789012';

export interface WorldOptions {
  readonly provider: string;
  readonly seed?: number;
  readonly scale?: Scale;
  /** Regions in order; default: the provider's usual regions for the scale (disabled ones last). */
  readonly regions?: readonly {
    readonly id: string;
    readonly localName?: string;
    readonly enabled: boolean;
    readonly optInRequired?: boolean;
  }[];
  /** Native id format; default: the provider's shape (`shapes.ts`). */
  readonly nativeId?: NativeIdFn;
  readonly accountId?: string;
  /**
   * Keep every VM once built (`World.warm()` builds them all up front): an emulator for a benchmark, whose
   * answers should cost their rendering only, as a cloud's do. Default: VMs are rebuilt on each access.
   */
  readonly keep?: boolean;
}

export function generateWorld(opts: WorldOptions): World {
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? DEFAULT_SCALE;
  const accountId = opts.accountId ?? DEFAULT_ACCOUNT_ID;
  const regions: WorldRegion[] =
    opts.regions?.map((r) => ({
      id: r.id,
      localName: r.localName,
      enabled: r.enabled,
      optInRequired: r.optInRequired ?? !r.enabled,
    })) ?? defaultRegions(opts.provider, scale);
  const nativeId =
    opts.nativeId ??
    defaultNativeIds(
      opts.provider,
      seed,
      regions.map((r) => r.id),
    );
  let enabledIndex = 0;
  const plans = regions.map((r): RegionPlan | undefined =>
    r.enabled ? planFor(scale, enabledIndex++) : undefined,
  );
  const layouts = layoutRegions(regions, plans);
  const byRegion = new Map(layouts.map((l) => [l.region.id, l]));
  const peerings = buildPeerings(layouts, nativeId, accountId, seed);
  const cache = new Map<string, RegionResources>();
  const world: World = {
    provider: opts.provider,
    seed,
    scale,
    accountId,
    regions,
    peerings,
    resources(region) {
      let res = cache.get(region);
      if (res === undefined) {
        const layout = byRegion.get(region);
        res =
          layout === undefined
            ? emptyRegion(region)
            : buildRegion(
                new RegionContext(layout, seed, accountId, nativeId),
                peerings,
                opts.keep === true,
              );
        cache.set(region, res);
      }
      return res;
    },
    vmCount: (region) => byRegion.get(region)?.plan.vms ?? 0,
    warm() {
      let items = 0;
      for (const r of regions) {
        if (!r.enabled) continue;
        const res = world.resources(r.id);
        // Walking the sequences builds (and, with `keep`, keeps) every VM, interface and address.
        const seqs: readonly Iterable<unknown>[] = [res.vms, res.networkInterfaces, res.publicIps];
        for (const seq of seqs) for (const item of seq) if (item !== undefined) items += 1;
      }
      return items;
    },
  };
  return world;
}

function emptyRegion(region: string): RegionResources {
  return {
    region,
    zones: [],
    vpcs: [],
    subnets: [],
    internetGateways: [],
    securityGroups: [],
    routeTables: [],
    natGateways: [],
    vms: [],
    networkInterfaces: [],
    publicIps: [],
    loadBalancers: [],
    targetGroups: [],
    subnetGroups: [],
    rdsInstances: [],
    redisCaches: [],
    serverlessCaches: [],
    peerings: [],
    cloudNetworks: [],
    kubernetesClusters: [],
  };
}

function buildRegion(
  ctx: RegionContext,
  allPeerings: World['peerings'],
  keep: boolean,
): RegionResources {
  const region = ctx.region;
  const peerings = allPeerings.filter(
    (p) => p.requester.region === region || p.accepter.region === region,
  );
  const securityGroups = buildSecurityGroups(ctx);
  const natGateways = buildNatGateways(ctx);
  const routeTables = buildRouteTables(ctx, natGateways, peerings);
  const cloudNetworks = buildCloudNetworks(ctx);
  const { loadBalancers, targetGroups } = buildLoadBalancers(ctx);
  const data = buildDataServices(ctx);
  const seqs = vmSeqs(ctx, keep);
  const lbIps = ctx.serviceInterfaces.flatMap((eni): PublicIp[] => {
    const ip = pickAt(eni.privateIps, 0);
    if (eni.deviceKind !== 'load_balancer' || ip.publicIp === undefined) return [];
    const base = { interfaceId: eni.id, privateIp: ip.ip, deviceKind: eni.deviceKind };
    return [
      { ip: ip.publicIp, allocation: 'ephemeral', ...base, deviceId: eni.deviceId, tags: {} },
    ];
  });
  return {
    region,
    zones: ctx.zones,
    vpcs: ctx.vpcs,
    subnets: finishSubnets(ctx),
    internetGateways: ctx.vpcs.map((vpc) => ({ id: vpc.internetGatewayId, vpcId: vpc.id })),
    securityGroups,
    routeTables,
    natGateways,
    vms: seqs.vms,
    networkInterfaces: concatSeq(ctx.serviceInterfaces, seqs.interfaces),
    publicIps: concatSeq(elasticIps(ctx, natGateways), lbIps, seqs.ephemeralIps),
    loadBalancers,
    targetGroups,
    ...data,
    peerings,
    cloudNetworks,
  };
}

/** Elastic IPs: one per public NAT, then those of VMs, then unassociated ones. */
function elasticIps(ctx: RegionContext, nats: readonly NatGateway[]): PublicIp[] {
  const out: PublicIp[] = [];
  for (const nat of nats) {
    if (nat.publicIp === undefined || nat.publicIpId === undefined) continue;
    out.push({
      ip: nat.publicIp,
      allocation: 'elastic',
      id: nat.publicIpId,
      ...(nat.publicIpAssociationId === undefined
        ? {}
        : { associationId: nat.publicIpAssociationId }),
      interfaceId: nat.interfaceId,
      privateIp: nat.privateIp,
      deviceKind: 'nat_gateway',
      deviceId: nat.id,
      tags: { Name: `${nat.name}-eip` },
    });
  }
  for (const [i, e] of ctx.layout.eipOfVm) {
    const n = ctx.plan.publicNats + e;
    out.push({
      ip: ctx.publicIp(n),
      allocation: 'elastic',
      id: ctx.id('public_ip', n),
      associationId: ctx.id('public_ip_association', n),
      interfaceId: ctx.id('network_interface', 2 * i),
      privateIp: vmAddress(ctx, i),
      deviceKind: 'vm',
      deviceId: ctx.id('vm', i),
      tags: {},
    });
  }
  for (let f = 0; f < ctx.plan.freeEips; f++) {
    const n = ctx.plan.publicNats + ctx.plan.vmEips + f;
    out.push({
      ip: ctx.publicIp(n),
      allocation: 'elastic',
      id: ctx.id('public_ip', n),
      tags: { Name: `spare-eip-${f}` },
    });
  }
  return out;
}

/** Final subnets, with free-address counts; fails if VMs and services would overlap. */
function finishSubnets(ctx: RegionContext): Subnet[] {
  const { plan } = ctx;
  const total = plan.vpcs * plan.subnetsPerVpc;
  return ctx.subnets.map((d): Subnet => {
    let used = ctx.serviceUsed[d.index] ?? 0;
    let top = 0;
    for (let i = d.index; i < plan.vms; i += total) {
      used += hasSecondInterface(i) || hasSecondaryIp(i) ? 2 : 1;
      top = RESERVED_LOW + 2 * Math.floor(i / total) + 2;
    }
    const size = cidrSize(d.cidr.prefix);
    if (top > size - 1 - (ctx.serviceUsed[d.index] ?? 0)) {
      throw new Error(
        `subnet ${d.cidrText} of ${ctx.region} is too small for its VMs and services`,
      );
    }
    const vpc = ctx.vpc(d.v);
    const kind = d.j === 0 ? 'public' : d.j === 1 ? 'private' : 'data';
    const name = `${vpc.name}-${kind}-${d.zone.slice(-1)}`;
    return {
      id: d.id,
      index: d.index,
      vpcId: d.vpcId,
      zone: d.zone,
      cidr: d.cidrText,
      availableIps: size - RESERVED_LOW - 1 - used,
      public: d.j === 0,
      routeTableId: subnetRouteTable(ctx, d),
      name,
      tags: ctx.tags(name, d.v, { tier: kind }),
    };
  });
}

const COUNTED = [
  'zones',
  'vpcs',
  'subnets',
  'internetGateways',
  'securityGroups',
  'routeTables',
  'natGateways',
  'vms',
  'networkInterfaces',
  'publicIps',
  'loadBalancers',
  'targetGroups',
  'subnetGroups',
  'rdsInstances',
  'redisCaches',
  'serverlessCaches',
  'cloudNetworks',
  'kubernetesClusters',
] as const satisfies readonly (keyof RegionResources)[];

/** Resource counts over all regions (generates every region: meant for small worlds and reports). */
export function countWorld(world: World): Record<string, number> {
  const counts: Record<string, number> = {
    regions: world.regions.filter((r) => r.enabled).length,
    peerings: world.peerings.length,
  };
  for (const region of world.regions) {
    const res = world.resources(region.id);
    for (const key of COUNTED) counts[key] = (counts[key] ?? 0) + res[key].length;
  }
  return counts;
}
