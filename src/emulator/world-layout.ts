/**
 * The index arithmetic of a region: which subnet a VM is in, its state, its extra interfaces and public IP,
 * and where the region's public addresses start in the pool. Cheap enough to run for every region up front,
 * so regions themselves can be generated lazily and VMs on demand.
 */
import { PUBLIC_POOL_SIZE } from './ip.js';
import type { RegionPlan } from './world-plan.js';
import type { LbType } from './world-types-services.js';
import type { VmState, WorldRegion } from './world-types.js';

export interface RegionLayout {
  readonly region: WorldRegion;
  /** Position in `World.regions` (used in ids). */
  readonly regionIndex: number;
  readonly plan: RegionPlan;
  /** World-wide index of this region's first VPC (its CIDR is 10.<index>.0.0/16). */
  readonly vpcBase: number;
  /** Offset of this region's first public address in the pool. */
  readonly publicBase: number;
  /** VM index → index among the VM elastic IPs. */
  readonly eipOfVm: ReadonlyMap<number, number>;
  /** VM indices with an automatically assigned public IP, ascending. */
  readonly ephemeralVms: Int32Array;
  /** VM index → index in `ephemeralVms`, or −1. */
  readonly ephemeralOfVm: Int32Array;
  /** Public addresses of internet-facing load balancer interfaces. */
  readonly lbEphemeral: number;
}

export interface VmPlace {
  /** Subnet index in the region. */
  readonly s: number;
  /** Subnet index inside its VPC. */
  readonly j: number;
  /** VPC index in the region. */
  readonly v: number;
  /** The VM's slot among the VMs of its subnet. */
  readonly k: number;
}

export function vmPlace(plan: RegionPlan, i: number): VmPlace {
  const subnets = plan.vpcs * plan.subnetsPerVpc;
  const s = i % subnets;
  return {
    s,
    j: s % plan.subnetsPerVpc,
    v: Math.floor(s / plan.subnetsPerVpc),
    k: Math.floor(i / subnets),
  };
}

export function vmState(i: number): VmState {
  if (i % 13 === 7) return 'stopped';
  if (i % 31 === 29) return 'pending';
  return 'running';
}

export function hasSecondInterface(i: number): boolean {
  return i % 7 === 5;
}

export function secondInterfaceCount(vms: number): number {
  return Math.floor((vms + 1) / 7);
}

export function hasSecondaryIp(i: number): boolean {
  return i % 11 === 3 && !hasSecondInterface(i);
}

/** Odd-indexed ALBs and classic ELBs are internal; NLBs alternate the other way. */
export function lbIsInternet(type: LbType, k: number): boolean {
  return type === 'network' ? k % 2 === 1 : k % 2 === 0;
}

export function lbSubnetCount(plan: RegionPlan): number {
  return Math.min(2, plan.subnetsPerVpc);
}

function countInternetLbs(plan: RegionPlan): number {
  let n = 0;
  for (let k = 0; k < plan.albs; k++) if (lbIsInternet('application', k)) n++;
  for (let k = 0; k < plan.nlbs; k++) if (lbIsInternet('network', k)) n++;
  for (let k = 0; k < plan.classicLbs; k++) if (lbIsInternet('classic', k)) n++;
  return n;
}

/** Number of public addresses a region uses before its VMs' automatic ones. */
export function fixedPublicCount(layout: Pick<RegionLayout, 'plan' | 'lbEphemeral'>): number {
  const { plan } = layout;
  return plan.publicNats + plan.vmEips + plan.freeEips + layout.lbEphemeral;
}

/** Lays out every region; `plans` holds the plan of each enabled region (undefined when disabled). */
export function layoutRegions(
  regions: readonly WorldRegion[],
  plans: readonly (RegionPlan | undefined)[],
): RegionLayout[] {
  const layouts: RegionLayout[] = [];
  let vpcBase = 0;
  let publicBase = 0;
  regions.forEach((region, regionIndex) => {
    const plan = plans[regionIndex];
    if (plan === undefined) return;
    const eipOfVm = new Map<number, number>();
    for (let i = 1; i < plan.vms && eipOfVm.size < plan.vmEips; i += 5)
      eipOfVm.set(i, eipOfVm.size);
    const ephemeralOfVm = new Int32Array(plan.vms).fill(-1);
    const picked: number[] = [];
    for (let i = 0; i < plan.vms; i++) {
      if (vmState(i) === 'running' && vmPlace(plan, i).j === 0 && !eipOfVm.has(i)) {
        ephemeralOfVm[i] = picked.length;
        picked.push(i);
      }
    }
    const lbEphemeral = countInternetLbs(plan) * lbSubnetCount(plan);
    const layout: RegionLayout = {
      region,
      regionIndex,
      plan,
      vpcBase,
      publicBase,
      eipOfVm,
      ephemeralVms: Int32Array.from(picked),
      ephemeralOfVm,
      lbEphemeral,
    };
    layouts.push(layout);
    vpcBase += plan.vpcs;
    publicBase += fixedPublicCount(layout) + picked.length;
  });
  if (publicBase > PUBLIC_POOL_SIZE) {
    throw new Error(`world needs ${publicBase} public addresses; the pool has ${PUBLIC_POOL_SIZE}`);
  }
  return layouts;
}
