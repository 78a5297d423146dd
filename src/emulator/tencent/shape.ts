/**
 * The Tencent world's shape: real region ids with their `RegionName`, finance regions (which need approval)
 * disabled and last, and ids shaped like Tencent's (`vpc-` + 8 base36 digits, zones `ap-guangzhou-3`).
 */
import { TENCENT_KNOWN_REGIONS } from '../../providers/tencent/spec.js';
import { hash32, mix32 } from '../random.js';
import type { IdKind, NativeIdFn, Scale, WorldRegion } from '../world-types.js';

const REGIONS: Record<Scale, { enabled: readonly string[]; disabled: readonly string[] }> = {
  tiny: { enabled: ['ap-guangzhou', 'ap-shanghai'], disabled: ['ap-shanghai-fsi'] },
  small: { enabled: ['ap-guangzhou', 'ap-shanghai', 'ap-beijing'], disabled: ['ap-shanghai-fsi'] },
  medium: {
    enabled: [
      'ap-guangzhou',
      'ap-shanghai',
      'ap-beijing',
      'ap-chengdu',
      'ap-nanjing',
      'ap-hongkong',
      'ap-singapore',
    ],
    disabled: ['ap-shanghai-fsi'],
  },
  large: {
    enabled: TENCENT_KNOWN_REGIONS.map((r) => r.id).filter((id) => !id.endsWith('-fsi')),
    disabled: TENCENT_KNOWN_REGIONS.map((r) => r.id).filter((id) => id.endsWith('-fsi')),
  },
};

export function tencentRegions(scale: Scale): WorldRegion[] {
  const { enabled, disabled } = REGIONS[scale];
  const names = new Map(TENCENT_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  return [...enabled, ...disabled].map((id, i) => ({
    id,
    localName: names.get(id),
    enabled: i < enabled.length,
    optInRequired: i >= enabled.length,
  }));
}

/** The region number in numeric zone ids (`100003` = ap-guangzhou-3). */
const REGION_NUMBER: Readonly<Record<string, number>> = {
  'ap-guangzhou': 1,
  'ap-shanghai': 2,
  'ap-hongkong': 3,
  'ap-shanghai-fsi': 5,
  'ap-beijing': 8,
  'ap-singapore': 9,
  'ap-shenzhen-fsi': 11,
  'na-siliconvalley': 15,
  'ap-chengdu': 16,
  'eu-frankfurt': 17,
  'ap-seoul': 18,
  'ap-chongqing': 19,
  'ap-mumbai': 21,
  'na-ashburn': 22,
  'ap-bangkok': 23,
  'ap-tokyo': 25,
  'ap-nanjing': 33,
  'ap-beijing-fsi': 46,
  'ap-jakarta': 72,
  'sa-saopaulo': 74,
};

/** Zone numbers in the order a region's zones are created (Guangzhou 1 and 2 are long sold out). */
const ZONE_NUMBERS = [3, 4, 6, 7, 1, 2, 5, 8];

/** `ap-guangzhou-3` → 100003. */
export function numericZoneId(zone: string): number {
  const m = /^(.*)-(\d+)$/.exec(zone);
  const region = m?.[1] ?? '';
  return (REGION_NUMBER[region] ?? 99) * 100000 + Number(m?.[2] ?? 0);
}

const PREFIX: Partial<Record<IdKind, string>> = {
  vpc: 'vpc-',
  subnet: 'subnet-',
  vm: 'ins-',
  image: 'img-',
  network_interface: 'eni-',
  security_group: 'sg-',
  route_table: 'rtb-',
  nat_gateway: 'nat-',
  public_ip: 'eip-',
  peering_connection: 'pcx-',
  cloud_network: 'ccn-',
  cloud_network_attachment: 'ccnatt-',
  load_balancer: 'lb-',
  listener: 'lbl-',
  target_group: 'lbtg-',
  rds_instance: 'cdb-',
  kubernetes_cluster: 'cls-',
};

const KIND_ORDER: readonly IdKind[] = [
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
];

/**
 * Tencent-shaped ids: `<prefix>` + 8 lower-case base36 digits. A seeded bijection of (region, n) on 32 bits
 * plus the kind above it keeps them unique per kind and stable per seed (for n < 2^24).
 */
export function tencentNativeIds(seed: number, regions: readonly string[]): NativeIdFn {
  const key = hash32(seed, 'tencent-ids');
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  return (kind, n, region) => {
    if (kind === 'zone') return `${region}-${ZONE_NUMBERS[n % ZONE_NUMBERS.length] ?? n + 1}`;
    const r = regionIndex.get(region) ?? hash32(region) & 0xff;
    const word = mix32((((r & 0xff) << 24) | (n & 0xffffff)) ^ key);
    const value = KIND_ORDER.indexOf(kind) * 0x100000000 + word;
    const body = value.toString(36).padStart(8, '0').slice(-8);
    return `${PREFIX[kind] ?? `${kind.replaceAll('_', '')}-`}${body}`;
  };
}

/** The `WorldShape` of Tencent (see shapes.ts). */
export const tencentShape = { regions: tencentRegions, nativeIds: tencentNativeIds } as const;
