/**
 * A loopback stand-in for a push server: DeepFlow's `PUT /v1/domain-additional-resources/` (validation and
 * response envelope as in reference/deepflow.md §3, written independently of src/push) and a plain `POST
 * /inventory` endpoint that accepts gzip JSON with a bearer token. Records every request.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlockList, isIP } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface RecordedPush {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  status: number;
}

export interface PushServer {
  url: string;
  pushes: RecordedPush[];
  /** Accepted documents (the last one is what the server holds). */
  accepted: unknown[];
  /** Status codes to answer the next requests with, before validating (e.g. [500] for one failure). */
  failNext: number[];
  /** When set, every request is refused with this DeepFlow OPT_STATUS (HTTP 400). */
  refuse: string | undefined;
  close(): Promise<void>;
}

const FIELDS: Record<string, string[]> = {
  '': ['azs', 'vpcs', 'subnets', 'hosts', 'chosts', 'cloud_tags', 'lbs', 'peer_connections'],
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
};

type O = Record<string, unknown>;
const items = (v: unknown): O[] => (Array.isArray(v) ? (v as O[]) : []);

/** CheckJSONParam: any key not in the Go struct is a "rogue field". */
function rogue(value: unknown, level: string): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const r = rogue(v, level);
      if (r) return r;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (!(FIELDS[level] ?? []).includes(k)) return `rogue field(${k})`;
    if (FIELDS[k] && typeof v === 'object') {
      const r = rogue(v, k);
      if (r) return r;
    }
  }
  return undefined;
}

function cidrList(cidrs: unknown): { list: BlockList; bad?: string } {
  const list = new BlockList();
  for (const c of (Array.isArray(cidrs) ? cidrs : []).map(String)) {
    const [addr = '', bits = ''] = c.split('/');
    const fam = isIP(addr);
    if (fam === 0 || !/^\d+$/.test(bits) || Number(bits) > (fam === 4 ? 32 : 128))
      return { list, bad: c };
    list.addSubnet(addr, Number(bits), fam === 4 ? 'ipv4' : 'ipv6');
  }
  return { list };
}

/** The server's checks, in its order; returns the DESCRIPTION of the first failure. */
function check(doc: O, domains: ReadonlySet<string>): string | undefined {
  const r = rogue(doc, '');
  if (r) return r;
  const all = [
    ...items(doc['azs']),
    ...items(doc['vpcs']),
    ...items(doc['subnets']),
    ...items(doc['chosts']),
    ...items(doc['lbs']),
  ];
  for (const o of all)
    if (!domains.has(String(o['domain_uuid'])))
      return `domain (${String(o['domain_uuid'])}) not found`;
  const azs = new Set(items(doc['azs']).map((a) => a['uuid']));
  const vpcs = new Set(items(doc['vpcs']).map((v) => v['uuid']));
  const subnets = new Map<unknown, BlockList>();
  for (const s of items(doc['subnets'])) {
    if (!vpcs.has(s['vpc_uuid']))
      return `subnet (${String(s['name'])}) vpc_uuid (${String(s['vpc_uuid'])}) not found`;
    if (s['az_uuid'] !== undefined && !azs.has(s['az_uuid']))
      return `subnet (${String(s['name'])}) az not found`;
    const { list, bad } = cidrList(s['cidrs']);
    if (bad) return `invalid cidr (${bad})`;
    subnets.set(s['uuid'], list);
  }
  for (const c of items(doc['chosts'])) {
    if (!vpcs.has(c['vpc_uuid']) || !azs.has(c['az_uuid']))
      return `chost (${String(c['name'])}) vpc or az not found`;
    for (const v of items(c['vinterfaces'])) {
      const list = subnets.get(v['subnet_uuid']);
      if (!list)
        return `chost (${String(c['name'])}) subnet (${String(v['subnet_uuid'])}) not found`;
      for (const ip of items(v['ips']) as unknown as string[]) {
        const fam = isIP(ip);
        if (fam === 0 || !list.check(ip, fam === 4 ? 'ipv4' : 'ipv6'))
          return `ip (${ip}) not in subnet cidrs`;
      }
    }
  }
  for (const lb of items(doc['lbs'])) {
    if (!vpcs.has(lb['vpc_uuid'])) return `lb (${String(lb['name'])}) vpc not found`;
    if (lb['model'] !== 1 && lb['model'] !== 2) return `lb (${String(lb['name'])}) model invalid`;
    for (const l of items(lb['lb_listeners']))
      if (l['protocol'] !== 'TCP' && l['protocol'] !== 'UDP') return 'listener protocol invalid';
  }
  for (const p of items(doc['peer_connections'])) {
    if (p['local_vpc_uuid'] === p['remote_vpc_uuid'])
      return 'peer connection local and remote vpc are the same';
    if (!vpcs.has(p['local_vpc_uuid']) || !vpcs.has(p['remote_vpc_uuid']))
      return 'peer connection vpc not found';
  }
  for (const t of items(doc['cloud_tags'])) {
    for (const tag of items(t['tags'])) {
      if (/[\s:`\\]/.test(String(tag['key']) + String(tag['value'])))
        return 'tag key or value invalid';
    }
  }
  return undefined;
}

function reply(
  res: ServerResponse,
  status: number,
  optStatus: string,
  description: string,
  data: unknown = null,
): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ OPT_STATUS: optStatus, DESCRIPTION: description, DATA: data }));
}

export async function startPushServer(
  opts: { token?: string; domains?: string[] } = {},
): Promise<PushServer> {
  const domains = new Set(opts.domains ?? []);
  const state: PushServer = {
    url: '',
    pushes: [],
    accepted: [],
    failNext: [],
    refuse: undefined,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = undefined;
      }
      const rec: RecordedPush = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        status: 0,
      };
      state.pushes.push(rec);
      const answer = (status: number, opt: string, desc: string): void => {
        rec.status = status;
        reply(res, status, opt, desc);
      };
      if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`) {
        answer(401, 'UNAUTHORIZED', 'bad token');
        return;
      }
      const forced = state.failNext.shift();
      if (forced !== undefined) {
        answer(forced, 'SERVER_ERROR', 'injected failure');
        return;
      }
      if (state.refuse !== undefined) {
        answer(400, state.refuse, 'refused by test');
        return;
      }
      if (req.method === 'POST' && req.url === '/inventory') {
        state.accepted.push(body);
        answer(200, 'SUCCESS', '');
        return;
      }
      if (req.method === 'PUT' && req.url === '/v1/domain-additional-resources/') {
        if (req.headers['x-org-id'] === undefined) {
          answer(400, 'INVALID_PARAMETERS', 'X-Org-Id missing');
          return;
        }
        const problem =
          typeof body === 'object' && body !== null
            ? check(body as O, domains)
            : 'body is not JSON';
        if (problem !== undefined) {
          answer(400, 'INVALID_PARAMETERS', problem);
          return;
        }
        state.accepted.push(body);
        answer(200, 'SUCCESS', '');
        return;
      }
      answer(404, 'NOT_FOUND', 'no such route');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
