/**
 * An apiserver subset on 127.0.0.1 over HTTP: discovery (/api, /apis, group-versions, /version), paged
 * LIST (limit / continue, with expiring tokens), WATCH streams replaying from a resourceVersion (410 Gone
 * after compaction), a bearer-token check, injectable faults, and stop/start on the same port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { systemClock } from '../../transport/clock.js';
import type { K8sEvent, K8sObject, K8sResourceDef, K8sWorld } from './world.js';
import { generateK8sWorld, resourceKey } from './world.js';

/** The bearer token the emulator accepts unless told otherwise (not a secret: a local test server). */
export const EMULATOR_K8S_TOKEN = 'deepflow-cloud-emulator-token';

export interface K8sFault {
  /** Matches when the request path contains this; default: every path. */
  path?: string;
  /** Only list requests, or only watch requests; default both. */
  on?: 'list' | 'watch';
  status: number;
  times?: number;
}

export interface K8sRecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  watch: boolean;
}

export interface K8sEmulatorOptions {
  world?: K8sWorld;
  port?: number;
  token?: string;
  /** Caps every page (`limit`) so small worlds page. */
  pageLimit?: number;
}

export interface RunningK8sEmulator {
  url: string;
  port: number;
  token: string;
  world: K8sWorld;
  requests: K8sRecordedRequest[];
  addFault(f: K8sFault): void;
  /** Drops every connection and stops listening (an apiserver restart, first half). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

function status(code: number, reason: string, message: string): string {
  return JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });
}

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** `a.b=c,d!=e` (the equality subset of field selectors). */
function matchesFieldSelector(obj: K8sObject, selector: string): boolean {
  for (const term of selector.split(',').filter((t) => t !== '')) {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!m) return false;
    const value = getPath(obj, m[1] ?? '');
    const str =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : '';
    if (m[2] === '!=' ? str === m[3] : str !== m[3]) return false;
  }
  return true;
}

interface Route {
  def: K8sResourceDef;
  namespace?: string;
}

export async function startK8sEmulator(opts: K8sEmulatorOptions = {}): Promise<RunningK8sEmulator> {
  const world = opts.world ?? generateK8sWorld();
  const token = opts.token ?? EMULATOR_K8S_TOKEN;
  const requests: K8sRecordedRequest[] = [];
  const faults: { f: K8sFault; remaining: number }[] = [];
  const sockets = new Set<Socket>();
  const defs = [...world.defs.values()];

  const route = (path: string): Route | undefined => {
    const parts = path.split('/').filter((p) => p !== '');
    let group = '';
    let version: string;
    let rest: string[];
    if (parts[0] === 'api') {
      version = parts[1] ?? '';
      rest = parts.slice(2);
    } else if (parts[0] === 'apis') {
      group = parts[1] ?? '';
      version = parts[2] ?? '';
      rest = parts.slice(3);
    } else return undefined;
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length === 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    if (rest.length !== 1) return undefined;
    const def = world.defs.get(resourceKey({ group, version, name: rest[0] ?? '' }));
    if (def === undefined || (namespace !== undefined && !def.namespaced)) return undefined;
    return namespace === undefined ? { def } : { def, namespace };
  };

  const discovery = (path: string): unknown => {
    if (path === '/version') {
      return {
        major: '1',
        minor: '30',
        gitVersion: 'v1.30.2',
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2026-11-01T00:00:00Z',
        goVersion: 'go1.22.4',
        compiler: 'gc',
        platform: 'linux/amd64',
      };
    }
    if (path === '/api')
      return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
    if (path === '/apis') {
      const groups = new Map<string, string[]>();
      for (const d of defs) {
        if (d.group === '') continue;
        const vs = groups.get(d.group) ?? [];
        if (!vs.includes(d.version)) vs.push(d.version);
        groups.set(d.group, vs);
      }
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groups].map(([name, versions]) => ({
          name,
          versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
          preferredVersion: { groupVersion: `${name}/${versions[0] ?? ''}`, version: versions[0] },
        })),
      };
    }
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (!m) return undefined;
    const group = m[2] ?? '';
    const version = m[1] ?? m[3] ?? '';
    const resources = defs.filter((d) => d.group === group && d.version === version);
    if (resources.length === 0) return undefined;
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group === '' ? version : `${group}/${version}`,
      resources: resources.flatMap((d) => [
        {
          name: d.name,
          singularName: '',
          namespaced: d.namespaced,
          kind: d.kind,
          verbs: ['get', 'list', 'watch'],
        },
        ...(d.name === 'pods'
          ? [{ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] }]
          : []),
      ]),
    };
  };

  const filterObjects = (r: Route, objs: K8sObject[], fieldSelector: string): K8sObject[] =>
    objs.filter(
      (o) =>
        (r.namespace === undefined || o.metadata.namespace === r.namespace) &&
        matchesFieldSelector(o, fieldSelector),
    );

  const list = (r: Route, q: URLSearchParams, res: ServerResponse): number => {
    const key = resourceKey(r.def);
    let limit = Number(q.get('limit') ?? '0');
    if (!Number.isInteger(limit) || limit < 0) limit = 0;
    if (opts.pageLimit !== undefined && (limit === 0 || limit > opts.pageLimit))
      limit = opts.pageLimit;
    let start = 0;
    let snapshotRv = world.rv;
    const cont = q.get('continue');
    if (cont !== null && cont !== '') {
      let parsed: { rv?: number; start?: number };
      try {
        parsed = JSON.parse(Buffer.from(cont, 'base64url').toString('utf8')) as typeof parsed;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(status(400, 'BadRequest', 'invalid continue token'));
        return 400;
      }
      if ((parsed.rv ?? 0) < world.compactedRv) {
        res.writeHead(410, { 'content-type': 'application/json' });
        res.end(
          status(
            410,
            'Expired',
            'The provided continue parameter is too old to display a consistent list result.',
          ),
        );
        return 410;
      }
      start = parsed.start ?? 0;
      snapshotRv = parsed.rv ?? world.rv;
    }
    const all = filterObjects(r, world.list(key), q.get('fieldSelector') ?? '');
    const end = limit > 0 ? Math.min(all.length, start + limit) : all.length;
    const metadata: Record<string, unknown> = { resourceVersion: String(snapshotRv) };
    if (end < all.length) {
      metadata['continue'] = Buffer.from(JSON.stringify({ rv: snapshotRv, start: end })).toString(
        'base64url',
      );
      metadata['remainingItemCount'] = all.length - end;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: `${r.def.kind}List`,
        apiVersion: r.def.group === '' ? r.def.version : `${r.def.group}/${r.def.version}`,
        metadata,
        items: all.slice(start, end),
      }),
    );
    return 200;
  };

  const watch = (
    r: Route,
    q: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ): number => {
    const key = resourceKey(r.def);
    const selector = q.get('fieldSelector') ?? '';
    const rvParam = q.get('resourceVersion') ?? '';
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const send = (type: string, object: unknown): void => {
      res.write(`${JSON.stringify({ type, object })}\n`);
    };
    const keep = (e: K8sEvent): boolean =>
      e.resource === key && filterObjects(r, [e.object], selector).length > 0;
    let backlog: K8sEvent[];
    if (rvParam === '' || rvParam === '0') {
      backlog = filterObjects(r, world.list(key), selector).map((o) => ({
        rv: world.rv,
        resource: key,
        type: 'ADDED',
        object: o,
      }));
    } else {
      const events = world.eventsSince(key, Number(rvParam));
      if (events === undefined) {
        send('ERROR', {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'Expired',
          code: 410,
          message: `too old resource version: ${rvParam} (${world.compactedRv})`,
        });
        res.end();
        return 200;
      }
      backlog = events.filter(keep);
    }
    for (const e of backlog) send(e.type, e.object);
    const unsubscribe = world.subscribe((e) => {
      if (keep(e)) send(e.type, e.object);
    });
    const timeout = Number(q.get('timeoutSeconds') ?? '0');
    const timer = new AbortController();
    if (timeout > 0) {
      systemClock.sleep(timeout * 1000, timer.signal).then(
        () => {
          res.end();
        },
        () => undefined,
      );
    }
    const done = (): void => {
      unsubscribe();
      timer.abort();
    };
    req.on('close', done);
    res.on('close', done);
    return 200;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const q = url.searchParams;
    const isWatch = q.get('watch') === 'true' || q.get('watch') === '1';
    const record = (code: number): void => {
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(q),
        status: code,
        watch: isWatch,
      });
    };
    const reply = (code: number, body: string): void => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(body);
      record(code);
    };
    if (req.headers.authorization !== `Bearer ${token}`) {
      reply(401, status(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    if (req.method !== 'GET') {
      reply(405, status(405, 'MethodNotAllowed', 'the emulator serves GET only'));
      return;
    }
    const d = discovery(url.pathname);
    if (d !== undefined) {
      reply(200, JSON.stringify(d));
      return;
    }
    const r = route(url.pathname);
    if (r === undefined) {
      reply(
        404,
        status(
          404,
          'NotFound',
          `the server could not find the requested resource (${url.pathname})`,
        ),
      );
      return;
    }
    const fault = faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.f.path === undefined || url.pathname.includes(f.f.path)) &&
        (f.f.on === undefined || (f.f.on === 'watch') === isWatch),
    );
    if (fault) {
      fault.remaining--;
      reply(
        fault.f.status,
        status(
          fault.f.status,
          fault.f.status === 410 ? 'Expired' : 'InternalError',
          `injected fault ${fault.f.status}`,
        ),
      );
      return;
    }
    record(isWatch ? watch(r, q, req, res) : list(r, q, res));
  };

  let server: Server | undefined;
  let port = opts.port ?? 0;
  const start = async (): Promise<void> => {
    const s = createServer(handle);
    s.on('connection', (sock: Socket) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        resolve();
      });
    });
    const addr = s.address();
    if (addr !== null && typeof addr === 'object') port = addr.port;
    server = s;
  };
  const stop = async (): Promise<void> => {
    const s = server;
    server = undefined;
    if (!s) return;
    const closed = new Promise<void>((resolve) =>
      s.close(() => {
        resolve();
      }),
    );
    for (const sock of sockets) sock.destroy();
    await closed;
  };
  await start();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    token,
    world,
    requests,
    addFault: (f) => faults.push({ f, remaining: f.times ?? Number.POSITIVE_INFINITY }),
    stop,
    start,
    close: stop,
  };
}
