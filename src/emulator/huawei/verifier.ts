/**
 * An independent verifier of Huawei's APIG AK/SK signature (`SDK-HMAC-SHA256`), written from the documented
 * algorithm (never the SDK's signer):
 *   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
 *   Signature        = hex(HMAC-SHA256(SK, StringToSign))
 * The canonical URI is the percent-encoded path and always ends with `/`; the query is sorted by key.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedRequest {
  readonly method: string;
  /** The path as sent (percent-encoded). */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly query: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

export type VerifyResult =
  | { ok: true; accessKey: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown_key' | 'expired' | 'mismatch' };

/** RFC 3986 encoding: everything but `A-Z a-z 0-9 - _ . ~`. */
export function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

export function canonicalUri(path: string): string {
  const uri = path
    .split('/')
    .map((s) => encode(decode(s)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

export function canonicalQuery(query: string): string {
  const pairs = query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const at = p.indexOf('=');
      const k = decode(at < 0 ? p : p.slice(0, at));
      const v = at < 0 ? '' : decode(p.slice(at + 1));
      return [encode(k), encode(v)] as const;
    });
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function stringToSign(
  req: SignedRequest,
  signedHeaders: readonly string[],
  date: string,
): string {
  const headers = signedHeaders.map((h) => `${h}:${(req.headers[h] ?? '').trim()}\n`).join('');
  const canonical = [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQuery(req.query),
    headers,
    signedHeaders.join(';'),
    req.headers['x-sdk-content-sha256'] ?? sha256(req.body),
  ].join('\n');
  return ['SDK-HMAC-SHA256', date, sha256(canonical)].join('\n');
}

export function signature(secret: string, toSign: string): string {
  return createHmac('sha256', secret).update(toSign).digest('hex');
}

/** `20261122T025447Z` → epoch ms, or undefined. */
export function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, h ?? 0, mi ?? 0, s ?? 0);
}

/** Allowed clock skew between the signer and the gateway. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

export function verifySdkHmac(
  req: SignedRequest,
  opts: { now: number; lookup: (accessKey: string) => string | undefined },
): VerifyResult {
  const auth = req.headers['authorization'];
  if (auth === undefined || auth === '') return { ok: false, reason: 'missing' };
  const m =
    /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      auth.trim(),
    );
  const date = req.headers['x-sdk-date'];
  if (m === null || date === undefined) return { ok: false, reason: 'malformed' };
  const [, accessKey = '', signed = '', given = ''] = m;
  const signedHeaders = signed.split(';');
  if (!signedHeaders.includes('x-sdk-date') || !signedHeaders.includes('host')) {
    return { ok: false, reason: 'malformed' };
  }
  const at = parseSdkDate(date);
  if (at === undefined) return { ok: false, reason: 'malformed' };
  if (Math.abs(opts.now - at) > MAX_SKEW_MS) return { ok: false, reason: 'expired' };
  const secret = opts.lookup(accessKey);
  if (secret === undefined) return { ok: false, reason: 'unknown_key' };
  const expected = Buffer.from(signature(secret, stringToSign(req, signedHeaders, date)));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual)
    ? { ok: true, accessKey }
    : { ok: false, reason: 'mismatch' };
}
