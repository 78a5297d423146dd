import { describe, expect, it } from 'vitest';
import { roaSignature, roaStringToSign, verifyRoa } from './roa.js';

const SECRET = 'testsecret';
const DATE = 'Sun, 22 Nov 2026 03:00:00 GMT';

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return {
    accept: 'application/json',
    'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==',
    date: DATE,
    'x-acs-signature-method': 'HMAC-SHA1',
    'x-acs-signature-nonce': 'n-1',
    'x-acs-signature-version': '1.0',
    'x-acs-version': '2015-12-15',
    ...extra,
  };
}

describe('Aliyun ROA signature', () => {
  it('builds the documented string to sign: headers, sorted x-acs-* headers, sorted query', () => {
    expect(
      roaStringToSign(
        'get',
        '/api/v1/clusters',
        { region_id: 'cn-hangzhou', page_size: '1' },
        headers(),
      ),
    ).toBe(
      [
        'GET',
        'application/json',
        '1B2M2Y8AsgTpgAmY7PhCfg==',
        '',
        DATE,
        'x-acs-signature-method:HMAC-SHA1',
        'x-acs-signature-nonce:n-1',
        'x-acs-signature-version:1.0',
        'x-acs-version:2015-12-15',
        '/api/v1/clusters?page_size=1&region_id=cn-hangzhou',
      ].join('\n'),
    );
  });

  it('accepts a good signature once and rejects a replay, a wrong key and a stale date', () => {
    const h = headers();
    const sts = roaStringToSign('GET', '/api/v1/clusters', {}, h);
    const signed = { ...h, authorization: `acs AK1:${roaSignature(sts, SECRET)}` };
    const nonces = new Set<string>();
    const ctx = {
      now: Date.parse(DATE),
      lookup: (id: string) => (id === 'AK1' ? SECRET : undefined),
      nonces,
    };
    expect(verifyRoa('GET', '/api/v1/clusters', {}, signed, ctx)).toEqual({ ok: true });
    expect(verifyRoa('GET', '/api/v1/clusters', {}, signed, ctx)).toMatchObject({
      reason: 'nonce_used',
    });
    expect(
      verifyRoa(
        'GET',
        '/api/v1/clusters',
        { x: '1' },
        { ...signed, 'x-acs-signature-nonce': 'n-2' },
        ctx,
      ),
    ).toMatchObject({ reason: 'bad_signature' });
    expect(
      verifyRoa('GET', '/api/v1/clusters', {}, { ...signed, authorization: 'acs AK2:x' }, ctx),
    ).toMatchObject({ reason: 'unknown_key' });
    expect(
      verifyRoa('GET', '/api/v1/clusters', {}, signed, { ...ctx, now: ctx.now + 3_600_000 }),
    ).toMatchObject({ reason: 'expired_timestamp' });
  });
});
