import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Agent } from 'node:http';
import { rootCertificates } from 'node:tls';
import { HttpProxyAgent } from 'http-proxy-agent';
import { VerifyingProxyAgent, transport } from '../transport/agents.js';
import type { Logger } from '../log/logger.js';
import type { Clock } from '../transport/clock.js';
import type { RetryPolicy } from '../transport/retry.js';
import { backoffDelay } from '../transport/retry.js';

export interface PushRequest {
  readonly url: string;
  readonly method: 'POST' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** PEM of a private CA, trusted in addition to the system roots. TLS is always verified. */
  readonly ca?: string | undefined;
  readonly timeoutMs: number;
}

export interface PushResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** What to do with a response: accept it, retry it (5xx, 429), or give up. */
export type Verdict = { ok: true } | { ok: false; retry: boolean; message: string };

/** A push that did not succeed. The message never holds the token or any header. */
export class PushError extends Error {
  override readonly name = 'PushError';
  readonly attempts: number;
  readonly status: number | undefined;
  constructor(message: string, attempts: number, status?: number) {
    super(message);
    this.attempts = attempts;
    this.status = status;
  }
}

function errCode(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : 'network error';
}

/** Through HTTPS_PROXY / HTTP_PROXY (NO_PROXY applied) when the process's transport says so; TLS still verified. */
function proxyAgent(req: PushRequest): { agent?: Agent } {
  const proxy = transport().proxyFor(req.url);
  if (proxy === undefined) return {};
  if (!req.url.startsWith('https:')) return { agent: new HttpProxyAgent(proxy) };
  const ca = req.ca === undefined ? transport().ca : [...rootCertificates, req.ca];
  return { agent: new VerifyingProxyAgent(proxy, ca) };
}

/** One HTTP request (node:http/https so a CA file can be given), body read as text. */
export function sendOnce(req: PushRequest, signal: AbortSignal): Promise<PushResponse> {
  const url = new URL(req.url);
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const r = send(
      url,
      {
        method: req.method,
        headers: { ...req.headers, 'content-length': String(req.body.length) },
        signal,
        timeout: req.timeoutMs,
        ...(secure && req.ca !== undefined ? { ca: [...rootCertificates, req.ca] } : {}),
        ...proxyAgent(req),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    r.on('timeout', () => {
      r.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' }));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

function retryAfterMs(res: PushResponse): number | undefined {
  const v = res.headers['retry-after'];
  const n = typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
}

/**
 * Sends with retries on network errors and on the responses `judge` calls retryable (5xx, 429), with our
 * full-jitter backoff. Resolves with the accepted response and the number of attempts; throws PushError.
 */
export async function sendWithRetry(
  req: PushRequest,
  opts: {
    judge: (res: PushResponse) => Verdict;
    retry: RetryPolicy;
    clock: Clock;
    signal: AbortSignal;
    log: Logger;
  },
): Promise<{ response: PushResponse; attempts: number }> {
  const max = Math.max(1, opts.retry.maxAttempts);
  for (let attempt = 1; ; attempt++) {
    let message: string;
    let retry: boolean;
    let status: number | undefined;
    let after: number | undefined;
    try {
      const res = await sendOnce(req, opts.signal);
      const verdict = opts.judge(res);
      if (verdict.ok) return { response: res, attempts: attempt };
      ({ message, retry } = verdict);
      status = res.status;
      after = retryAfterMs(res);
    } catch (e) {
      if (opts.signal.aborted) throw new PushError('interrupted', attempt);
      message = errCode(e);
      retry = true;
    }
    if (!retry || attempt >= max) throw new PushError(message, attempt, status);
    const delay = backoffDelay(opts.retry, attempt, status === 429, opts.clock, after);
    opts.log.warn('push failed; retrying', { attempt, status, error: message, delay_ms: delay });
    await opts.clock.sleep(delay, opts.signal);
  }
}
