/**
 * Aliyun ROA signature (HMAC-SHA1), written from the documented algorithm, independent of any SDK:
 * StringToSign = METHOD \n Accept \n Content-MD5 \n Content-Type \n Date \n + every `x-acs-*` header as
 * `name:value\n` (lower-case names, sorted) + the resource: the path (without the endpoint's prefix) and, when
 * there is a query, `?` + its `name=value` pairs sorted by name, values as sent before URL encoding.
 * `Authorization: acs <AccessKeyId>:base64(HMAC-SHA1(secret, StringToSign))`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { MAX_SKEW_MS, type VerifyContext, type VerifyResult } from './verifier.js';

export function roaStringToSign(
  method: string,
  resource: string,
  query: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string | undefined>>,
): string {
  const h = (name: string): string => headers[name] ?? '';
  const acs = Object.keys(headers)
    .filter((k) => k.startsWith('x-acs-'))
    .sort()
    .map(
      (k) =>
        `${k}:${h(k)
          .replace(/[\t\n\r\f]/g, ' ')
          .trim()}\n`,
    )
    .join('');
  const keys = Object.keys(query).sort();
  const canonical =
    keys.length === 0
      ? resource
      : `${resource}?${keys.map((k) => `${k}=${query[k] ?? ''}`).join('&')}`;
  return `${method.toUpperCase()}\n${h('accept')}\n${h('content-md5')}\n${h('content-type')}\n${h('date')}\n${acs}${canonical}`;
}

export function roaSignature(stringToSign: string, secret: string): string {
  return createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
}

/** Verifies a ROA request: Authorization, Date skew, signature, nonce reuse. */
export function verifyRoa(
  method: string,
  resource: string,
  query: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string | undefined>>,
  ctx: VerifyContext,
): VerifyResult {
  const auth = /^acs ([^:]+):(.+)$/.exec(headers['authorization'] ?? '');
  if (auth === null) return { ok: false, reason: 'missing_parameter', detail: 'Authorization' };
  const [, keyId = '', signature = ''] = auth;
  if (headers['x-acs-signature-method'] !== 'HMAC-SHA1') {
    return {
      ok: false,
      reason: 'unsupported_method',
      detail: headers['x-acs-signature-method'] ?? '',
    };
  }
  const secret = ctx.lookup(keyId);
  if (secret === undefined) return { ok: false, reason: 'unknown_key', detail: '' };
  const date = headers['date'] ?? '';
  const at = Date.parse(date);
  if (Number.isNaN(at)) return { ok: false, reason: 'bad_timestamp', detail: date };
  if (Math.abs(ctx.now - at) > MAX_SKEW_MS) {
    return { ok: false, reason: 'expired_timestamp', detail: date };
  }
  const sts = roaStringToSign(method, resource, query, headers);
  const expected = Buffer.from(roaSignature(sts, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad_signature', detail: sts };
  }
  const nonce = `${keyId}\u0000${headers['x-acs-signature-nonce'] ?? ''}`;
  if (headers['x-acs-signature-nonce'] === undefined || ctx.nonces.has(nonce)) {
    return { ok: false, reason: 'nonce_used', detail: '' };
  }
  ctx.nonces.add(nonce);
  return { ok: true };
}
