import { describe, expect, it } from 'vitest';
import type { SignedRequest } from './verifier.js';
import { tc3Signature, verifyTc3 } from './verifier.js';

// The worked example of Tencent Cloud's "Signature v3" documentation (CVM DescribeInstances, 2019-02-25).
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const TIMESTAMP = '1551113065';
const BODY =
  '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const SIGNATURE = '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';

function request(overrides: Partial<SignedRequest> = {}, signature = SIGNATURE): SignedRequest {
  return {
    method: 'POST',
    path: '/',
    query: '',
    body: BODY,
    ...overrides,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      host: 'cvm.tencentcloudapi.com',
      'x-tc-timestamp': TIMESTAMP,
      authorization: `TC3-HMAC-SHA256 Credential=${SECRET_ID}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
      ...overrides.headers,
    },
  };
}

const opts = {
  now: Number(TIMESTAMP) * 1000 + 30_000,
  lookup: (id: string) => (id === SECRET_ID ? SECRET_KEY : undefined),
};

describe('tencent/verifier (TC3-HMAC-SHA256)', () => {
  it('computes the documented signature', () => {
    expect(
      tc3Signature(request(), SECRET_KEY, TIMESTAMP, '2019-02-25', 'cvm', ['content-type', 'host']),
    ).toBe(SIGNATURE);
  });

  it('accepts the documented request, with the host port ignored', () => {
    expect(verifyTc3(request(), opts)).toEqual({ ok: true, secretId: SECRET_ID, service: 'cvm' });
    const withPort = request({ headers: { host: 'cvm.tencentcloudapi.com:8080' } });
    expect(verifyTc3(withPort, opts).ok).toBe(true);
  });

  it('rejects a changed body, host or signature', () => {
    expect(verifyTc3(request({ body: `${BODY} ` }), opts)).toMatchObject({
      reason: 'bad_signature',
    });
    expect(
      verifyTc3(request({ headers: { host: 'vpc.tencentcloudapi.com' } }), opts),
    ).toMatchObject({
      reason: 'bad_signature',
    });
    expect(verifyTc3(request({}, '0'.repeat(64)), opts)).toMatchObject({ reason: 'bad_signature' });
  });

  it('rejects an unknown SecretId, a stale timestamp and a malformed header', () => {
    expect(verifyTc3(request(), { ...opts, lookup: () => undefined })).toMatchObject({
      reason: 'unknown_key',
    });
    expect(verifyTc3(request(), { ...opts, now: opts.now + 600_000 })).toMatchObject({
      reason: 'expired_timestamp',
    });
    expect(verifyTc3(request({ headers: { authorization: 'Bearer x' } }), opts)).toMatchObject({
      reason: 'malformed_authorization',
    });
    expect(verifyTc3(request({ headers: { authorization: '' } }), opts)).toMatchObject({
      reason: 'missing_authorization',
    });
  });
});
