import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalUri, verifyBceV1 } from './verifier.js';

const AK = 'AKIDEXAMPLE0000000001';
const SK = 'SECRETEXAMPLE000000000000000000001';
const AT = '2026-11-22T02:48:47Z';

/**
 * A known vector (a signed `GET /v1/subnet` as @baiducloud/sdk 1.0.7 signs it, captured once): the query as the
 * SDK puts it on the wire, with `-` sent as `%2d` and a space as `%20`.
 */
const VECTOR = {
  method: 'GET',
  path: '/v1/subnet',
  query: 'vpcId=vpc%2d1a2b&maxKeys=1000&marker=sbn%2dx%20y',
  headers: {
    host: 'bcc.bj.baidubce.com',
    'content-type': 'application/json; charset=UTF-8',
    'content-length': '0',
    'x-bce-date': AT,
    authorization: `bce-auth-v1/${AK}/${AT}/1800/content-length;content-type;host;x-bce-date/4e2a3f52548936e33ef031c97f58bf9ca69f239d5156892b6c5efbf6edda57d7`,
  },
};

const ctx = { now: Date.parse(AT) + 5_000, lookup: (id: string) => (id === AK ? SK : undefined) };

describe('baidu bce-auth-v1 verifier', () => {
  it('accepts the known vector', () => {
    expect(verifyBceV1(VECTOR, ctx)).toEqual({ ok: true, accessKeyId: AK });
  });

  it('canonicalises the query and the URI as BCE specifies', () => {
    expect(canonicalQuery(VECTOR.query)).toBe('marker=sbn-x%20y&maxKeys=1000&vpcId=vpc-1a2b');
    expect(canonicalUri('/v1/nat/nat-1 2/snatRule')).toBe('/v1/nat/nat-1%202/snatRule');
  });

  it('rejects a changed parameter, a changed signed header and a wrong secret', () => {
    expect(
      verifyBceV1({ ...VECTOR, query: 'vpcId=vpc-1a2c&maxKeys=1000&marker=sbn-x%20y' }, ctx),
    ).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    expect(
      verifyBceV1({ ...VECTOR, headers: { ...VECTOR.headers, host: 'bcc.gz.baidubce.com' } }, ctx),
    ).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyBceV1(VECTOR, { ...ctx, lookup: () => 'other' })).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('rejects an unknown key, a missing header, a skewed and an expired timestamp', () => {
    expect(verifyBceV1(VECTOR, { ...ctx, lookup: () => undefined })).toMatchObject({
      reason: 'unknown_key',
    });
    const unsigned = { ...VECTOR.headers, authorization: undefined };
    expect(verifyBceV1({ ...VECTOR, headers: unsigned }, ctx)).toMatchObject({
      reason: 'missing_header',
    });
    expect(verifyBceV1(VECTOR, { ...ctx, now: Date.parse(AT) + 16 * 60_000 })).toMatchObject({
      reason: 'skewed',
    });
    expect(verifyBceV1(VECTOR, { ...ctx, now: Date.parse(AT) - 16 * 60_000 })).toMatchObject({
      reason: 'skewed',
    });
  });

  it('refuses a signature over headers BCE does not allow to sign', () => {
    const auth = VECTOR.headers.authorization.replace(
      'content-type;host',
      'content-type;host;user-agent',
    );
    expect(
      verifyBceV1({ ...VECTOR, headers: { ...VECTOR.headers, authorization: auth } }, ctx),
    ).toMatchObject({ ok: false, reason: 'malformed_header', detail: 'user-agent' });
  });
});
