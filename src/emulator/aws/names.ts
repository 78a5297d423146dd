/** AWS-specific names derived from the neutral world: ARNs, DNS names, zone ids, endpoints. */
import { hash32 } from '../random.js';
import type { LoadBalancer, TargetGroup } from '../world-types-services.js';

export function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function domain(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  northeast: 'ne',
  southeast: 'se',
  northwest: 'nw',
  southwest: 'sw',
};

/** `us-east-1` → `use1`, `ap-southeast-2` → `apse2` (as in zone ids and cache host names). */
export function regionCode(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-').slice(-3);
  const prefix = region.startsWith('us-gov-') ? 'usg' : area;
  return `${prefix}${DIRECTIONS[direction] ?? direction.slice(0, 1)}${number}`;
}

export function zoneId(region: string, zoneIndex: number): string {
  return `${regionCode(region)}-az${zoneIndex + 1}`;
}

export function privateDnsName(ip: string, region: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function publicDnsName(ip: string, region: string): string {
  const host = `ec2-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1'
    ? `${host}.compute-1.${domain(region)}`
    : `${host}.${region}.compute.${domain(region)}`;
}

/** A stable lower-case base-36 token derived from the parts. */
export function token(length: number, ...parts: readonly string[]): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += hash32(...parts, i).toString(36);
  return out.slice(0, length);
}

const LB_PATH = { application: 'app', network: 'net', classic: 'elb' } as const;

export function loadBalancerArn(region: string, account: string, lb: LoadBalancer): string {
  return `arn:${partition(region)}:elasticloadbalancing:${region}:${account}:loadbalancer/${LB_PATH[lb.type]}/${lb.name}/${lb.id}`;
}

export function listenerArn(
  region: string,
  account: string,
  lb: LoadBalancer,
  listenerId: string,
): string {
  return `arn:${partition(region)}:elasticloadbalancing:${region}:${account}:listener/${LB_PATH[lb.type]}/${lb.name}/${lb.id}/${listenerId}`;
}

export function targetGroupArn(region: string, account: string, tg: TargetGroup): string {
  return `arn:${partition(region)}:elasticloadbalancing:${region}:${account}:targetgroup/${tg.name}/${tg.id}`;
}

export function loadBalancerDns(region: string, lb: LoadBalancer): string {
  const internal = lb.scheme === 'internal' ? 'internal-' : '';
  if (lb.type === 'network') {
    return `${internal}${lb.name}-${lb.id}.elb.${region}.${domain(region)}`;
  }
  const n = hash32(lb.id) % 2_000_000_000;
  return `${internal}${lb.name}-${n}.${region}.elb.${domain(region)}`;
}

export function rdsHost(region: string, account: string, id: string): string {
  return `${id}.${token(12, account, region, 'rds')}.${region}.rds.${domain(region)}`;
}

/** `<name>.<token>.<infix>.<use1>.cache.amazonaws.com`; infix `ng.0001`, `0001`, `clustercfg`, … */
export function cacheHost(region: string, account: string, name: string, infix: string): string {
  const tok = token(6, account, region, 'cache');
  return `${name}.${tok}.${infix}.${regionCode(region)}.cache.${domain(region)}`;
}

export function eksEndpoint(region: string, clusterId: string): string {
  return `https://${clusterId}.gr7.${region}.eks.${domain(region)}`;
}

export function arn(region: string, account: string, service: string, resource: string): string {
  return `arn:${partition(region)}:${service}:${region}:${account}:${resource}`;
}
