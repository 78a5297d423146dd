/**
 * The HTTP server shared by every provider's emulator, on 127.0.0.1: records requests and applies latency,
 * a rate limit and injected faults around a provider backend that speaks the wire protocol.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type {
  EmulatorOptions,
  FaultKind,
  FaultSpec,
  EmulatorCredentials,
  ProviderBackend,
  RawRequest,
  RecordedRequest,
  Reply,
  RoutedRequest,
  RunningEmulator,
} from './harness.js';
import type { Clock } from '../transport/clock.js';
import { configCredentialsFor } from './credentials.js';
import type { World } from './world-types-services.js';

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

function matchFault(faults: ActiveFault[], req: RoutedRequest): FaultKind | undefined {
  for (const f of faults) {
    if (f.remaining <= 0) continue;
    if (f.spec.op !== '*' && f.spec.op !== req.op) continue;
    if (f.spec.service !== undefined && f.spec.service !== req.service) continue;
    if (f.spec.region !== undefined && f.spec.region !== req.region) continue;
    if (f.spec.respond === 'repeat_token' && !req.hasPageToken) continue;
    f.remaining -= 1;
    return f.spec.respond;
  }
  return undefined;
}

function toRaw(req: IncomingMessage, body: Buffer): RawRequest {
  const headers: Record<string, string | undefined> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase();
    const value = req.rawHeaders[i + 1] ?? '';
    const prev = headers[name];
    headers[name] = prev === undefined ? value : `${prev},${value}`;
  }
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? '' : url.slice(q + 1),
    headers,
    body,
  };
}

export interface HarnessOptions extends EmulatorOptions {
  world: World;
  credentials: EmulatorCredentials;
  clock: Clock;
  /** Service codes the provider serves on the one port. */
  services: readonly string[];
  /** Path appended to the URL per service (Aliyun: `/ecs`, …); default: none. */
  servicePaths?: Readonly<Record<string, string>>;
}

/** Starts the HTTP server for a provider backend. */
export async function startHarness(
  backend: ProviderBackend,
  opts: HarnessOptions,
): Promise<RunningEmulator> {
  const requests: RecordedRequest[] = [];
  const faults: ActiveFault[] = [];
  const addFault = (spec: FaultSpec): void => {
    faults.push({ spec, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  };
  opts.faults?.forEach(addFault);
  const buckets = new Map<string, { tokens: number; at: number }>();
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const overRateLimit = (req: RoutedRequest): boolean => {
    const limit = opts.rateLimit;
    if (limit === undefined) return false;
    const key = `${req.region}\u0000${req.op}`;
    const now = opts.clock.now();
    const b = buckets.get(key) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
    buckets.set(key, b);
    if (b.tokens < 1) return true;
    b.tokens -= 1;
    return false;
  };

  const send = (res: ServerResponse, reply: Reply, mode: 'whole' | 'reset' | 'truncated'): void => {
    lastAt = opts.clock.now();
    const full = Buffer.from(reply.body);
    const half = full.subarray(0, Math.floor(full.length / 2));
    const body = mode === 'whole' ? full : half;
    res.writeHead(reply.status, {
      ...reply.headers,
      'content-length': String(mode === 'truncated' ? half.length : full.length),
    });
    if (mode === 'reset') {
      res.write(body, () => res.socket?.destroy());
      return;
    }
    res.end(body);
  };

  let firstAt: number | undefined;
  let lastAt = 0;
  let arrived = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    firstAt ??= opts.clock.now();
    arrived += 1;
    const routed = backend.route(toRaw(req, body));
    if (opts.latencyMs !== undefined && opts.latencyMs > 0) await opts.clock.sleep(opts.latencyMs);
    if (routed.kind === 'rejected') {
      requests.push({ provider: backend.provider, ...routed.info, status: routed.reply.status });
      send(res, routed.reply, 'whole');
      return;
    }
    const r = routed.request;
    const record: RecordedRequest = {
      provider: backend.provider,
      service: r.service,
      op: r.op,
      region: r.region,
      params: r.params,
      status: 0,
      ...(r.attempt === undefined ? {} : { attempt: r.attempt }),
    };
    requests.push(record);
    const fault = matchFault(faults, r);
    if (fault !== undefined) record.fault = fault;
    let reply: Reply;
    let mode: 'whole' | 'reset' | 'truncated' = 'whole';
    switch (fault) {
      case 'hang':
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      case 'reset':
      case 'truncated':
        mode = fault;
        reply = r.respond({ repeatToken: false });
        break;
      case 'malformed':
        reply = backend.malformed(r);
        break;
      case 'repeat_token':
        reply = r.respond({ repeatToken: true });
        break;
      case undefined:
        if (overRateLimit(r)) {
          record.fault = 'throttle';
          record.rateLimited = true;
          reply = backend.renderFault('throttle', r);
        } else {
          reply = r.respond({ repeatToken: false });
        }
        break;
      case 'throttle':
      case 'server_error':
      case 'bad_gateway':
      case 'unavailable':
      case 'forbidden':
      case 'auth_failure':
      case 'expired_token':
      case 'region_disabled':
        reply = backend.renderFault(fault, r);
    }
    record.status = reply.status;
    send(res, reply, mode);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((err: unknown) => {
        const info = { service: '', op: '', region: '', params: {} };
        const reply = backend.renderFault('server_error', info);
        reply.body = reply.body.replace(
          /We encountered an internal error\.?/,
          `emulator bug: ${err instanceof Error ? err.message : String(err)}`,
        );
        requests.push({ provider: backend.provider, ...info, status: reply.status });
        if (!res.headersSent) send(res, reply, 'whole');
        else res.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    provider: backend.provider,
    url,
    port,
    credentials: opts.credentials,
    configCredentials: configCredentialsFor(backend.provider, opts.credentials),
    endpoints: Object.fromEntries(
      opts.services.map((s) => [s, `${url}${opts.servicePaths?.[s] ?? ''}`]),
    ),
    world: opts.world,
    requests,
    activity: () => (firstAt === undefined ? undefined : { firstAt, lastAt }),
    arrived: () => arrived,
    addFault,
    clearFaults: () => {
      faults.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
