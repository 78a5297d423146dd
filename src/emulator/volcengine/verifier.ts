/**
 * An independent verifier of Volcengine's HMAC-SHA256 request signature (written from the documented
 * algorithm, never from the SDK's signer): canonical request = method, path, the sorted RFC 3986-encoded
 * query, the signed headers (`name:value` lines), their names, and the hex SHA-256 of the body; string to
 * sign = `HMAC-SHA256`, `X-Date`, the scope `date/region/service/request` and the hash of the canonical
 * request; signing key = HMAC chain of the secret (no prefix) over date, region, service and `request`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type VerifyFailure =
  | 'missing_authorization'
  | 'malformed_authorization'
  | 'unknown_key'
  | 'bad_timestamp'
  | 'expired_timestamp'
  | 'bad_body_hash'
  | 'bad_signature';

/** What the credential scope says, readable before (and whatever) the verification gives. */
export interface Scope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

export type VerifyResult =
  | { readonly ok: true; readonly scope: Scope }
  | { readonly ok: false; readonly reason: VerifyFailure; readonly detail: string };

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  /** The raw query string (without `?`). */
  readonly query: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

export interface VerifyOptions {
  readonly now: number;
  readonly lookup: (accessKeyId: string) => string | undefined;
  /** Allowed clock skew; 15 minutes by default. */
  readonly maxSkewMs?: number;
}

const AUTH_RE =
  /^HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** The scope of an Authorization header, when it has the right shape. */
export function parseScope(authorization: string | undefined): Scope | undefined {
  const m = AUTH_RE.exec(authorization ?? '');
  if (m === null) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = ''] = m;
  return { accessKeyId, date, region, service };
}

/** RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - _ . ~`. */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The query decoded, then sorted by name (and value) and re-encoded. */
export function canonicalQuery(query: string): string {
  const pairs = [...new URLSearchParams(query)].map(([k, v]) => [rfc3986(k), rfc3986(v)] as const);
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const sha256Hex = (data: string | Buffer): string =>
  createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer =>
  createHmac('sha256', key).update(data).digest();

/** The signature a request must carry, given the secret. */
export function expectedSignature(
  req: SignedRequest,
  signedHeaders: readonly string[],
  scope: Scope,
  secret: string,
): string {
  const xDate = req.headers['x-date'] ?? '';
  const canonicalHeaders = signedHeaders
    .map((h) => `${h}:${(req.headers[h] ?? '').replace(/\s+/g, ' ').trim()}\n`)
    .join('');
  const canonical = [
    req.method.toUpperCase(),
    req.path === '' ? '/' : req.path,
    canonicalQuery(req.query),
    canonicalHeaders,
    signedHeaders.join(';'),
    sha256Hex(req.body),
  ].join('\n');
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/request`;
  const stringToSign = ['HMAC-SHA256', xDate, credentialScope, sha256Hex(canonical)].join('\n');
  const kDate = hmac(secret, scope.date);
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service);
  const kSigning = hmac(kService, 'request');
  return createHmac('sha256', kSigning).update(stringToSign).digest('hex');
}

/** `20261122T025000Z` → epoch ms, or undefined. */
function parseXDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const t = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, h ?? 0, mi ?? 0, s ?? 0);
  return Number.isNaN(t) ? undefined : t;
}

export function verifySignature(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const auth = req.headers['authorization'];
  if (auth === undefined || auth === '') {
    return { ok: false, reason: 'missing_authorization', detail: 'Authorization' };
  }
  const m = AUTH_RE.exec(auth);
  const scope = parseScope(auth);
  if (m === null || scope === undefined) {
    return { ok: false, reason: 'malformed_authorization', detail: 'Authorization' };
  }
  const signedHeaders = (m[5] ?? '').split(';');
  const given = m[6] ?? '';
  const secret = opts.lookup(scope.accessKeyId);
  if (secret === undefined) return { ok: false, reason: 'unknown_key', detail: '' };
  const xDate = req.headers['x-date'] ?? '';
  const at = parseXDate(xDate);
  if (at === undefined || !signedHeaders.includes('x-date') || xDate.slice(0, 8) !== scope.date) {
    return { ok: false, reason: 'bad_timestamp', detail: xDate };
  }
  if (Math.abs(opts.now - at) > (opts.maxSkewMs ?? 15 * 60_000)) {
    return { ok: false, reason: 'expired_timestamp', detail: xDate };
  }
  const declared = req.headers['x-content-sha256'];
  if (declared !== undefined && declared !== sha256Hex(req.body)) {
    return { ok: false, reason: 'bad_body_hash', detail: 'X-Content-Sha256' };
  }
  const expected = Buffer.from(expectedSignature(req, signedHeaders, scope, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: 'bad_signature', detail: '' };
  }
  return { ok: true, scope };
}
