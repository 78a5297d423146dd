import { describe, expect, it } from 'vitest';
import { issueToken, verifyBearer } from './token.js';

const KEY = 'key';
const CLAIMS = {
  aud: 'https://management.azure.com',
  tid: 't',
  appid: 'a',
  iat: 1_000,
  exp: 2_000,
};

// RFC 7515 HS256 over the compact header and payload below, computed independently (openssl dgst -sha256 -hmac key).
const VECTOR =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIiwidGlkIjoidCIsImFwcGlkIjoiYSIsImlhdCI6MTAwMCwiZXhwIjoyMDAwfQ';

describe('azure emulator tokens', () => {
  it('signs compact JWTs as RFC 7515 HS256', () => {
    const token = issueToken(KEY, CLAIMS);
    expect(token.startsWith(`${VECTOR}.`)).toBe(true);
    expect(token.split('.')[2]).toBe('duen6X6_0fbDWkgBdClP7PR2LhtpLN_z3so-AMpNlH4');
  });

  it('accepts its own token until it expires', () => {
    const token = issueToken(KEY, CLAIMS);
    const aud = 'https://management.azure.com';
    expect(verifyBearer(`Bearer ${token}`, KEY, aud, 't', 1_500_000)).toMatchObject({ ok: true });
    expect(verifyBearer(`Bearer ${token}`, KEY, aud, 't', 2_000_000)).toEqual({
      ok: false,
      code: 'ExpiredAuthenticationToken',
    });
  });

  it.each([
    ['another key', (t: string) => `Bearer ${t}`, 'other', 't'],
    ['another tenant', (t: string) => `Bearer ${t}`, KEY, 'u'],
    ['a tampered payload', (t: string) => `Bearer ${t.replace('.eyJ', '.eyK')}`, KEY, 't'],
    ['no Bearer scheme', (t: string) => t, KEY, 't'],
  ])('rejects %s', (_case, header, key, tenant) => {
    const token = issueToken(KEY, CLAIMS);
    expect(
      verifyBearer(header(token), key, 'https://management.azure.com', tenant, 1_500_000),
    ).toEqual({
      ok: false,
      code: 'InvalidAuthenticationToken',
    });
  });
});
