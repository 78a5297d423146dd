/**
 * The QingCloud world shape: regions (zone groups with their console names; an `ap*` zone is a region of its
 * own, so none is enabled here: a world region has several zones) and QingCloud-shaped native ids:
 * `rtr-`, `vxnet-`, `i-`, `sg-`, `rtb-`, `nfv-`, `eip-`, `lb-`, `lbl-`, `rdb-`, `cl-` + 8 lower-case base36
 * characters, NIC ids = MAC addresses `52:54:…`, zones `pek3a`. SDK-free; imports no server.
 */
import { QINGCLOUD_KNOWN_REGIONS } from '../../providers/qingcloud/spec.js';
import { hash32 } from '../random.js';
import type { IdKind, NativeIdFn, Scale, WorldRegion } from '../world-types.js';

const REGIONS: Record<Scale, { enabled: readonly string[]; disabled: readonly string[] }> = {
  tiny: { enabled: ['pek3', 'sh1'], disabled: ['ap2a'] },
  small: { enabled: ['pek3', 'sh1', 'gd2'], disabled: ['ap2a'] },
  medium: { enabled: ['pek3', 'sh1', 'gd2', 'pek2', 'gd1'], disabled: ['ap2a'] },
  large: { enabled: ['pek3', 'sh1', 'gd2', 'pek2', 'gd1'], disabled: ['ap2a', 'ap3a'] },
};

export function qingcloudRegions(scale: Scale): WorldRegion[] {
  const { enabled, disabled } = REGIONS[scale];
  const names = new Map(QINGCLOUD_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  return [...enabled, ...disabled].map((id, i) => ({
    id,
    localName: names.get(id),
    enabled: i < enabled.length,
    optInRequired: i >= enabled.length,
  }));
}

/** Kinds of ids: the world's, then the ones only the QingCloud emulator renders. */
const KINDS: readonly string[] = [
  'zone',
  'vpc',
  'vpc_cidr_association',
  'subnet',
  'vm',
  'reservation',
  'image',
  'network_interface',
  'network_interface_attachment',
  'security_group',
  'route_table',
  'route_table_association',
  'internet_gateway',
  'nat_gateway',
  'public_ip',
  'public_ip_association',
  'peering_connection',
  'cloud_network',
  'cloud_network_attachment',
  'load_balancer',
  'listener',
  'target_group',
  'rds_instance',
  'kubernetes_cluster',
  'cache',
  'cache_node',
  'backend',
  'rule',
  'rtable_rule',
  'tag',
];

const PREFIX: Readonly<Record<string, string>> = {
  vpc: 'rtr-',
  subnet: 'vxnet-',
  vm: 'i-',
  image: 'img-',
  security_group: 'sg-',
  route_table: 'rtb-',
  internet_gateway: 'rtr-gw-',
  nat_gateway: 'nfv-',
  public_ip: 'eip-',
  load_balancer: 'lb-',
  listener: 'lbl-',
  target_group: 'lbp-',
  rds_instance: 'rdb-',
  kubernetes_cluster: 'cl-',
  cache: 'c-',
  cache_node: 'cn-',
  backend: 'lbb-',
  rule: 'sgr-',
  rtable_rule: 'rtbr-',
  tag: 'tag-',
};

const MASK20 = 0xfffff;

/** A keyed bijection on 40-bit values (two 20-bit halves, 4 Feistel rounds). */
function permute40(value: number, seed: number): number {
  let l = Math.floor(value / 2 ** 20) & MASK20;
  let r = value & MASK20;
  for (let round = 0; round < 4; round++) {
    const next = (l ^ (hash32(seed, 'qingcloud-ids', round, r) & MASK20)) & MASK20;
    l = r;
    r = next;
  }
  return l * 2 ** 20 + r;
}

/** A keyed bijection on 32-bit values (two 16-bit halves), for MAC-shaped NIC ids. */
function permute32(value: number, seed: number): number {
  let l = (value >>> 16) & 0xffff;
  let r = value & 0xffff;
  for (let round = 0; round < 4; round++) {
    const next = (l ^ (hash32(seed, 'qingcloud-macs', round, r) & 0xffff)) & 0xffff;
    l = r;
    r = next;
  }
  return ((l << 16) | r) >>> 0;
}

/**
 * A QingCloud-shaped id for (region, kind, n), unique per seed: 8 base36 characters of a 40-bit bijection of
 * (region 8 bits, kind 5 bits, n 27 bits). Its first character is never `z` (36^7 · 15 > 2^40).
 */
export function qingcloudId(seed: number, regionIndex: number, kind: string, n: number): string {
  const k = KINDS.indexOf(kind);
  const value = (regionIndex & 0xff) * 2 ** 32 + (k & 0x1f) * 2 ** 27 + (n % 2 ** 27);
  const body = permute40(value, seed).toString(36).padStart(8, '0');
  return `${PREFIX[kind] ?? 'x-'}${body}`;
}

/** `52:54:xx:xx:xx:xx` from a bijection of (region 8 bits, n 24 bits). */
export function qingcloudMac(seed: number, regionIndex: number, n: number): string {
  const v = permute32((((regionIndex & 0xff) << 24) | (n & 0xffffff)) >>> 0, seed);
  const hex = v.toString(16).padStart(8, '0');
  return `52:54:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}:${hex.slice(6, 8)}`;
}

/** Zone `n` of a region: `pek3a`, `pek3b`, …; an `ap*` region is its own single zone. */
export function zoneOf(region: string, n: number): string {
  return region.startsWith('ap') && n === 0 ? region : `${region}${'abcdefghjk'.charAt(n % 10)}`;
}

export function qingcloudNativeIds(seed: number, regions: readonly string[]): NativeIdFn {
  const index = new Map(regions.map((r, i) => [r, i]));
  return (kind: IdKind, n: number, region: string): string => {
    if (kind === 'zone') return zoneOf(region, n);
    const r = index.get(region) ?? hash32(region) & 0xff;
    if (kind === 'network_interface') return qingcloudMac(seed, r, n);
    return qingcloudId(seed, r, kind, n);
  };
}

/** What `src/emulator/shapes.ts` registers (a `WorldShape`; typed there, to keep imports one-way). */
export const qingcloudShape = {
  regions: qingcloudRegions,
  nativeIds: qingcloudNativeIds,
};
