import { cidrContains, parseCidr, parseIp } from './cidr.js';
import type { ParsedCidr } from './cidr.js';
import { DEEPFLOW_DEFAULT_REGION_UUID, isDeepflowTag } from './deepflow-document.js';

type Obj = Record<string, unknown>;

/** The keys DeepFlow's `AdditionalResource` accepts at each level (reference §3.2); any other is "rogue". */
const KEYS = {
  top: ['azs', 'vpcs', 'subnets', 'hosts', 'chosts', 'cloud_tags', 'lbs', 'peer_connections'],
  azs: ['name', 'uuid', 'domain_uuid'],
  vpcs: ['name', 'uuid', 'domain_uuid'],
  subnets: ['name', 'uuid', 'type', 'is_vip', 'vpc_uuid', 'az_uuid', 'domain_uuid', 'cidrs'],
  hosts: ['name', 'uuid', 'ip', 'type', 'az_uuid', 'domain_uuid', 'vinterfaces'],
  chosts: ['name', 'uuid', 'host_ip', 'type', 'vpc_uuid', 'az_uuid', 'domain_uuid', 'vinterfaces'],
  vinterfaces: ['mac', 'name', 'subnet_uuid', 'ips'],
  cloud_tags: ['resource_type', 'resource_name', 'domain_uuid', 'subdomain_uuid', 'tags'],
  tags: ['key', 'value'],
  lbs: ['name', 'model', 'vpc_uuid', 'region_uuid', 'domain_uuid', 'vinterfaces', 'lb_listeners'],
  lb_listeners: ['name', 'protocol', 'ip', 'port', 'lb_target_servers'],
  lb_target_servers: ['ip', 'port'],
  peer_connections: [
    'name',
    'uuid',
    'domain_uuid',
    'local_vpc_uuid',
    'local_region_uuid',
    'remote_vpc_uuid',
    'remote_region_uuid',
  ],
} as const;

const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  azs: ['name', 'uuid', 'domain_uuid'],
  vpcs: ['name', 'uuid', 'domain_uuid'],
  subnets: ['name', 'uuid', 'vpc_uuid', 'domain_uuid'],
  hosts: ['name', 'uuid', 'ip', 'az_uuid', 'domain_uuid'],
  chosts: ['name', 'uuid', 'vpc_uuid', 'az_uuid', 'domain_uuid'],
  cloud_tags: ['resource_type', 'resource_name', 'domain_uuid'],
  lbs: ['name', 'vpc_uuid', 'region_uuid', 'domain_uuid'],
  lb_listeners: ['protocol', 'ip'],
  lb_target_servers: ['ip'],
  peer_connections: KEYS.peer_connections,
  vinterfaces: ['mac'],
};

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isObj) : [];
}

function str(o: Obj, k: string): string {
  const v = o[k];
  return typeof v === 'string' ? v : '';
}

export interface DeepflowExpectations {
  readonly domainUuid: string;
  readonly regionUuid?: string;
}

/**
 * Checks a document the way DeepFlow's controller does before it stores it (`CheckJSONParam` and
 * `domain_additional_resource.go`): unknown keys, required fields, CIDRs, every IP inside one of its subnet's
 * CIDRs, references to AZs/VPCs/subnets present, LB model/protocol/region, peering VPCs, tag characters.
 * Returns one message per problem (empty: the server would accept it).
 */
export function validateDeepflowDocument(doc: unknown, expect: DeepflowExpectations): string[] {
  const problems: string[] = [];
  const keys = (o: Obj, level: keyof typeof KEYS, where: string): void => {
    const allowed: readonly string[] = KEYS[level];
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) problems.push(`${where}: rogue field(${k})`);
    for (const k of REQUIRED[level] ?? []) {
      const v = o[k];
      if (v === undefined || v === null || v === '') problems.push(`${where}.${k}: required`);
    }
  };
  if (!isObj(doc)) return ['document: must be an object'];
  keys(doc, 'top', 'document');
  for (const top of KEYS.top) {
    if (doc[top] !== undefined && !Array.isArray(doc[top])) problems.push(`${top}: must be a list`);
  }
  const domain = (o: Obj, where: string): void => {
    if (o['domain_uuid'] !== undefined && str(o, 'domain_uuid') !== expect.domainUuid)
      problems.push(`${where}.domain_uuid: domain ${str(o, 'domain_uuid')} not found`);
  };
  const azs = new Set<string>();
  list(doc['azs']).forEach((az, i) => {
    keys(az, 'azs', `azs[${i}]`);
    domain(az, `azs[${i}]`);
    azs.add(str(az, 'uuid'));
  });
  const vpcs = new Set<string>();
  list(doc['vpcs']).forEach((v, i) => {
    keys(v, 'vpcs', `vpcs[${i}]`);
    domain(v, `vpcs[${i}]`);
    vpcs.add(str(v, 'uuid'));
  });
  const subnets = new Map<string, ParsedCidr[]>();
  list(doc['subnets']).forEach((s, i) => {
    const w = `subnets[${i}]`;
    keys(s, 'subnets', w);
    domain(s, w);
    if (!vpcs.has(str(s, 'vpc_uuid')))
      problems.push(`${w}.vpc_uuid: vpc ${str(s, 'vpc_uuid')} not found`);
    if (s['az_uuid'] !== undefined && !azs.has(str(s, 'az_uuid')))
      problems.push(`${w}.az_uuid: az ${str(s, 'az_uuid')} not found`);
    const cidrs: ParsedCidr[] = [];
    (Array.isArray(s['cidrs']) ? (s['cidrs'] as unknown[]) : []).forEach((c, j) => {
      const parsed = typeof c === 'string' ? parseCidr(c) : undefined;
      if (parsed === undefined) problems.push(`${w}.cidrs[${j}]: invalid CIDR ${String(c)}`);
      else cidrs.push(parsed);
    });
    subnets.set(str(s, 'uuid'), cidrs);
  });
  const vifs = (o: Obj, w: string): void => {
    list(o['vinterfaces']).forEach((v, j) => {
      const vw = `${w}.vinterfaces[${j}]`;
      keys(v, 'vinterfaces', vw);
      const ips = Array.isArray(v['ips']) ? (v['ips'] as unknown[]) : [];
      const cidrs = subnets.get(str(v, 'subnet_uuid'));
      if (cidrs === undefined) {
        if (ips.length > 0 || v['subnet_uuid'] !== undefined)
          problems.push(`${vw}.subnet_uuid: subnet ${str(v, 'subnet_uuid')} not found`);
        return;
      }
      ips.forEach((ip, k) => {
        const p = typeof ip === 'string' ? parseIp(ip) : undefined;
        if (p === undefined || !cidrs.some((c) => cidrContains(c, p)))
          problems.push(`${vw}.ips[${k}]: ${String(ip)} is not in the subnet's CIDRs`);
      });
    });
  };
  const chostNames = new Set<string>();
  list(doc['chosts']).forEach((c, i) => {
    const w = `chosts[${i}]`;
    keys(c, 'chosts', w);
    domain(c, w);
    if (!vpcs.has(str(c, 'vpc_uuid')))
      problems.push(`${w}.vpc_uuid: vpc ${str(c, 'vpc_uuid')} not found`);
    if (!azs.has(str(c, 'az_uuid')))
      problems.push(`${w}.az_uuid: az ${str(c, 'az_uuid')} not found`);
    chostNames.add(str(c, 'name'));
    vifs(c, w);
  });
  list(doc['hosts']).forEach((h, i) => {
    keys(h, 'hosts', `hosts[${i}]`);
    vifs(h, `hosts[${i}]`);
  });
  const region = expect.regionUuid ?? DEEPFLOW_DEFAULT_REGION_UUID;
  list(doc['lbs']).forEach((lb, i) => {
    const w = `lbs[${i}]`;
    keys(lb, 'lbs', w);
    domain(lb, w);
    if (lb['model'] !== 1 && lb['model'] !== 2) problems.push(`${w}.model: must be 1 or 2`);
    if (!vpcs.has(str(lb, 'vpc_uuid')))
      problems.push(`${w}.vpc_uuid: vpc ${str(lb, 'vpc_uuid')} not found`);
    if (str(lb, 'region_uuid') !== region)
      problems.push(`${w}.region_uuid: must be the domain's region ${region}`);
    vifs(lb, w);
    list(lb['lb_listeners']).forEach((l, j) => {
      const lw = `${w}.lb_listeners[${j}]`;
      keys(l, 'lb_listeners', lw);
      if (l['protocol'] !== 'TCP' && l['protocol'] !== 'UDP')
        problems.push(`${lw}.protocol: must be TCP or UDP`);
      if (parseIp(str(l, 'ip')) === undefined) problems.push(`${lw}.ip: invalid IP`);
      if (typeof l['port'] !== 'number') problems.push(`${lw}.port: required`);
      list(l['lb_target_servers']).forEach((t, k) => {
        const tw = `${lw}.lb_target_servers[${k}]`;
        keys(t, 'lb_target_servers', tw);
        if (parseIp(str(t, 'ip')) === undefined) problems.push(`${tw}.ip: invalid IP`);
        if (typeof t['port'] !== 'number') problems.push(`${tw}.port: required`);
      });
    });
  });
  list(doc['peer_connections']).forEach((p, i) => {
    const w = `peer_connections[${i}]`;
    keys(p, 'peer_connections', w);
    domain(p, w);
    if (str(p, 'local_vpc_uuid') === str(p, 'remote_vpc_uuid'))
      problems.push(`${w}: local and remote VPC are the same`);
    for (const side of ['local', 'remote']) {
      if (!vpcs.has(str(p, `${side}_vpc_uuid`)))
        problems.push(`${w}.${side}_vpc_uuid: vpc not found`);
      if (str(p, `${side}_region_uuid`) !== region)
        problems.push(`${w}.${side}_region_uuid: region not found`);
    }
  });
  list(doc['cloud_tags']).forEach((t, i) => {
    const w = `cloud_tags[${i}]`;
    keys(t, 'cloud_tags', w);
    domain(t, w);
    const type = str(t, 'resource_type');
    if (type !== 'chost' && type !== 'pod_ns')
      problems.push(`${w}.resource_type: must be chost or pod_ns`);
    if (type === 'chost' && !chostNames.has(str(t, 'resource_name')))
      problems.push(`${w}.resource_name: chost ${str(t, 'resource_name')} not found`);
    if (!Array.isArray(t['tags'])) problems.push(`${w}.tags: required`);
    list(t['tags']).forEach((tag, j) => {
      keys(tag, 'tags', `${w}.tags[${j}]`);
      if (!isDeepflowTag(str(tag, 'key'), str(tag, 'value')))
        problems.push(
          `${w}.tags[${j}]: key or value holds a space, ':', '\`' or '\\' (or the key a quote)`,
        );
    });
  });
  return problems;
}
