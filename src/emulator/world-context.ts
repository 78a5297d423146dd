/** Shared state while one region is generated: ids, zones, VPCs, subnet drafts, service interfaces. */
import { cidrSize, hostAt, parseCidr, publicIpAt, type Cidr } from './ip.js';
import { Rng, hash32, hex32, pickAt } from './random.js';
import type { RegionLayout } from './world-layout.js';
import type { RegionPlan } from './world-plan.js';
import type {
  DeviceKind,
  IdKind,
  NativeIdFn,
  NetworkInterface,
  PrivateIp,
  Tags,
  Vpc,
  Zone,
} from './world-types.js';

export const ENVS = ['prod', 'staging', 'dev'] as const;
export const TEAMS = ['core', 'platform', 'data', 'web'] as const;
export const APPS = [
  'orders',
  'payments',
  'catalog',
  'search',
  'auth',
  'billing',
  'checkout',
  'profile',
  'media',
  'reports',
] as const;

/** AWS reserves the first four and the last address of a subnet; other clouds reserve fewer. */
export const RESERVED_LOW = 4;

export interface SubnetDraft {
  readonly id: string;
  readonly index: number;
  readonly v: number;
  readonly j: number;
  readonly vpcId: string;
  readonly zone: string;
  readonly cidr: Cidr;
  readonly cidrText: string;
}

export type SgRole = 'default' | 'web' | 'db';
export type RtRole = 'main' | 'public' | 'private';

export class RegionContext {
  readonly region: string;
  readonly plan: RegionPlan;
  readonly zones: readonly Zone[];
  readonly vpcs: readonly Vpc[];
  readonly subnets: readonly SubnetDraft[];
  /** Interfaces of NATs, load balancers, databases and caches, in creation order. */
  readonly serviceInterfaces: NetworkInterface[] = [];
  /** Service addresses taken from the top of each subnet. */
  readonly serviceUsed: number[];

  readonly layout: RegionLayout;
  readonly seed: number;
  readonly accountId: string;
  private readonly nativeId: NativeIdFn;

  constructor(layout: RegionLayout, seed: number, accountId: string, nativeId: NativeIdFn) {
    this.layout = layout;
    this.seed = seed;
    this.accountId = accountId;
    this.nativeId = nativeId;
    this.region = layout.region.id;
    this.plan = layout.plan;
    this.zones = Array.from({ length: this.plan.zones }, (_, n) => ({
      id: this.id('zone', n),
      index: n,
      region: this.region,
    }));
    this.vpcs = Array.from({ length: this.plan.vpcs }, (_, v) => this.makeVpc(v));
    const spv = this.plan.subnetsPerVpc;
    this.subnets = Array.from({ length: this.plan.vpcs * spv }, (_, s) => {
      const v = Math.floor(s / spv);
      const j = s % spv;
      const octet = this.vpcOctet(v);
      const third = this.plan.subnetPrefix === 24 ? j : j * 16;
      const cidrText = `10.${octet}.${third}.0/${this.plan.subnetPrefix}`;
      return {
        id: this.id('subnet', s),
        index: s,
        v,
        j,
        vpcId: this.vpc(v).id,
        zone: this.zone(j % this.plan.zones).id,
        cidr: parseCidr(cidrText),
        cidrText,
      };
    });
    this.serviceUsed = this.subnets.map(() => 0);
  }

  id(kind: IdKind, n: number): string {
    return this.nativeId(kind, n, this.region);
  }

  zone(n: number): Zone {
    return pickAt(this.zones, n);
  }

  vpc(v: number): Vpc {
    return pickAt(this.vpcs, v);
  }

  subnet(s: number): SubnetDraft {
    return pickAt(this.subnets, s);
  }

  /** Subnet `j` of VPC `v`. */
  subnetOf(v: number, j: number): SubnetDraft {
    return this.subnet(v * this.plan.subnetsPerVpc + (j % this.plan.subnetsPerVpc));
  }

  /** The first `n` subnets of a VPC (distinct zones while n ≤ zones). */
  subnetsOf(v: number, n: number): SubnetDraft[] {
    return Array.from({ length: Math.min(n, this.plan.subnetsPerVpc) }, (_, j) =>
      this.subnetOf(v, j),
    );
  }

  sgId(v: number, role: SgRole): string {
    return this.id('security_group', v * 3 + ['default', 'web', 'db'].indexOf(role));
  }

  rtId(v: number, role: RtRole): string {
    return this.id('route_table', v * 3 + ['main', 'public', 'private'].indexOf(role));
  }

  /** The region's `offset`-th public address. */
  publicIp(offset: number): string {
    return publicIpAt(this.layout.publicBase + offset);
  }

  /** A deterministic creation time between 2023-01-01 and late 2024. */
  stamp(...key: readonly (number | string)[]): string {
    const seconds = new Rng(this.seed, this.region, 'time', ...key).int(700 * 86400);
    return new Date(Date.UTC(2023, 0, 1) + seconds * 1000).toISOString();
  }

  rng(...key: readonly (number | string)[]): Rng {
    return new Rng(this.seed, this.region, ...key);
  }

  tags(name: string | undefined, v: number, extra: Tags = {}): Tags {
    const base: Record<string, string> = name === undefined ? {} : { Name: name };
    base['env'] = pickAt(ENVS, v % ENVS.length);
    base['team'] = pickAt(TEAMS, (v + this.layout.regionIndex) % TEAMS.length);
    return { ...base, ...extra };
  }

  mac(n: number): string {
    const a = hash32(this.seed, this.region, 'mac', n);
    const b = hash32(this.seed, this.region, 'mac2', n) & 0xff;
    const hex = `02${hex32(a)}${b.toString(16).padStart(2, '0')}`;
    return hex.match(/../g)?.join(':') ?? hex;
  }

  /** Takes the next free service address of a subnet, from the top down. */
  serviceAddress(s: number): string {
    const draft = this.subnet(s);
    const used = this.serviceUsed[s] ?? 0;
    this.serviceUsed[s] = used + 1;
    return hostAt(draft.cidr, cidrSize(draft.cidr.prefix) - 2 - used);
  }

  /** Creates the single interface of a managed service device in subnet `s`. */
  serviceInterface(opts: {
    s: number;
    deviceKind: DeviceKind;
    deviceId: string;
    securityGroupIds: readonly string[];
    createdAt: string;
    publicIp?: Omit<PrivateIp, 'ip' | 'primary'>;
  }): NetworkInterface {
    const draft = this.subnet(opts.s);
    const n = 2 * this.plan.vms + this.serviceInterfaces.length;
    const ip: PrivateIp = { ip: this.serviceAddress(opts.s), primary: true, ...opts.publicIp };
    const eni: NetworkInterface = {
      id: this.id('network_interface', n),
      mac: this.mac(n),
      vpcId: draft.vpcId,
      subnetId: draft.id,
      zone: draft.zone,
      deviceKind: opts.deviceKind,
      deviceId: opts.deviceId,
      deviceIndex: 1,
      attachmentId: this.id('network_interface_attachment', n),
      role: 'service',
      privateIps: [ip],
      securityGroupIds: opts.securityGroupIds,
      createdAt: opts.createdAt,
    };
    this.serviceInterfaces.push(eni);
    return eni;
  }

  private vpcOctet(v: number): number {
    return (this.layout.vpcBase + v) % 256;
  }

  private makeVpc(v: number): Vpc {
    const name = `${pickAt(ENVS, v % ENVS.length)}-vpc-${v}`;
    return {
      id: this.id('vpc', v),
      index: v,
      name,
      cidr: `10.${this.vpcOctet(v)}.0.0/16`,
      cidrAssociationId: this.id('vpc_cidr_association', v),
      tags: this.tags(name, v),
      internetGatewayId: this.id('internet_gateway', v),
      mainRouteTableId: this.rtId(v, 'main'),
    };
  }
}
