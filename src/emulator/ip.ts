/** IPv4 arithmetic for the world generator. */

export function ipToInt(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new Error(`not an IPv4 address: ${ip}`);
  }
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

export function parseCidr(cidr: string): Cidr {
  const [ip, bits] = cidr.split('/');
  if (ip === undefined || bits === undefined) throw new Error(`not a CIDR: ${cidr}`);
  return { base: ipToInt(ip), prefix: Number(bits) };
}

export function cidrSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** True when `ip` lies inside `cidr`. */
export function cidrContains(cidr: string, ip: string): boolean {
  const { base, prefix } = parseCidr(cidr);
  const n = ipToInt(ip);
  return n >= base && n < base + cidrSize(prefix);
}

/** The address at `offset` from the start of `cidr`. */
export function hostAt(cidr: Cidr, offset: number): string {
  if (offset < 0 || offset >= cidrSize(cidr.prefix)) {
    throw new Error(`offset ${offset} outside /${cidr.prefix}`);
  }
  return intToIp(cidr.base + offset);
}

/**
 * Public addresses come from documentation ranges only: TEST-NET-2, TEST-NET-3, TEST-NET-1, then the
 * benchmarking range 198.18.0.0/15 (RFC 2544) when a large world needs more. Each /24 gives hosts 1-254.
 */
const PUBLIC_BLOCKS: readonly number[] = [
  ipToInt('198.51.100.0'),
  ipToInt('203.0.113.0'),
  ipToInt('192.0.2.0'),
  ...Array.from({ length: 512 }, (_, i) => ipToInt('198.18.0.0') + i * 256),
];
const HOSTS_PER_BLOCK = 254;

export const PUBLIC_POOL_SIZE = PUBLIC_BLOCKS.length * HOSTS_PER_BLOCK;

/** The n-th public address of the pool. */
export function publicIpAt(n: number): string {
  const block = PUBLIC_BLOCKS[Math.floor(n / HOSTS_PER_BLOCK)];
  if (block === undefined) throw new Error(`public address pool exhausted at ${n}`);
  return intToIp(block + 1 + (n % HOSTS_PER_BLOCK));
}
