/**
 * The Baidu world's shape: BCE regions (endpoint ids with their Chinese names, the disabled one last) and
 * BCE-shaped native ids (`vpc-…`, `sbn-…`, `i-…`, `eni-…`, `g-…`, `rt-…`, `nat-…`, `lb-…`, `rds-…`, ...).
 */
import { BAIDU_KNOWN_REGIONS } from '../../providers/baidu/spec.js';
import { hash32, permute64 } from '../random.js';
import type { WorldShape } from '../shapes.js';
import type { IdKind, NativeIdFn, Scale, WorldRegion } from '../world-types.js';

const REGIONS: Record<Scale, { enabled: readonly string[]; disabled: readonly string[] }> = {
  tiny: { enabled: ['bj', 'gz'], disabled: ['yq'] },
  small: { enabled: ['bj', 'gz', 'su'], disabled: ['yq'] },
  medium: { enabled: ['bj', 'gz', 'su', 'bd', 'fwh', 'hkg', 'sin'], disabled: ['yq'] },
  large: {
    enabled: BAIDU_KNOWN_REGIONS.map((r) => r.id).filter((id) => id !== 'yq'),
    disabled: ['yq'],
  },
};

export function baiduRegions(scale: Scale): WorldRegion[] {
  const { enabled, disabled } = REGIONS[scale];
  const names = new Map(BAIDU_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  return [...enabled, ...disabled].map((id, i) => ({
    id,
    localName: names.get(id),
    enabled: i < enabled.length,
    optInRequired: i >= enabled.length,
  }));
}

const PREFIX: Readonly<Record<IdKind, string>> = {
  zone: '',
  vpc: 'vpc-',
  vpc_cidr_association: 'vpccidr-',
  subnet: 'sbn-',
  vm: 'i-',
  reservation: 'rsv-',
  image: 'm-',
  network_interface: 'eni-',
  network_interface_attachment: 'eniattach-',
  security_group: 'g-',
  route_table: 'rt-',
  route_table_association: 'rtassoc-',
  internet_gateway: 'igw-',
  nat_gateway: 'nat-',
  public_ip: 'ip-',
  public_ip_association: 'ipassoc-',
  peering_connection: 'peerconn-',
  cloud_network: 'csn-',
  cloud_network_attachment: 'csnattach-',
  load_balancer: 'lb-',
  listener: 'listener-',
  target_group: 'sg-',
  rds_instance: 'rds-',
  kubernetes_cluster: 'cce-',
};
const KINDS = Object.keys(PREFIX) as IdKind[];

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A 64-bit value (two words) in `alphabet`, `digits` long (enough digits keep all 64 bits). */
function encode(a: number, b: number, alphabet: string, digits: number): string {
  let v = BigInt(a >>> 0) * 0x100000000n + BigInt(b >>> 0);
  const base = BigInt(alphabet.length);
  let out = '';
  for (let i = 0; i < digits; i++) {
    out = (alphabet[Number(v % base)] ?? '0') + out;
    v /= base;
  }
  return out;
}

/**
 * BCE-shaped ids: lower-case base36 bodies (`vpc-…`, `sbn-…`, `nat-…`), mixed-case ones for instances
 * (`i-…`) as BCC has; zones are `cn-<region>-<letter>`. CSN ids (global) are unique across regions because
 * the region is part of the bijection's input. Unique and stable per seed.
 */
export function baiduNativeIds(seed: number, regions: readonly string[]): NativeIdFn {
  const keys = [1, 2, 3, 4].map((k) => hash32(seed, 'baidu-ids', k));
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  return (kind, n, region) => {
    if (kind === 'zone') return `cn-${region}-${'abcdefghijk'.charAt(n % 11)}`;
    const r = regionIndex.get(region) ?? hash32(region) & 0xff;
    const hi = ((r & 0xff) << 8) | KINDS.indexOf(kind);
    const [a, b] = permute64(hi, n, keys);
    return kind === 'vm'
      ? `${PREFIX[kind]}${encode(a, b, BASE62, 11)}`
      : `${PREFIX[kind]}${encode(a, b, BASE62.slice(0, 36), 13)}`;
  };
}

export const baiduShape: WorldShape = { regions: baiduRegions, nativeIds: baiduNativeIds };
