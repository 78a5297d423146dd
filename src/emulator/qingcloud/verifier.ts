/**
 * QingCloud API signature v1 verifier, written from QingCloud's documented algorithm and independent of the
 * adapter's signer: every query parameter but `signature`, sorted by name (byte order), each name and value
 * percent-encoded byte by byte (only `A-Z a-z 0-9 - _ . ~` left as is, `%XX` upper-case), joined as
 * `name=value` with `&`; StringToSign = `GET\n<request path>\n<that>`; signature =
 * base64(HMAC-SHA256(secret access key, StringToSign)).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

export function encodeComponent(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out +=
      byte < 0x80 && UNRESERVED.test(ch)
        ? ch
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The parameters of a raw query string, decoded (a repeated name keeps its last value). */
export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) out[k] = v;
  return out;
}

export function expectedSignature(
  path: string,
  params: Readonly<Record<string, string>>,
  secret: string,
): string {
  const names = Object.keys(params)
    .filter((k) => k !== 'signature')
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const canonical = names
    .map((k) => `${encodeComponent(k)}=${encodeComponent(params[k] ?? '')}`)
    .join('&');
  return createHmac('sha256', secret).update(`GET\n${path}\n${canonical}`).digest('base64');
}

export type VerifyFailure =
  | 'missing_parameter'
  | 'unsupported_method'
  | 'unknown_key'
  | 'bad_signature'
  | 'bad_timestamp'
  | 'expired_timestamp';

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure; detail: string };

export const MAX_SKEW_MS = 15 * 60 * 1000;

export interface VerifyContext {
  readonly now: number;
  lookup(accessKeyId: string): string | undefined;
}

const REQUIRED = [
  'access_key_id',
  'action',
  'signature',
  'signature_method',
  'signature_version',
  'time_stamp',
  'version',
] as const;

/** Verifies a GET request given its path and decoded query parameters. */
export function verifyQingcloud(
  method: string,
  path: string,
  params: Readonly<Record<string, string>>,
  ctx: VerifyContext,
): VerifyResult {
  for (const name of REQUIRED) {
    if (params[name] === undefined || params[name] === '') {
      return { ok: false, reason: 'missing_parameter', detail: name };
    }
  }
  if (
    method !== 'GET' ||
    params['signature_method'] !== 'HmacSHA256' ||
    params['signature_version'] !== '1'
  ) {
    return {
      ok: false,
      reason: 'unsupported_method',
      detail: `${method} ${params['signature_method'] ?? ''} ${params['signature_version'] ?? ''}`,
    };
  }
  const secret = ctx.lookup(params['access_key_id'] ?? '');
  if (secret === undefined) return { ok: false, reason: 'unknown_key', detail: '' };
  const stamp = params['time_stamp'] ?? '';
  const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(stamp) ? Date.parse(stamp) : Number.NaN;
  if (Number.isNaN(at)) return { ok: false, reason: 'bad_timestamp', detail: stamp };
  if (Math.abs(ctx.now - at) > MAX_SKEW_MS) {
    return { ok: false, reason: 'expired_timestamp', detail: stamp };
  }
  const expected = Buffer.from(expectedSignature(path, params, secret));
  const given = Buffer.from(params['signature'] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad_signature', detail: '' };
  }
  return { ok: true };
}
