import { describe, expect, it } from 'vitest';
import type { SignedRequest } from './verifier.js';
import { canonicalQuery, verifySignature } from './verifier.js';

const SECRET = 'c2VjcmV0LWV4YW1wbGU=';
const NOW = Date.UTC(2026, 10, 22, 2, 50, 30);
const opts = {
  now: NOW,
  lookup: (id: string) => (id === 'AKLTEXAMPLE' ? SECRET : undefined),
};

/** A GET of ECS DescribeInstances, signed once (the vector) with the values above. */
const GET: SignedRequest = {
  method: 'GET',
  path: '/',
  // Node's querystring leaves `(`, `)` and `*` unescaped: the verifier re-encodes them (RFC 3986).
  query: 'Action=DescribeInstances&MaxResults=100&NextToken=a%20b(c)*&Version=2020-04-01',
  headers: {
    host: '127.0.0.1:40591',
    'x-date': '20261122T025000Z',
    authorization:
      'HMAC-SHA256 Credential=AKLTEXAMPLE/20261122/cn-beijing/ecs/request, SignedHeaders=x-date, Signature=bbd6c8e89864232302cd2741c0960a98282ec23984ab4e0e11f1dd66427f92dd',
  },
  body: Buffer.alloc(0),
};

/** A POST form of VPC DescribeVpcs: the body hash is signed as X-Content-Sha256. */
const POST: SignedRequest = {
  method: 'POST',
  path: '/',
  query: 'Action=DescribeVpcs&Version=2020-04-01',
  headers: {
    'x-date': '20261122T025000Z',
    'x-content-sha256': '352ff8a03fd69706b7dd9f4d248946f4dda3e2aa07b90c9f88a93080669d9a7f',
    authorization:
      'HMAC-SHA256 Credential=AKLTEXAMPLE/20261122/cn-shanghai/vpc/request, SignedHeaders=x-content-sha256;x-date, Signature=4318c6e4eec39a72fb32aa53dfa47be9734cf5b88367dbc647c8f381a7ccc8cc',
  },
  body: Buffer.from('PageNumber=1&PageSize=100'),
};

describe('volcengine emulator signature verifier', () => {
  it('accepts the GET vector and reads the scope (service and region route the request)', () => {
    expect(verifySignature(GET, opts)).toEqual({
      ok: true,
      scope: { accessKeyId: 'AKLTEXAMPLE', date: '20261122', region: 'cn-beijing', service: 'ecs' },
    });
  });

  it('accepts the POST vector with its signed body hash', () => {
    expect(verifySignature(POST, opts)).toMatchObject({ ok: true });
  });

  it('does not sign the host header', () => {
    expect(
      verifySignature({ ...GET, headers: { ...GET.headers, host: 'other:1' } }, opts),
    ).toMatchObject({ ok: true });
  });

  it('rejects a changed query, a changed body, a wrong secret, an unknown key and a stale date', () => {
    const changedQuery = { ...GET, query: GET.query.replace('100', '10') };
    expect(verifySignature(changedQuery, opts)).toMatchObject({ reason: 'bad_signature' });
    const changedBody = { ...POST, body: Buffer.from('PageNumber=2&PageSize=100') };
    expect(verifySignature(changedBody, opts)).toMatchObject({ reason: 'bad_body_hash' });
    expect(verifySignature(GET, { ...opts, lookup: () => 'other' })).toMatchObject({
      reason: 'bad_signature',
    });
    expect(verifySignature(GET, { ...opts, lookup: () => undefined })).toMatchObject({
      reason: 'unknown_key',
    });
    expect(verifySignature(GET, { ...opts, now: NOW + 3_600_000 })).toMatchObject({
      reason: 'expired_timestamp',
    });
    const noAuth = { ...GET, headers: { 'x-date': '20261122T025000Z' } };
    expect(verifySignature(noAuth, opts)).toMatchObject({ reason: 'missing_authorization' });
  });

  it('sorts and RFC 3986-encodes the canonical query', () => {
    expect(canonicalQuery('b=2&a=x%20y&a=(1)*')).toBe('a=%281%29%2A&a=x%20y&b=2');
  });
});
