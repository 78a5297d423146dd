/**
 * BCE authentication v1 (`bce-auth-v1`), written from BCE's documented algorithm and independent of any SDK:
 * `Authorization: bce-auth-v1/{ak}/{timestamp}/{expirationSeconds}/{signedHeaders}/{signature}`;
 * signingKey = hex(HMAC-SHA256(sk, "bce-auth-v1/{ak}/{timestamp}/{expirationSeconds}"));
 * CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders, where the URI is
 * RFC 3986-encoded but for `/`, the query is every `enc(name)=enc(value)` but `authorization`, sorted, joined
 * with `&`, and the headers are the signed ones as `enc(lowercase name):enc(trimmed value)`, sorted, joined
 * with `\n`; signature = hex(HMAC-SHA256(signingKey, CanonicalRequest)). Only `host`, `content-*` and
 * `x-bce-*` headers may be signed, and `host` must be.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986: unreserved `A-Za-z0-9-._~` kept, everything else `%XX` upper-case. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function canonicalUri(path: string): string {
  return path
    .split('/')
    .map((s) => uriEncode(decodeURIComponent(s)))
    .join('/');
}

/** The canonical query of a raw query string (decoded first: the SDK sends `-` as `%2d`). */
export function canonicalQuery(rawQuery: string): string {
  const pairs: string[] = [];
  for (const [k, v] of new URLSearchParams(rawQuery)) {
    if (k.toLowerCase() === 'authorization') continue;
    pairs.push(`${uriEncode(k)}=${uriEncode(v)}`);
  }
  return pairs.sort().join('&');
}

export function canonicalHeaders(
  headers: Readonly<Record<string, string | undefined>>,
  signed: readonly string[],
): string {
  return signed
    .map((name) => `${uriEncode(name)}:${uriEncode((headers[name] ?? '').trim())}`)
    .sort()
    .join('\n');
}

const hmacHex = (key: string, data: string): string =>
  createHmac('sha256', key).update(data).digest('hex');

export interface SignInput {
  readonly method: string;
  /** The path as signed: without the emulator's service prefix. */
  readonly path: string;
  readonly query: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export function signature(
  input: SignInput,
  secret: string,
  prefix: string,
  signed: readonly string[],
): string {
  const canonical = [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQuery(input.query),
    canonicalHeaders(input.headers, signed),
  ].join('\n');
  return hmacHex(hmacHex(secret, prefix), canonical);
}

export type VerifyFailure =
  'missing_header' | 'malformed_header' | 'unknown_key' | 'bad_signature' | 'skewed' | 'expired';

export type VerifyResult =
  { ok: true; accessKeyId: string } | { ok: false; reason: VerifyFailure; detail: string };

export const MAX_SKEW_MS = 15 * 60 * 1000;

export interface VerifyContext {
  readonly now: number;
  readonly lookup: (accessKeyId: string) => string | undefined;
}

const AUTH =
  /^bce-auth-v1\/([^/]+)\/(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\/(\d+)\/([^/]*)\/([0-9a-f]{64})$/;

export function verifyBceV1(input: SignInput, ctx: VerifyContext): VerifyResult {
  const auth = input.headers['authorization'];
  if (auth === undefined || auth === '') {
    return { ok: false, reason: 'missing_header', detail: 'authorization' };
  }
  const m = AUTH.exec(auth);
  if (m === null) return { ok: false, reason: 'malformed_header', detail: 'authorization' };
  const [, ak = '', timestamp = '', expiration = '', signedList = '', given = ''] = m;
  const signed = signedList === '' ? [] : signedList.split(';');
  if (!signed.includes('host')) return { ok: false, reason: 'malformed_header', detail: 'host' };
  const bad = signed.find(
    (h) => h !== 'host' && !h.startsWith('content-') && !h.startsWith('x-bce-'),
  );
  if (bad !== undefined) return { ok: false, reason: 'malformed_header', detail: bad };
  const missing = signed.find((h) => input.headers[h] === undefined);
  if (missing !== undefined) return { ok: false, reason: 'missing_header', detail: missing };
  const secret = ctx.lookup(ak);
  if (secret === undefined) return { ok: false, reason: 'unknown_key', detail: ak };
  const prefix = `bce-auth-v1/${ak}/${timestamp}/${expiration}`;
  const expected = Buffer.from(signature(input, secret, prefix, signed));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: 'bad_signature', detail: '' };
  }
  const at = Date.parse(timestamp);
  if (Math.abs(ctx.now - at) > MAX_SKEW_MS) {
    return { ok: false, reason: 'skewed', detail: timestamp };
  }
  if (ctx.now > at + Number(expiration) * 1000) {
    return { ok: false, reason: 'expired', detail: timestamp };
  }
  return { ok: true, accessKeyId: ak };
}
