/**
 * A small apiserver client: @kubernetes/client-node's KubeConfig (kubeconfig file, in-cluster service
 * account, exec/token auth) supplies the agent, CA and Authorization header; requests and the watch stream
 * are plain node:http(s) so that paging, 410 Gone and aborts are under our control.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { createInterface } from 'node:readline';
import { KubeConfig } from '@kubernetes/client-node';
import {
  AuthError,
  ConfigError,
  NetworkError,
  PermissionDeniedError,
  ProviderError,
} from '../errors/errors.js';
import { registerSecret } from '../log/logger.js';
import { withDeadline } from '../transport/deadline.js';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: Record<string, unknown>;
}

export interface ApiServerClient {
  /** The apiserver URL (no credentials). */
  readonly server: string;
  getJson(path: string, query: Record<string, string>, signal: AbortSignal): Promise<unknown>;
  /** Streams watch events until the server ends the stream (resolves) or the request fails (rejects). */
  watch(
    path: string,
    query: Record<string, string>,
    signal: AbortSignal,
    onEvent: (e: WatchEvent) => void,
  ): Promise<void>;
}

export interface KubeConfigSource {
  /** A kubeconfig file; default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account. */
  kubeconfig?: string;
  /** Use this cluster and bearer token (the built-in emulator). */
  direct?: { server: string; token: string };
}

export function loadKubeConfig(src: KubeConfigSource): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (src.direct) {
      kc.loadFromOptions({
        clusters: [{ name: 'emulator', server: src.direct.server, skipTLSVerify: true }],
        users: [{ name: 'emulator', token: src.direct.token }],
        contexts: [{ name: 'emulator', cluster: 'emulator', user: 'emulator' }],
        currentContext: 'emulator',
      });
    } else if (src.kubeconfig !== undefined) {
      kc.loadFromFile(src.kubeconfig);
    } else {
      kc.loadFromDefault();
    }
  } catch (e) {
    throw new ConfigError(
      '--kubeconfig',
      `cannot load the Kubernetes config: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const user = kc.getCurrentUser();
  registerSecret(user?.token);
  registerSecret(user?.password);
  if (kc.getCurrentCluster() === null) {
    throw new ConfigError('--kubeconfig', 'the Kubernetes config has no current cluster');
  }
  return kc;
}

function headersOf(h: https.RequestOptions['headers']): http.OutgoingHttpHeaders {
  return h === undefined || Array.isArray(h) ? {} : (h as http.OutgoingHttpHeaders);
}

function statusError(status: number, body: string, path: string): Error {
  let message = body.slice(0, 300);
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // not a Status object: keep the raw text
  }
  const details = { httpStatus: status, operation: path };
  if (status === 401) return new AuthError(`apiserver: ${status} ${message}`, details);
  if (status === 403) return new PermissionDeniedError(`apiserver: ${status} ${message}`, details);
  return new ProviderError(`apiserver: ${status} ${message}`, details);
}

/** True for the apiserver's 410 Gone (resourceVersion too old): re-list. */
export function isGone(e: unknown): boolean {
  return e instanceof ProviderError && e.httpStatus === 410;
}

/** `timeoutMs` bounds each request (discovery, LIST pages), not a watch stream. */
export function createApiServerClient(
  kc: KubeConfig,
  opts: { timeoutMs: number },
): ApiServerClient {
  const cluster = kc.getCurrentCluster();
  if (cluster === null) throw new ConfigError('--kubeconfig', 'no current cluster');
  const server = cluster.server.replace(/\/+$/, '');
  const base = new URL(server);
  const lib = base.protocol === 'http:' ? http : https;

  const open = async (
    path: string,
    query: Record<string, string>,
    signal: AbortSignal,
  ): Promise<http.IncomingMessage> => {
    // Options are rebuilt per request: exec and token-file auth may rotate the token.
    const opts: https.RequestOptions = {};
    await kc.applyToHTTPSOptions(opts);
    const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return new Promise((resolve, reject) => {
      const req = lib.request(url, {
        ...(opts.agent === undefined ? {} : { agent: opts.agent }),
        headers: { ...headersOf(opts.headers), Accept: 'application/json' },
        ...(opts.auth === undefined ? {} : { auth: opts.auth }),
        method: 'GET',
        signal,
      });
      req.on('response', resolve);
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (signal.aborted) reject(signal.reason instanceof Error ? signal.reason : e);
        else
          reject(
            new NetworkError(`apiserver ${server}: ${e.code ?? e.message}`, {
              operation: path,
              cause: e,
            }),
          );
      });
      req.end();
    });
  };

  const readBody = async (res: http.IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };

  return {
    server,
    async getJson(path, query, parent) {
      // The deadline covers the headers and the body (src/transport/deadline.ts: it cannot be lost to GC).
      let answer: { res: http.IncomingMessage; body: string };
      try {
        answer = await withDeadline(parent, opts.timeoutMs, async (signal) => {
          const res = await open(path, query, signal);
          try {
            return { res, body: await readBody(res) };
          } catch (e) {
            if (signal.aborted) throw signal.reason as Error;
            throw new NetworkError(`apiserver ${server}: response cut short`, {
              operation: path,
              cause: e,
            });
          }
        });
      } catch (e) {
        if (!parent.aborted && e instanceof DOMException && e.name === 'TimeoutError') {
          throw new NetworkError(`apiserver ${server}: no answer within ${opts.timeoutMs} ms`, {
            operation: path,
          });
        }
        throw e;
      }
      const { res, body } = answer;
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) throw statusError(status, body, path);
      try {
        return JSON.parse(body) as unknown;
      } catch (e) {
        throw new ProviderError(`apiserver: malformed JSON from ${path}`, {
          operation: path,
          cause: e,
        });
      }
    },
    async watch(path, query, signal, onEvent) {
      const res = await open(path, { ...query, watch: 'true' }, signal);
      const status = res.statusCode ?? 0;
      if (status !== 200) throw statusError(status, await readBody(res), path);
      const lines = createInterface({ input: res, crlfDelay: Infinity });
      res.on('error', () => undefined);
      try {
        for await (const line of lines) {
          if (line.trim() === '') continue;
          let ev: WatchEvent;
          try {
            ev = JSON.parse(line) as WatchEvent;
          } catch (e) {
            throw new ProviderError(`apiserver: malformed watch event on ${path}`, {
              operation: path,
              cause: e,
            });
          }
          onEvent(ev);
        }
      } catch (e) {
        if (e instanceof ProviderError || signal.aborted) throw e;
        throw new NetworkError(`apiserver ${server}: watch stream broken`, {
          operation: path,
          cause: e,
        });
      } finally {
        lines.close();
        res.destroy();
      }
    },
  };
}
