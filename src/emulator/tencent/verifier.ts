/**
 * TC3-HMAC-SHA256 verification, written from Tencent Cloud's published algorithm (independent of the SDK's
 * signer): canonical request → string to sign → HMAC chain `TC3`+key → date → service → `tc3_request`.
 * The signed `host` is the host name without port.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type VerifyFailure =
  | 'missing_authorization'
  | 'malformed_authorization'
  | 'unknown_key'
  | 'bad_timestamp'
  | 'expired_timestamp'
  | 'bad_signature';

export type VerifyResult =
  | { ok: true; secretId: string; service: string }
  | { ok: false; reason: VerifyFailure; detail: string };

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer | string;
}

export interface VerifyOptions {
  /** Milliseconds since the epoch. */
  readonly now: number;
  readonly lookup: (secretId: string) => string | undefined;
  /** Allowed clock skew; Tencent allows five minutes. */
  readonly maxSkewSeconds?: number;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer =>
  createHmac('sha256', key).update(data).digest();

const AUTH =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** The signing key for a date (`YYYY-MM-DD`) and service. */
export function signingKey(secretKey: string, date: string, service: string): Buffer {
  return hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
}

function canonicalHeader(name: string, req: SignedRequest): string {
  const raw = (req.headers[name] ?? '').trim();
  // The host is signed without its port.
  const value = name === 'host' ? raw.replace(/:\d+$/, '') : raw;
  return `${name}:${value.toLowerCase()}\n`;
}

/** The hex signature of a request for the given key, timestamp and scope. */
export function tc3Signature(
  req: SignedRequest,
  secretKey: string,
  timestamp: string,
  date: string,
  service: string,
  signedHeaders: readonly string[],
): string {
  const canonical = [
    req.method.toUpperCase(),
    req.path === '' ? '/' : req.path,
    req.query,
    signedHeaders.map((h) => canonicalHeader(h, req)).join(''),
    signedHeaders.join(';'),
    sha256(req.body),
  ].join('\n');
  const toSign = [
    'TC3-HMAC-SHA256',
    timestamp,
    `${date}/${service}/tc3_request`,
    sha256(canonical),
  ].join('\n');
  return createHmac('sha256', signingKey(secretKey, date, service))
    .update(toSign)
    .digest('hex');
}

export function verifyTc3(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const auth = req.headers['authorization'];
  if (auth === undefined || auth === '') {
    return { ok: false, reason: 'missing_authorization', detail: 'Authorization' };
  }
  const m = AUTH.exec(auth);
  if (m === null) return { ok: false, reason: 'malformed_authorization', detail: 'Authorization' };
  const [, secretId = '', date = '', service = '', signed = '', signature = ''] = m;
  const headers = signed.split(';');
  if (!headers.includes('host') || !headers.includes('content-type')) {
    return { ok: false, reason: 'malformed_authorization', detail: 'SignedHeaders' };
  }
  const secretKey = opts.lookup(secretId);
  if (secretKey === undefined) return { ok: false, reason: 'unknown_key', detail: secretId };
  const timestamp = req.headers['x-tc-timestamp'] ?? '';
  const ts = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || !Number.isSafeInteger(ts)) {
    return { ok: false, reason: 'bad_timestamp', detail: timestamp };
  }
  if (new Date(ts * 1000).toISOString().slice(0, 10) !== date) {
    return { ok: false, reason: 'bad_signature', detail: 'credential date' };
  }
  if (Math.abs(opts.now / 1000 - ts) > (opts.maxSkewSeconds ?? 300)) {
    return { ok: false, reason: 'expired_timestamp', detail: timestamp };
  }
  const expected = Buffer.from(tc3Signature(req, secretKey, timestamp, date, service, headers));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad_signature', detail: 'signature' };
  }
  return { ok: true, secretId, service };
}
