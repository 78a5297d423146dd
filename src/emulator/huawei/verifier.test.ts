import { describe, expect, it } from 'vitest';
import type { SignedRequest } from './verifier.js';
import { canonicalQuery, canonicalUri, parseSdkDate, verifySdkHmac } from './verifier.js';

const PROJECT = '0123456789abcdef0123456789abcdef';

/**
 * A request signed by the Huawei SDK's signer (core 3.1.211) with AK `AKIDEXAMPLE`, SK `SECRETEXAMPLEKEY` at
 * `20261122T025447Z`; the signature is the known answer.
 */
const SIGNED: SignedRequest = {
  method: 'GET',
  path: `/v1/${PROJECT}/cloudservers/detail`,
  query: 'limit=50&offset=1&name=web%20server',
  headers: {
    'content-type': 'application/json',
    'x-project-id': PROJECT,
    'x-sdk-date': '20261122T025447Z',
    host: '127.0.0.1:8080',
    authorization:
      'SDK-HMAC-SHA256 Access=AKIDEXAMPLE, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=0598ad048cf97fdb5e27d78c6eceefe3989902cf67845c433ecb5b46987aad7a',
  },
  body: Buffer.alloc(0),
};

const NOW = Date.UTC(2026, 10, 22, 2, 54, 47);
const lookup = (ak: string) => (ak === 'AKIDEXAMPLE' ? 'SECRETEXAMPLEKEY' : undefined);

describe('huawei/verifier', () => {
  it('accepts the known vector', () => {
    expect(verifySdkHmac(SIGNED, { now: NOW, lookup })).toEqual({
      ok: true,
      accessKey: 'AKIDEXAMPLE',
    });
  });

  it('always ends the canonical URI with a slash and sorts the query', () => {
    expect(canonicalUri('/v1/p/vpcs')).toBe('/v1/p/vpcs/');
    expect(canonicalUri('/v2.0/vpc/peerings/')).toBe('/v2.0/vpc/peerings/');
    expect(canonicalQuery('marker=b&limit=2&a=x%20y')).toBe('a=x%20y&limit=2&marker=b');
  });

  it.each([
    [
      'a wrong secret',
      { ...SIGNED },
      (ak: string) => (ak === 'AKIDEXAMPLE' ? 'other' : undefined),
      'mismatch',
    ],
    [
      'a changed query',
      { ...SIGNED, query: 'limit=51&offset=1&name=web%20server' },
      lookup,
      'mismatch',
    ],
    ['a changed path', { ...SIGNED, path: `/v1/${PROJECT}/cloudservers` }, lookup, 'mismatch'],
    ['an unknown key', SIGNED, () => undefined, 'unknown_key'],
    [
      'no Authorization',
      { ...SIGNED, headers: { ...SIGNED.headers, authorization: undefined } },
      lookup,
      'missing',
    ],
  ] as const)('rejects %s', (_, req, keys, reason) => {
    expect(verifySdkHmac(req, { now: NOW, lookup: keys })).toEqual({ ok: false, reason });
  });

  it('rejects a signature older than the allowed skew', () => {
    const late = NOW + 16 * 60 * 1000;
    expect(verifySdkHmac(SIGNED, { now: late, lookup })).toEqual({ ok: false, reason: 'expired' });
    expect(parseSdkDate('2026-11-22T02:54:47Z')).toBeUndefined();
  });
});
