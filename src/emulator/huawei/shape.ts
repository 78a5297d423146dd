/**
 * The shape of a Huawei world: real region ids with their Chinese names (disabled last), UUID native ids
 * (Huawei's resources are UUIDs), AZs named `<region>a`…, RDS ids of 32 hex digits + `in01`, and the IAM
 * project id of each region.
 */
import { HUAWEI_KNOWN_REGIONS } from '../../providers/huawei/spec.js';
import { hash32, hex32, permute64 } from '../random.js';
import type { IdKind, NativeIdFn, Scale, WorldRegion } from '../world-types.js';

const HUAWEI_REGIONS: Record<Scale, { enabled: readonly string[]; disabled: readonly string[] }> = {
  tiny: { enabled: ['cn-north-4', 'cn-east-3'], disabled: ['af-south-1'] },
  small: { enabled: ['cn-north-4', 'cn-east-3', 'cn-south-1'], disabled: ['af-south-1'] },
  medium: {
    enabled: [
      'cn-north-4',
      'cn-east-3',
      'cn-south-1',
      'cn-north-1',
      'cn-southwest-2',
      'ap-southeast-1',
    ],
    disabled: ['af-south-1'],
  },
  large: {
    enabled: HUAWEI_KNOWN_REGIONS.map((r) => r.id).filter((id) => id !== 'af-south-1'),
    disabled: ['af-south-1'],
  },
};

export function huaweiRegions(scale: Scale): WorldRegion[] {
  const { enabled, disabled } = HUAWEI_REGIONS[scale];
  const names = new Map(HUAWEI_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  return [...enabled, ...disabled].map((id, i) => ({
    id,
    localName: names.get(id),
    enabled: i < enabled.length,
    optInRequired: i >= enabled.length,
  }));
}

const KINDS: readonly IdKind[] = [
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

/** A version-4-shaped UUID whose 64 unique bits are `a`, `b`; `c`, `d` only fill the rest. */
function uuidOf(a: number, b: number, c: number, d: number): string {
  const u = hex32(a) + hex32(b);
  const pad = hex32(d);
  const variant = '89ab'.charAt(d & 3);
  return `${hex32(c)}-${pad.slice(0, 4)}-4${u.slice(0, 3)}-${variant}${u.slice(3, 6)}-${u.slice(6)}${pad.slice(4, 6)}`;
}

/** A stable UUID for any string (ids the world does not generate: rules, members, DCS instances). */
export function uuidFor(seed: number, ...parts: readonly string[]): string {
  const [a, b, c, d] = [1, 2, 3, 4].map((k) => hash32(seed, 'huawei-uuid', k, ...parts));
  return uuidOf(a ?? 0, b ?? 0, c ?? 0, d ?? 0);
}

/** The IAM project id of a region: 32 hex digits, stable per seed. */
export function projectIdFor(seed: number, region: string): string {
  return [1, 2, 3, 4].map((k) => hex32(hash32(seed, 'huawei-project', k, region))).join('');
}

export function huaweiNativeIds(seed: number, regions: readonly string[]): NativeIdFn {
  const keys = [1, 2, 3, 4].map((k) => hash32(seed, 'huawei-ids', k));
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  return (kind, n, region) => {
    if (kind === 'zone') return `${region}${'abcgdefhijk'.charAt(n % 11)}`;
    const r = regionIndex.get(region) ?? hash32(region) & 0xff;
    const hi = ((r & 0xff) << 8) | KINDS.indexOf(kind);
    const [a, b] = permute64(hi, n, keys);
    const c = hash32(seed, 'huawei-fill', kind, n, region);
    const d = hash32(seed, 'huawei-fill2', kind, n, region);
    if (kind === 'rds_instance') return `${hex32(a)}${hex32(b)}${hex32(c)}${hex32(d)}in01`;
    return uuidOf(a, b, c, d);
  };
}

/** The Huawei `WorldShape` (see shapes.ts). */
export const huaweiShape = { regions: huaweiRegions, nativeIds: huaweiNativeIds };
