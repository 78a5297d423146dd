/**
 * The Volcengine world shape: real region ids with their Chinese names (the disabled one last) and ids
 * shaped like Volcengine's: `<prefix>` + 20 base36 characters (`vpc-…`, `subnet-…`, `i-…`, `clb-…`),
 * `mysql-` + 16 hex digits for databases, `cc…` for VKE clusters, zones `cn-beijing-a`.
 */
import { VOLCENGINE_KNOWN_REGIONS } from '../../providers/volcengine/spec.js';
import { hash32, hex32, permute64 } from '../random.js';
import type { WorldShape } from '../shapes.js';
import type { IdKind, NativeIdFn, Scale, WorldRegion } from '../world-types.js';

const REGIONS: Record<Scale, { enabled: readonly string[]; disabled: readonly string[] }> = {
  tiny: { enabled: ['cn-beijing', 'cn-shanghai'], disabled: ['ap-southeast-3'] },
  small: { enabled: ['cn-beijing', 'cn-shanghai', 'cn-guangzhou'], disabled: ['ap-southeast-3'] },
  medium: {
    enabled: ['cn-beijing', 'cn-shanghai', 'cn-guangzhou', 'cn-hongkong', 'ap-southeast-1'],
    disabled: ['ap-southeast-3'],
  },
  large: {
    enabled: VOLCENGINE_KNOWN_REGIONS.map((r) => r.id).filter((id) => id !== 'ap-southeast-3'),
    disabled: ['ap-southeast-3'],
  },
};

export function volcengineRegions(scale: Scale): WorldRegion[] {
  const { enabled, disabled } = REGIONS[scale];
  const names = new Map(VOLCENGINE_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  return [...enabled, ...disabled].map((id, i) => ({
    id,
    localName: names.get(id),
    enabled: i < enabled.length,
    optInRequired: i >= enabled.length,
  }));
}

const PREFIX: Partial<Record<IdKind, string>> = {
  vpc: 'vpc-',
  vpc_cidr_association: 'vpccidr-',
  subnet: 'subnet-',
  vm: 'i-',
  reservation: 'rsv-',
  image: 'image-',
  network_interface: 'eni-',
  network_interface_attachment: 'eniattach-',
  security_group: 'sg-',
  route_table: 'vtb-',
  route_table_association: 'vtbassoc-',
  internet_gateway: 'igw-',
  nat_gateway: 'ngw-',
  public_ip: 'eip-',
  public_ip_association: 'eipassoc-',
  peering_connection: 'vpcpeer-',
  cloud_network: 'cen-',
  cloud_network_attachment: 'cenattach-',
  load_balancer: 'clb-',
  listener: 'lsn-',
  target_group: 'rsp-',
};

const KINDS = Object.keys(PREFIX).length;

/** 13 lower-case base36 digits of a 64-bit value given as two words (padded; keeps all 64 bits). */
function base36(a: number, b: number): string {
  return (BigInt(a >>> 0) * 0x100000000n + BigInt(b >>> 0)).toString(36).padStart(13, '0');
}

/** Native ids: a seeded bijection of (region, kind, n), so unique and stable per seed. */
export function volcengineNativeIds(seed: number, regions: readonly string[]): NativeIdFn {
  const keys = [1, 2, 3, 4].map((k) => hash32(seed, 'volcengine-ids', k));
  const keys2 = [5, 6, 7, 8].map((k) => hash32(seed, 'volcengine-ids', k));
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  const kindIndex = (kind: IdKind): number => {
    const i = Object.keys(PREFIX).indexOf(kind);
    return i < 0 ? KINDS + (kind === 'rds_instance' ? 0 : 1) : i;
  };
  return (kind, n, region) => {
    if (kind === 'zone') return `${region}-${'abcdefgh'.charAt(n % 8)}`;
    const r = regionIndex.get(region) ?? hash32(region) & 0xff;
    const hi = ((r & 0xff) << 8) | kindIndex(kind);
    const [a, b] = permute64(hi, n, keys);
    if (kind === 'rds_instance') return `mysql-${hex32(a)}${hex32(b)}`;
    // A bijective 13-digit part keeps ids unique; 7 more seeded digits give Volcengine's 20.
    const [c, d] = permute64(hi, n, keys2);
    const body = `${base36(c, d).slice(-7)}${base36(a, b)}`;
    if (kind === 'kubernetes_cluster') return `cc${body.slice(2)}`;
    return `${PREFIX[kind] ?? 'x-'}${body}`;
  };
}

export const volcengineShape: WorldShape = {
  regions: volcengineRegions,
  nativeIds: volcengineNativeIds,
};
