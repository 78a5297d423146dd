/** VMs, their interfaces and public IPs, generated on demand from the VM index. */
import { hostAt } from './ip.js';
import { pickAt } from './random.js';
import { APPS, ENVS, RESERVED_LOW, type RegionContext } from './world-context.js';
import {
  fixedPublicCount,
  hasSecondInterface,
  hasSecondaryIp,
  secondInterfaceCount,
  vmPlace,
  vmState,
} from './world-layout.js';
import type { NetworkInterface, PrivateIp, PublicIp, Seq, Vm } from './world-types.js';

const INSTANCE_TYPES = [
  't3.micro',
  't3.medium',
  'm5.large',
  'm6i.xlarge',
  'c6g.large',
  'r6i.large',
] as const;

/** The lazily generated list `get(0) … get(length − 1)`. */
export function lazySeq<T>(length: number, get: (index: number) => T): Seq<T> {
  return {
    length,
    at: (index) =>
      Number.isInteger(index) && index >= 0 && index < length ? get(index) : undefined,
    *[Symbol.iterator]() {
      for (let i = 0; i < length; i++) yield get(i);
    },
  };
}

export function concatSeq<T>(...parts: readonly Seq<T>[]): Seq<T> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  return lazySeq(length, (index) => {
    let i = index;
    for (const part of parts) {
      if (i < part.length) {
        const item = part.at(i);
        if (item === undefined) throw new Error(`sequence hole at ${index}`);
        return item;
      }
      i -= part.length;
    }
    throw new Error(`index ${index} out of range`);
  });
}

export function kubernetesClusterName(k: number): string {
  return `eks-${pickAt(ENVS, k % ENVS.length)}-${k}`;
}

/** The VM's primary (or second) private address: two slots per VM from the bottom of its subnet. */
export function vmAddress(ctx: RegionContext, i: number, second = false): string {
  const place = vmPlace(ctx.plan, i);
  return hostAt(ctx.subnet(place.s).cidr, RESERVED_LOW + 2 * place.k + (second ? 1 : 0));
}

/** Elastic IP number (in the region's elastic list) of the VM's elastic IP, if it has one. */
export function vmElasticNumber(ctx: RegionContext, i: number): number | undefined {
  const e = ctx.layout.eipOfVm.get(i);
  return e === undefined ? undefined : ctx.plan.publicNats + e;
}

function vmPublic(ctx: RegionContext, i: number): Omit<PrivateIp, 'ip' | 'primary'> {
  const n = vmElasticNumber(ctx, i);
  if (n !== undefined) {
    return {
      publicIp: ctx.publicIp(n),
      publicIpId: ctx.id('public_ip', n),
      publicIpAssociationId: ctx.id('public_ip_association', n),
    };
  }
  const j = ctx.layout.ephemeralOfVm[i] ?? -1;
  return j < 0 ? {} : { publicIp: ctx.publicIp(fixedPublicCount(ctx.layout) + j) };
}

export function buildVm(ctx: RegionContext, i: number): Vm {
  const place = vmPlace(ctx.plan, i);
  const draft = ctx.subnet(place.s);
  const rng = ctx.rng('vm', i);
  const id = ctx.id('vm', i);
  const app = rng.pick(APPS);
  const env = pickAt(ENVS, place.v % ENVS.length);
  const name = `${app}-${env}-${String(i).padStart(3, '0')}`;
  const groups =
    i % 3 === 0
      ? [ctx.sgId(place.v, 'web')]
      : i % 3 === 1
        ? [ctx.sgId(place.v, 'web'), ctx.sgId(place.v, 'default')]
        : [ctx.sgId(place.v, 'db')];
  const launchTime = ctx.stamp('vm', i);
  const k8s =
    hasSecondInterface(i) && place.v < ctx.plan.kubernetesClusters
      ? kubernetesClusterName(place.v)
      : undefined;
  const pub = vmPublic(ctx, i);
  const privateIp = vmAddress(ctx, i);
  const primaryIps: PrivateIp[] = [{ ip: privateIp, primary: true, ...pub }];
  if (hasSecondaryIp(i)) primaryIps.push({ ip: vmAddress(ctx, i, true), primary: false });
  const eni = (n: number, deviceIndex: number, ips: PrivateIp[]): NetworkInterface => ({
    id: ctx.id('network_interface', n),
    mac: ctx.mac(n),
    vpcId: draft.vpcId,
    subnetId: draft.id,
    zone: draft.zone,
    deviceKind: 'vm',
    deviceId: id,
    deviceIndex,
    attachmentId: ctx.id('network_interface_attachment', n),
    role: deviceIndex === 0 ? 'primary' : k8s === undefined ? 'secondary' : 'kubernetes_pods',
    privateIps: ips,
    securityGroupIds: groups,
    createdAt: launchTime,
  });
  const interfaces = [eni(2 * i, 0, primaryIps)];
  if (hasSecondInterface(i)) {
    interfaces.push(eni(2 * i + 1, 1, [{ ip: vmAddress(ctx, i, true), primary: true }]));
  }
  return {
    id,
    index: i,
    name,
    state: vmState(i),
    instanceType: rng.pick(INSTANCE_TYPES),
    imageId: ctx.id('image', rng.int(3)),
    reservationId: ctx.id('reservation', i % 5 === 1 ? i - 1 : i),
    zone: draft.zone,
    vpcId: draft.vpcId,
    subnetId: draft.id,
    privateIp,
    ...(pub.publicIp === undefined ? {} : { publicIp: pub.publicIp }),
    securityGroupIds: groups,
    launchTime,
    tags: ctx.tags(name, place.v, { app }),
    ...(k8s === undefined ? {} : { kubernetesCluster: k8s }),
    interfaces,
  };
}

function interfaceOf(vm: Vm, n: number): NetworkInterface {
  return pickAt(vm.interfaces, n);
}

export interface VmSeqs {
  readonly vms: Seq<Vm>;
  readonly interfaces: Seq<NetworkInterface>;
  readonly ephemeralIps: Seq<PublicIp>;
}

/**
 * The region's VMs, their interfaces and ephemeral public IPs, built on access. `keep`: each VM is built once
 * and kept (a warm world: answers then cost their rendering only); otherwise rebuilt on every access, so a
 * large world costs no memory for them.
 */
export function vmSeqs(ctx: RegionContext, keep = false): VmSeqs {
  const count = ctx.plan.vms;
  const built: (Vm | undefined)[] = keep ? new Array<Vm | undefined>(count) : [];
  const vm = (i: number): Vm => {
    if (!keep || i < 0 || i >= count) return buildVm(ctx, i);
    return (built[i] ??= buildVm(ctx, i));
  };
  const primaries = lazySeq(count, (i) => interfaceOf(vm(i), 0));
  const seconds = lazySeq(secondInterfaceCount(count), (j) => interfaceOf(vm(7 * j + 5), 1));
  const { ephemeralVms } = ctx.layout;
  const ephemeralIps = lazySeq(ephemeralVms.length, (j): PublicIp => {
    const v = vm(ephemeralVms[j] ?? -1);
    const eni = interfaceOf(v, 0);
    const ip = pickAt(eni.privateIps, 0);
    return {
      ip: ip.publicIp ?? '',
      allocation: 'ephemeral',
      interfaceId: eni.id,
      privateIp: ip.ip,
      deviceKind: 'vm',
      deviceId: v.id,
      tags: {},
    };
  });
  return { vms: lazySeq(count, vm), interfaces: concatSeq(primaries, seconds), ephemeralIps };
}
