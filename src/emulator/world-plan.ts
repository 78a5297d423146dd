/** How big each region of a world is, which regions a world has, and the default (AWS-like) native ids. */
import { AWS_KNOWN_REGIONS } from '../providers/aws/spec.js';
import { hash32, hex32, permute64 } from './random.js';
import type { IdKind, NativeIdFn, Scale, WorldRegion } from './world-types.js';

/** Counts for one enabled region. */
export interface RegionPlan {
  readonly zones: number;
  readonly vpcs: number;
  readonly subnetsPerVpc: number;
  readonly subnetPrefix: 24 | 20;
  readonly vms: number;
  readonly publicNats: number;
  readonly privateNats: number;
  readonly albs: number;
  readonly nlbs: number;
  readonly classicLbs: number;
  /** Each set: mysql, postgresql, sqlserver and a two-instance aurora-mysql cluster. */
  readonly rdsSets: number;
  /** Each set: a replication group, a cluster-mode group, a single-node group and a standalone cluster. */
  readonly redisSets: number;
  readonly serverlessCaches: number;
  readonly kubernetesClusters: number;
  readonly cloudNetworks: number;
  /** Elastic IPs associated to VMs, and ones left unassociated. */
  readonly vmEips: number;
  readonly freeEips: number;
}

const TINY_A: RegionPlan = {
  zones: 2,
  vpcs: 3,
  subnetsPerVpc: 2,
  subnetPrefix: 24,
  vms: 8,
  publicNats: 2,
  privateNats: 1,
  albs: 2,
  nlbs: 1,
  classicLbs: 3,
  rdsSets: 1,
  redisSets: 1,
  serverlessCaches: 3,
  kubernetesClusters: 3,
  cloudNetworks: 3,
  vmEips: 2,
  freeEips: 1,
};
const TINY_B: RegionPlan = {
  ...TINY_A,
  vpcs: 2,
  vms: 4,
  publicNats: 1,
  privateNats: 0,
  albs: 1,
  classicLbs: 1,
  serverlessCaches: 1,
  kubernetesClusters: 1,
  cloudNetworks: 1,
  vmEips: 1,
};
const SMALL_A: RegionPlan = { ...TINY_A, zones: 3, subnetsPerVpc: 3, vms: 24, vmEips: 3 };
const SMALL_B: RegionPlan = {
  ...TINY_B,
  zones: 3,
  subnetsPerVpc: 3,
  vms: 16,
  privateNats: 1,
  vmEips: 2,
};
const SMALL_C: RegionPlan = { ...TINY_B, vms: 12 };
const MEDIUM: RegionPlan = {
  zones: 3,
  vpcs: 4,
  subnetsPerVpc: 4,
  subnetPrefix: 24,
  vms: 290,
  publicNats: 4,
  privateNats: 2,
  albs: 6,
  nlbs: 4,
  classicLbs: 3,
  rdsSets: 4,
  redisSets: 3,
  serverlessCaches: 3,
  kubernetesClusters: 3,
  cloudNetworks: 2,
  vmEips: 10,
  freeEips: 2,
};
const LARGE: RegionPlan = {
  ...MEDIUM,
  vpcs: 8,
  subnetPrefix: 20,
  vms: 10_000,
  publicNats: 8,
  privateNats: 4,
  albs: 60,
  nlbs: 40,
  classicLbs: 20,
  rdsSets: 30,
  redisSets: 20,
  serverlessCaches: 10,
  kubernetesClusters: 10,
  vmEips: 100,
  freeEips: 10,
};

/** The plan of the `enabledIndex`-th enabled region of a world of this scale. */
export function planFor(scale: Scale, enabledIndex: number): RegionPlan {
  switch (scale) {
    case 'tiny':
      return enabledIndex === 0 ? TINY_A : TINY_B;
    case 'small':
      return [SMALL_A, SMALL_B][enabledIndex] ?? SMALL_C;
    case 'medium':
      return MEDIUM;
    case 'large':
      return { ...LARGE, vms: LARGE.vms + 500 * (enabledIndex % 3) };
  }
}

const AWS_REGIONS: Record<Scale, { enabled: readonly string[]; disabled: readonly string[] }> = {
  tiny: { enabled: ['us-east-1', 'eu-west-1'], disabled: ['af-south-1'] },
  small: { enabled: ['us-east-1', 'us-west-2', 'eu-west-1'], disabled: ['ap-east-1'] },
  medium: {
    enabled: [
      'us-east-1',
      'us-east-2',
      'us-west-2',
      'eu-west-1',
      'eu-central-1',
      'ap-northeast-1',
      'ap-southeast-1',
    ],
    disabled: ['af-south-1'],
  },
  large: {
    enabled: [
      'us-east-1',
      'us-east-2',
      'us-west-1',
      'us-west-2',
      'ca-central-1',
      'sa-east-1',
      'eu-west-1',
      'eu-west-2',
      'eu-west-3',
      'eu-central-1',
      'eu-north-1',
      'ap-south-1',
      'ap-southeast-1',
      'ap-southeast-2',
      'ap-northeast-1',
      'ap-northeast-2',
      'ap-northeast-3',
      'af-south-1',
      'ap-east-1',
      'eu-south-1',
    ],
    disabled: ['me-south-1', 'il-central-1'],
  },
};

/** AWS regions that exist but must be opted into (not enabled by default). */
const AWS_OPT_IN = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

/** AWS regions of a world of this scale, with their names; disabled (not opted-in) ones come last. */
export function awsRegions(scale: Scale): WorldRegion[] {
  const { enabled, disabled } = AWS_REGIONS[scale];
  const names = new Map(AWS_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  return [...enabled, ...disabled].map((id, i) => ({
    id,
    localName: names.get(id),
    enabled: i < enabled.length,
    optInRequired: AWS_OPT_IN.has(id),
  }));
}

/** `<provider>-region-N` regions as many as AWS has at this scale (a provider without a shape of its own). */
export function genericRegions(provider: string, scale: Scale): WorldRegion[] {
  const { enabled, disabled } = AWS_REGIONS[scale];
  const n = enabled.length;
  return [...enabled, ...disabled].map((_, i) => ({
    id: `${provider}-region-${i + 1}`,
    enabled: i < n,
    optInRequired: i >= n,
  }));
}

const ID_KINDS: readonly IdKind[] = [
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

const AWS_PREFIX: Partial<Record<IdKind, string>> = {
  vpc: 'vpc-',
  vpc_cidr_association: 'vpc-cidr-assoc-',
  subnet: 'subnet-',
  vm: 'i-',
  reservation: 'r-',
  image: 'ami-',
  network_interface: 'eni-',
  network_interface_attachment: 'eni-attach-',
  security_group: 'sg-',
  route_table: 'rtb-',
  route_table_association: 'rtbassoc-',
  internet_gateway: 'igw-',
  nat_gateway: 'nat-',
  public_ip: 'eipalloc-',
  public_ip_association: 'eipassoc-',
  peering_connection: 'pcx-',
  cloud_network: 'tgw-',
  cloud_network_attachment: 'tgw-attach-',
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `chars` base32 digits of a 32-bit word (7 digits keep all 32 bits). */
function base32(word: number, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) out += BASE32[(word >>> (i * 5)) & 31] ?? 'A';
  return out;
}

/**
 * AWS-shaped ids (`vpc-0` + 16 hex, `i-…`, `eni-…`, 16-hex ELB ids, `db-` + 26 base32 RDS resource ids).
 * Built with a seeded bijection of (region, kind, n), so they are unique and stable per seed.
 */
export function awsNativeIds(seed: number, regions: readonly string[]): NativeIdFn {
  const keys = [1, 2, 3, 4].map((k) => hash32(seed, 'ids', k));
  const keys2 = [5, 6, 7, 8].map((k) => hash32(seed, 'ids', k));
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  return (kind, n, region) => {
    if (kind === 'zone') return `${region}${String.fromCharCode(97 + n)}`;
    const r = regionIndex.get(region) ?? hash32(region) & 0xff;
    const hi = ((r & 0xff) << 8) | ID_KINDS.indexOf(kind);
    const [a, b] = permute64(hi, n, keys);
    const hex = hex32(a) + hex32(b);
    const prefix = AWS_PREFIX[kind];
    if (prefix !== undefined) return `${prefix}0${hex}`;
    if (kind === 'rds_instance') {
      const [c, d] = permute64(hi, n, keys2);
      return `db-${base32(a, 7)}${base32(b, 7)}${base32(c, 6)}${base32(d, 6)}`;
    }
    if (kind === 'kubernetes_cluster') {
      const [c, d] = permute64(hi, n, keys2);
      return (hex + hex32(c) + hex32(d)).toUpperCase();
    }
    return hex;
  };
}

/** Aliyun regions (id, LocalName as ECS DescribeRegions returns it in zh-CN, and the id infix of its resources). */
export const ALIYUN_KNOWN_REGIONS: readonly {
  readonly id: string;
  readonly localName: string;
  readonly code: string;
}[] = [
  { id: 'cn-hangzhou', localName: '华东1（杭州）', code: 'bp1' },
  { id: 'cn-shanghai', localName: '华东2（上海）', code: 'uf6' },
  { id: 'cn-beijing', localName: '华北2（北京）', code: '2ze' },
  { id: 'cn-guangzhou', localName: '华南3（广州）', code: '7xv' },
  { id: 'cn-wulanchabu', localName: '华北6（乌兰察布）', code: '0jl' },
  { id: 'cn-shenzhen', localName: '华南1（深圳）', code: 'wz9' },
  { id: 'cn-qingdao', localName: '华北1（青岛）', code: 'm5e' },
  { id: 'cn-zhangjiakou', localName: '华北3（张家口）', code: '8vb' },
  { id: 'cn-huhehaote', localName: '华北5（呼和浩特）', code: 'hp3' },
  { id: 'cn-chengdu', localName: '西南1（成都）', code: '2vc' },
  { id: 'cn-hongkong', localName: '中国香港', code: 'j6c' },
  { id: 'ap-southeast-1', localName: '新加坡', code: 't4n' },
  { id: 'ap-northeast-1', localName: '日本（东京）', code: '6we' },
  { id: 'us-west-1', localName: '美国（硅谷）', code: 'rj9' },
  { id: 'eu-central-1', localName: '德国（法兰克福）', code: 'gw8' },
  { id: 'me-east-1', localName: '阿联酋（迪拜）', code: 'eb3' },
];

const ALIYUN_REGIONS: Record<Scale, { enabled: readonly string[]; disabled: readonly string[] }> = {
  tiny: { enabled: ['cn-hangzhou', 'cn-shanghai'], disabled: ['me-east-1'] },
  small: { enabled: ['cn-hangzhou', 'cn-shanghai', 'cn-guangzhou'], disabled: ['me-east-1'] },
  medium: {
    enabled: [
      'cn-hangzhou',
      'cn-shanghai',
      'cn-beijing',
      'cn-guangzhou',
      'cn-wulanchabu',
      'cn-shenzhen',
      'ap-southeast-1',
    ],
    disabled: ['me-east-1'],
  },
  large: {
    enabled: ALIYUN_KNOWN_REGIONS.map((r) => r.id).filter((id) => id !== 'me-east-1'),
    disabled: ['me-east-1'],
  },
};

export function aliyunRegions(scale: Scale): WorldRegion[] {
  const { enabled, disabled } = ALIYUN_REGIONS[scale];
  const names = new Map(ALIYUN_KNOWN_REGIONS.map((r) => [r.id, r.localName]));
  return [...enabled, ...disabled].map((id, i) => ({
    id,
    localName: names.get(id),
    enabled: i < enabled.length,
    optInRequired: i >= enabled.length,
  }));
}

const ALIYUN_PREFIX: Partial<Record<IdKind, string>> = {
  vpc: 'vpc-',
  vpc_cidr_association: 'vpccidr-',
  subnet: 'vsw-',
  vm: 'i-',
  reservation: 'rsv-',
  image: 'm-',
  network_interface: 'eni-',
  network_interface_attachment: 'eni-attach-',
  security_group: 'sg-',
  route_table: 'vtb-',
  route_table_association: 'vtbassoc-',
  internet_gateway: 'igw-',
  nat_gateway: 'ngw-',
  public_ip: 'eip-',
  public_ip_association: 'eipassoc-',
  peering_connection: 'pcc-',
  cloud_network_attachment: 'cenattach-',
  load_balancer: 'lb-',
  listener: 'lsn-',
  target_group: 'rsp-',
  rds_instance: 'rm-',
};

/** Lower-case base36 of a 64-bit value given as two words, 13 digits (keeps all 64 bits). */
function base36(a: number, b: number): string {
  return (BigInt(a >>> 0) * 0x100000000n + BigInt(b >>> 0)).toString(36).padStart(13, '0');
}

/**
 * Aliyun-shaped ids: `<prefix><region infix><base36>`, e.g. `vpc-bp1…`, `i-uf6…`, `rm-7xv…`; zones are
 * `cn-hangzhou-h`-like; CEN ids (`cen-…`) carry no region infix because CEN is global; ACK cluster ids are
 * `c` + 32 hex digits. A seeded bijection of (region, kind, n) keeps them unique and stable per seed.
 */
export function aliyunNativeIds(seed: number, regions: readonly string[]): NativeIdFn {
  const keys = [1, 2, 3, 4].map((k) => hash32(seed, 'aliyun-ids', k));
  const keys2 = [5, 6, 7, 8].map((k) => hash32(seed, 'aliyun-ids', k));
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  const codes = new Map(ALIYUN_KNOWN_REGIONS.map((r) => [r.id, r.code]));
  return (kind, n, region) => {
    if (kind === 'zone') return `${region}-${'hijkgfeabcd'.charAt(n % 11)}`;
    const r = regionIndex.get(region) ?? hash32(region) & 0xff;
    const hi = ((r & 0xff) << 8) | ID_KINDS.indexOf(kind);
    const [a, b] = permute64(hi, n, keys);
    const body = base36(a, b);
    if (kind === 'cloud_network') return `cen-${body}${hex32(hash32(seed, region)).slice(0, 5)}`;
    if (kind === 'kubernetes_cluster') {
      const [c, d] = permute64(hi, n, keys2);
      return `c${hex32(a)}${hex32(b)}${hex32(c)}${hex32(d)}`;
    }
    const code = codes.get(region) ?? hex32(hash32(region)).slice(0, 3);
    return `${ALIYUN_PREFIX[kind] ?? 'x-'}${code}${body}`;
  };
}
