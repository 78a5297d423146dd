import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Logger } from '../log/logger.js';
import type { Inventory } from '../model/index.js';
import { canonicalJson } from '../sync/version.js';
import type { Clock } from '../transport/clock.js';
import type { RetryPolicy } from '../transport/retry.js';
import { buildDeepflowDocument } from './deepflow-document.js';
import { validateDeepflowDocument } from './deepflow-validate.js';
import type { PushRequest, PushResponse, Verdict } from './send.js';
import { PushError, sendWithRetry } from './send.js';

export interface PushTarget {
  readonly url: string;
  readonly kind: 'http' | 'deepflow';
  readonly orgId: number;
  readonly domainUuid: string | undefined;
  readonly token: string | undefined;
  /** PEM text of a private CA. */
  readonly ca?: string | undefined;
}

/** The last push the server accepted (kept in the state directory). */
export interface LastPush {
  readonly url: string;
  readonly kind: 'http' | 'deepflow';
  readonly version: string;
  readonly accepted_at: string;
}

export type PushResultKind = 'accepted' | 'unchanged' | 'failed' | 'invalid' | 'refused_partial';

export interface PushOutcome {
  readonly result: PushResultKind;
  readonly version?: string;
  readonly attempts: number;
  readonly message: string;
  /** True when an unchanged document was re-sent because the heartbeat interval had passed. */
  readonly heartbeat?: boolean;
}

export interface PushOptions {
  readonly previous: LastPush | undefined;
  /** Re-send an unchanged document when the last accepted push is at least this old. */
  readonly heartbeatMs: number | undefined;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly log: Logger;
  readonly timeoutMs: number;
}

function hash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

/** DeepFlow's endpoint under a base URL (kept as is when the URL already names it). */
export function deepflowEndpoint(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/v1/domain-additional-resources/')) {
    u.pathname = `${u.pathname.replace(/\/+$/, '')}/v1/domain-additional-resources/`;
  }
  return u.toString();
}

function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}

function judgeHttp(res: PushResponse): Verdict {
  if (res.status >= 200 && res.status < 300) return { ok: true };
  const retry = res.status === 429 || res.status >= 500;
  return { ok: false, retry, message: `HTTP ${res.status}: ${excerpt(res.body)}` };
}

/** DeepFlow's envelope: success is HTTP 200 with `OPT_STATUS: SUCCESS` (reference §3.1). */
function judgeDeepflow(res: PushResponse): Verdict {
  let status = '';
  let description = excerpt(res.body);
  try {
    const body = JSON.parse(res.body) as { OPT_STATUS?: unknown; DESCRIPTION?: unknown };
    status = typeof body.OPT_STATUS === 'string' ? body.OPT_STATUS : '';
    if (typeof body.DESCRIPTION === 'string') description = excerpt(body.DESCRIPTION);
  } catch {
    // not JSON: judged on the status alone, the body excerpt is the message
  }
  if (res.status === 200 && status === 'SUCCESS') return { ok: true };
  const retry = res.status === 429 || res.status >= 500;
  return {
    ok: false,
    retry,
    message: `HTTP ${res.status} ${status || 'no OPT_STATUS'}: ${description}`,
  };
}

interface Prepared {
  readonly request: Omit<PushRequest, 'timeoutMs'>;
  readonly version: string;
  readonly judge: (res: PushResponse) => Verdict;
}

/**
 * The request of a push. `http`: the inventory JSON, gzip, `Idempotency-Key` = version. `deepflow`: the
 * domain-additional-resources document, validated as the server would (a bad one throws PushError and is
 * never sent). The version hashes the content only (not `generated_at`), so it is stable when nothing changed.
 */
export function preparePush(inv: Inventory, target: PushTarget, log: Logger): Prepared {
  const auth: Record<string, string> =
    target.token === undefined ? {} : { authorization: `Bearer ${target.token}` };
  if (target.kind === 'http') {
    const version = hash(canonicalJson({ ...inv, generated_at: undefined, errors: undefined }));
    return {
      version,
      judge: judgeHttp,
      request: {
        url: target.url,
        method: 'POST',
        headers: {
          ...auth,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'idempotency-key': version,
          'x-deepflow-cloud-version': version,
        },
        body: gzipSync(JSON.stringify(inv)),
        ca: target.ca,
      },
    };
  }
  if (target.domainUuid === undefined) {
    throw new PushError('push.domain_uuid is required for push.kind deepflow', 0);
  }
  const { document, dropped } = buildDeepflowDocument(inv, { domainUuid: target.domainUuid });
  if (dropped.length > 0) {
    log.warn('left out of the DeepFlow document (DeepFlow would refuse them)', {
      count: dropped.length,
      first: `${dropped[0]?.id ?? ''}: ${dropped[0]?.reason ?? ''}`,
    });
  }
  const problems = validateDeepflowDocument(document, { domainUuid: target.domainUuid });
  if (problems.length > 0) {
    throw new PushError(
      `the DeepFlow document is invalid (not sent): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`,
      0,
    );
  }
  const text = JSON.stringify(document);
  return {
    version: hash(canonicalJson(document)),
    judge: judgeDeepflow,
    request: {
      url: deepflowEndpoint(target.url),
      method: 'PUT',
      headers: {
        ...auth,
        'content-type': 'application/json',
        accept: 'application/json, text/plain',
        'x-org-id': String(target.orgId),
        'x-user-id': '1',
        'x-user-type': '1',
      },
      body: Buffer.from(text, 'utf8'),
      ca: target.ca,
    },
  };
}

/**
 * Pushes the document unless the server already holds this version (then nothing is sent, or the same
 * document again when the heartbeat interval has passed). Never throws: the outcome says what happened.
 */
export async function pushInventory(
  inv: Inventory,
  target: PushTarget,
  opts: PushOptions,
): Promise<PushOutcome> {
  let prepared: Prepared;
  try {
    prepared = preparePush(inv, target, opts.log);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { result: 'invalid', attempts: 0, message };
  }
  const { version } = prepared;
  const prev = opts.previous;
  let heartbeat = false;
  if (prev?.version === version && prev.url === target.url && prev.kind === target.kind) {
    const age = opts.clock.now() - Date.parse(prev.accepted_at);
    if (opts.heartbeatMs === undefined || age < opts.heartbeatMs) {
      return {
        result: 'unchanged',
        version,
        attempts: 0,
        message: `unchanged since the push accepted at ${prev.accepted_at}; nothing sent`,
      };
    }
    heartbeat = true;
  }
  try {
    const { attempts } = await sendWithRetry(
      { ...prepared.request, timeoutMs: opts.timeoutMs },
      {
        judge: prepared.judge,
        retry: opts.retry,
        clock: opts.clock,
        signal: opts.signal,
        log: opts.log,
      },
    );
    return {
      result: 'accepted',
      version,
      attempts,
      heartbeat,
      message: `${heartbeat ? 'heartbeat ' : ''}accepted by ${target.kind} server (version ${version}, ${attempts} attempt${attempts === 1 ? '' : 's'})`,
    };
  } catch (e) {
    const attempts = e instanceof PushError ? e.attempts : 1;
    const message = e instanceof Error ? e.message : String(e);
    return {
      result: 'failed',
      version,
      attempts,
      message: `push failed after ${attempts} attempt(s): ${message}`,
    };
  }
}
