/**
 * Aliyun RPC signature v1 (HMAC-SHA1), written from Aliyun's documented algorithm and independent of any SDK:
 * StringToSign = METHOD + '&' + enc('/') + '&' + enc(canonicalized query), where the canonicalized query is
 * every parameter but `Signature`, sorted by name, as `enc(name)=enc(value)` joined with `&`; the key is
 * `AccessKeySecret + '&'` and the signature is base64(HMAC-SHA1(key, StringToSign)).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 percent-encoding as Aliyun specifies it: unreserved `A-Za-z0-9-_.~` kept, space → `%20`. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

export function stringToSign(method: string, params: Readonly<Record<string, string>>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function rpcSignature(
  method: string,
  params: Readonly<Record<string, string>>,
  secret: string,
): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign(method, params)).digest('base64');
}

export type VerifyFailure =
  | 'missing_parameter'
  | 'unsupported_method'
  | 'unknown_key'
  | 'bad_signature'
  | 'bad_timestamp'
  | 'expired_timestamp'
  | 'nonce_used';

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure; detail: string };

export const MAX_SKEW_MS = 15 * 60 * 1000;

export interface VerifyContext {
  now: number;
  lookup(accessKeyId: string): string | undefined;
  /** Seen `SignatureNonce` values; a replayed nonce is rejected. */
  nonces: Set<string>;
}

const REQUIRED = [
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Version',
  'Action',
] as const;

/** Verifies an RPC v1 request given all its parameters (query and form merged). */
export function verifyRpcV1(
  method: string,
  params: Readonly<Record<string, string>>,
  ctx: VerifyContext,
): VerifyResult {
  for (const name of REQUIRED) {
    if (params[name] === undefined || params[name] === '') {
      return { ok: false, reason: 'missing_parameter', detail: name };
    }
  }
  if (params['SignatureMethod'] !== 'HMAC-SHA1' || params['SignatureVersion'] !== '1.0') {
    return {
      ok: false,
      reason: 'unsupported_method',
      detail: `${params['SignatureMethod'] ?? ''} ${params['SignatureVersion'] ?? ''}`,
    };
  }
  const secret = ctx.lookup(params['AccessKeyId'] ?? '');
  if (secret === undefined) return { ok: false, reason: 'unknown_key', detail: '' };
  const timestamp = params['Timestamp'] ?? '';
  const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(timestamp)
    ? Date.parse(timestamp)
    : Number.NaN;
  if (Number.isNaN(at)) return { ok: false, reason: 'bad_timestamp', detail: timestamp };
  if (Math.abs(ctx.now - at) > MAX_SKEW_MS) {
    return { ok: false, reason: 'expired_timestamp', detail: timestamp };
  }
  const sts = stringToSign(method, params);
  const expected = Buffer.from(rpcSignature(method, params, secret));
  const given = Buffer.from(params['Signature'] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad_signature', detail: sts };
  }
  const nonce = `${params['AccessKeyId'] ?? ''}\u0000${params['SignatureNonce'] ?? ''}`;
  if (ctx.nonces.has(nonce)) return { ok: false, reason: 'nonce_used', detail: '' };
  ctx.nonces.add(nonce);
  return { ok: true };
}
