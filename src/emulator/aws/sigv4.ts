/**
 * Server-side AWS Signature Version 4 verification, written from AWS's documented algorithm
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html). It shares no code with
 * the AWS SDK, which signs the requests it verifies.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const MAX_SKEW_MS = 15 * 60 * 1000;

export interface SigV4Request {
  readonly method: string;
  /** The path as it came on the wire (still percent-encoded), without the query. */
  readonly path: string;
  /** The raw query string without `?`. */
  readonly query: string;
  /** Lower-case header names; repeated headers joined with `,`. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer | string;
}

export interface ParsedAuthorization {
  readonly accessKeyId: string;
  /** YYYYMMDD of the credential scope. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTH_RE =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request\s*,\s*SignedHeaders=([a-z0-9;_.-]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;

export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  const m = AUTH_RE.exec(value ?? '');
  if (m === null) return undefined;
  const [, accessKeyId, date, region, service, signed, signature] = m;
  if (
    accessKeyId === undefined ||
    date === undefined ||
    region === undefined ||
    service === undefined ||
    signed === undefined ||
    signature === undefined
  ) {
    return undefined;
  }
  return { accessKeyId, date, region, service, signedHeaders: signed.split(';'), signature };
}

/** RFC 3986 percent-encoding: everything but unreserved characters. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Normalised path (no empty, `.` or `..` segments), each segment encoded once more (all services but S3). */
export function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const lead = path.startsWith('/') ? '/' : '';
  const trail = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `${lead}${segments.map(uriEncode).join('/')}${trail}`;
}

/** Parameters decoded, re-encoded per RFC 3986, sorted by name then value. */
export function canonicalQuery(query: string): string {
  if (query === '') return '';
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [uriEncode(safeDecode(key)), uriEncode(safeDecode(value))] as const;
    })
    .filter(([key]) => key !== 'X-Amz-Signature')
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** `name:value\n` per signed header (values trimmed, inner whitespace runs collapsed); undefined if one is absent. */
export function canonicalHeaders(
  headers: SigV4Request['headers'],
  signed: readonly string[],
): string | undefined {
  let out = '';
  for (const name of signed) {
    const value = headers[name];
    if (value === undefined) return undefined;
    out += `${name}:${value.trim().replace(/\s+/g, ' ')}\n`;
  }
  return out;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function canonicalRequest(
  req: SigV4Request,
  signed: readonly string[],
  payloadHash: string,
): string | undefined {
  const headers = canonicalHeaders(req.headers, signed);
  if (headers === undefined) return undefined;
  return [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQuery(req.query),
    headers,
    signed.join(';'),
    payloadHash,
  ].join('\n');
}

export function credentialScope(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/aws4_request`;
}

export function stringToSign(amzDate: string, scope: string, creq: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(creq)].join('\n');
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const hmac = (key: Buffer | string, data: string): Buffer =>
    createHmac('sha256', key).update(data).digest();
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

export function signature(key: Buffer, sts: string): string {
  return createHmac('sha256', key).update(sts).digest('hex');
}

/** Milliseconds since the epoch of an ISO-8601 basic timestamp (`20150830T123600Z`). */
export function parseAmzDate(value: string | undefined): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  if ([y, mo, d, h, mi, s].some((n) => n === undefined)) return undefined;
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
}

/** What the server knows about an access key. */
export interface KnownKey<P> {
  readonly secretAccessKey: string;
  /** Temporary credentials must present this token in `x-amz-security-token`. */
  readonly sessionToken?: string;
  readonly expiresAt?: number;
  readonly principal: P;
}

export type VerifyFailure =
  | 'missing'
  | 'malformed'
  | 'unknown_key'
  | 'invalid_token'
  | 'expired_token'
  | 'mismatch'
  | 'skewed';

export type VerifyResult<P> =
  | { readonly ok: true; readonly auth: ParsedAuthorization; readonly principal: P }
  | { readonly ok: false; readonly reason: VerifyFailure; readonly auth?: ParsedAuthorization };

export function verifySigV4<P>(
  req: SigV4Request,
  opts: { now: number; lookup: (accessKeyId: string) => KnownKey<P> | undefined },
): VerifyResult<P> {
  const header = req.headers['authorization'];
  if (header === undefined) return { ok: false, reason: 'missing' };
  const auth = parseAuthorization(header);
  if (auth === undefined) return { ok: false, reason: 'malformed' };
  const key = opts.lookup(auth.accessKeyId);
  if (key === undefined) return { ok: false, reason: 'unknown_key', auth };
  const amzDate = req.headers['x-amz-date'];
  const at = parseAmzDate(amzDate);
  if (amzDate === undefined || at === undefined || !amzDate.startsWith(auth.date)) {
    return { ok: false, reason: 'malformed', auth };
  }
  if (!auth.signedHeaders.includes('host')) return { ok: false, reason: 'malformed', auth };
  const bodyHash = sha256Hex(req.body);
  const claimed = req.headers['x-amz-content-sha256'];
  if (claimed !== undefined && claimed !== bodyHash) return { ok: false, reason: 'mismatch', auth };
  const creq = canonicalRequest(req, auth.signedHeaders, bodyHash);
  if (creq === undefined) return { ok: false, reason: 'malformed', auth };
  const scope = credentialScope(auth.date, auth.region, auth.service);
  const expected = signature(
    signingKey(key.secretAccessKey, auth.date, auth.region, auth.service),
    stringToSign(amzDate, scope, creq),
  );
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature))) {
    return { ok: false, reason: 'mismatch', auth };
  }
  const token = req.headers['x-amz-security-token'];
  if (key.sessionToken !== token) return { ok: false, reason: 'invalid_token', auth };
  if (key.expiresAt !== undefined && opts.now >= key.expiresAt) {
    return { ok: false, reason: 'expired_token', auth };
  }
  if (Math.abs(opts.now - at) > MAX_SKEW_MS) return { ok: false, reason: 'skewed', auth };
  return { ok: true, auth, principal: key.principal };
}
