/**
 * QingCloud API signature v1 (HmacSHA256), after QingCloud's "签名方法" documentation: the parameters
 * (`signature` excluded) are sorted by name and percent-encoded (RFC 3986: only `A-Za-z0-9-_.~` kept) as
 * `name=value` joined with `&`; StringToSign = `GET\n<path>\n<that query>`; signature =
 * base64(HMAC-SHA256(secret, StringToSign)), sent URL-encoded as the last parameter. Pure.
 */
import { createHmac } from 'node:crypto';

/** Request parameters; lists are already flattened (`status.1=running`, `status.2=stopped`). */
export type QingcloudParams = Readonly<Record<string, string | number>>;

export interface SignInput {
  /** The signed URL path, `/iaas/` on the public cloud. */
  readonly path: string;
  readonly params: QingcloudParams;
}

export interface SigningKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface SignedQuery {
  /** The full query string, `signature` last, ready to append after `?`. */
  readonly query: string;
  /** The signature, base64 (not URL-encoded). */
  readonly signature: string;
}

/** RFC 3986 percent-encoding (`encodeURIComponent` also leaves `!'()*` alone; QingCloud encodes them). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `YYYY-MM-DDThh:mm:ssZ` in UTC (no milliseconds: the API rejects them). */
export function timeStamp(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

/** The sorted, encoded query every signature covers. */
export function canonicalQuery(params: QingcloudParams): string {
  return Object.keys(params)
    .filter((k) => k !== 'signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${percentEncode(k)}=${percentEncode(String(params[k] ?? ''))}`)
    .join('&');
}

export function stringToSign(path: string, params: QingcloudParams): string {
  return `GET\n${path}\n${canonicalQuery(params)}`;
}

/** Signs exactly the parameters given (the caller adds the common ones; see `sign`). */
export function signParams(input: SignInput, secretAccessKey: string): SignedQuery {
  const signature = createHmac('sha256', secretAccessKey)
    .update(stringToSign(input.path, input.params))
    .digest('base64');
  return {
    query: `${canonicalQuery(input.params)}&signature=${percentEncode(signature)}`,
    signature,
  };
}

/** Adds the common parameters (`access_key_id`, signature method/version, `time_stamp`) and signs. */
export function sign(input: SignInput, keys: SigningKeys, now: Date): SignedQuery {
  return signParams(
    {
      path: input.path,
      params: {
        ...input.params,
        access_key_id: keys.accessKeyId,
        signature_method: 'HmacSHA256',
        signature_version: 1,
        time_stamp: timeStamp(now),
      },
    },
    keys.secretAccessKey,
  );
}
