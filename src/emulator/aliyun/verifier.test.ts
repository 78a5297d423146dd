import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, percentEncode, stringToSign, verifyRpcV1 } from './verifier.js';

/** Aliyun's documented ECS example (signature method v1, GET, secret `testsecret`). */
const DOC_PARAMS = {
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};
const DOC_STRING_TO_SIGN =
  'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26';
const DOC_SIGNATURE = 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=';
const DOC_NOW = Date.parse('2016-02-23T12:50:00Z');

describe('Aliyun RPC v1 verifier', () => {
  it('percent-encodes like Aliyun (space %20, * %2A, ~ kept)', () => {
    expect(percentEncode("a b*c~d!'()/:")).toBe('a%20b%2Ac~d%21%27%28%29%2F%3A');
    expect(percentEncode('华东1')).toBe('%E5%8D%8E%E4%B8%9C1');
  });

  it('builds the documented string to sign', () => {
    expect(stringToSign('GET', DOC_PARAMS)).toBe(DOC_STRING_TO_SIGN);
    expect(canonicalQuery({ ...DOC_PARAMS, Signature: 'ignored' })).toBe(
      canonicalQuery(DOC_PARAMS),
    );
  });

  it('accepts the documented signature, computed independently too', () => {
    const independent = createHmac('sha1', 'testsecret&')
      .update(DOC_STRING_TO_SIGN)
      .digest('base64');
    expect(independent).toBe(DOC_SIGNATURE);
    const ctx = {
      now: DOC_NOW,
      lookup: (id: string) => (id === 'testid' ? 'testsecret' : undefined),
      nonces: new Set<string>(),
    };
    expect(verifyRpcV1('GET', { ...DOC_PARAMS, Signature: DOC_SIGNATURE }, ctx)).toEqual({
      ok: true,
    });
    // the same nonce again is a replay
    expect(verifyRpcV1('GET', { ...DOC_PARAMS, Signature: DOC_SIGNATURE }, ctx)).toMatchObject({
      ok: false,
      reason: 'nonce_used',
    });
  });

  it.each([
    ['bad_signature', { Signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' }, DOC_NOW],
    ['unknown_key', { AccessKeyId: 'other', Signature: DOC_SIGNATURE }, DOC_NOW],
    ['expired_timestamp', { Signature: DOC_SIGNATURE }, DOC_NOW + 16 * 60_000],
    ['bad_timestamp', { Timestamp: '2016-02-23 12:46:24', Signature: DOC_SIGNATURE }, DOC_NOW],
    ['missing_parameter', { Signature: '' }, DOC_NOW],
    ['unsupported_method', { SignatureMethod: 'HMAC-SHA256', Signature: 'x' }, DOC_NOW],
  ] as const)('rejects %s', (reason, patch, now) => {
    const ctx = {
      now,
      lookup: (id: string) => (id === 'testid' ? 'testsecret' : undefined),
      nonces: new Set<string>(),
    };
    expect(verifyRpcV1('GET', { ...DOC_PARAMS, ...patch }, ctx)).toMatchObject({
      ok: false,
      reason,
    });
  });

  it('signs the method: the GET signature does not verify a POST', () => {
    const ctx = { now: DOC_NOW, lookup: () => 'testsecret', nonces: new Set<string>() };
    expect(verifyRpcV1('POST', { ...DOC_PARAMS, Signature: DOC_SIGNATURE }, ctx)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });
});
