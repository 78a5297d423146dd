/**
 * The emulator's Entra ID: access tokens are compact JWTs signed HS256 with the emulator's key, and ARM checks
 * them (signature, audience, tenant, expiry) with this code, written from RFC 7519 / 7515 and independent of
 * anything that requests them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  readonly aud: string;
  readonly tid: string;
  readonly appid: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function signature(key: string, signingInput: string): string {
  return createHmac('sha256', key).update(signingInput).digest('base64url');
}

/** A signed token carrying `claims`. */
export function issueToken(key: string, claims: TokenClaims): string {
  const input = `${HEADER}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${signature(key, input)}`;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: TokenClaims }
  | {
      readonly ok: false;
      readonly code: 'InvalidAuthenticationToken' | 'ExpiredAuthenticationToken';
    };

/** Verifies an `Authorization` header value: `Bearer <jwt>` signed by `key`, for `audience`, not expired. */
export function verifyBearer(
  header: string | undefined,
  key: string,
  audience: string,
  tenant: string,
  nowMs: number,
): TokenCheck {
  const bad = { ok: false, code: 'InvalidAuthenticationToken' } as const;
  const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (m === null) return bad;
  const [, head = '', payload = '', sig = ''] = m;
  const expected = Buffer.from(signature(key, `${head}.${payload}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return bad;
  let claims: Partial<TokenClaims>;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
    if (header.alg !== 'HS256') return bad;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return bad;
  }
  if (claims.aud?.replace(/\/$/, '') !== audience || claims.tid !== tenant) return bad;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) {
    return { ok: false, code: 'ExpiredAuthenticationToken' };
  }
  return { ok: true, claims: claims as TokenClaims };
}
