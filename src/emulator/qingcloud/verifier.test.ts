import { describe, expect, it } from 'vitest';
import { encodeComponent, expectedSignature, parseQuery, verifyQingcloud } from './verifier.js';

/** The documented request of QingCloud's "签名方法" page (RunInstances in pek1), as sent on the wire. */
const DOC_QUERY =
  'access_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances&count=1&image_id=centos64x86a' +
  '&instance_name=demo&instance_type=small_b&login_mode=passwd&login_passwd=QingCloud20130712' +
  '&signature_method=HmacSHA256&signature_version=1&time_stamp=2013-08-27T14%3A30%3A10Z&version=1' +
  '&vxnets.1=vxnet-0&zone=pek1&signature=32bseYy39DOlatuewpeuW5vpmW51sD1A%2FJdGynqSpP8%3D';

const lookup = (id: string) => (id === 'QYACCESSKEYIDEXAMPLE' ? 'SECRETACCESSKEY' : undefined);
const now = Date.parse('2013-08-27T14:31:00Z');

describe('qingcloud emulator verifier', () => {
  it('accepts the documented request and computes its signature', () => {
    const params = parseQuery(DOC_QUERY);
    expect(expectedSignature('/iaas/', params, 'SECRETACCESSKEY')).toBe(
      '32bseYy39DOlatuewpeuW5vpmW51sD1A/JdGynqSpP8=',
    );
    expect(verifyQingcloud('GET', '/iaas/', params, { now, lookup })).toEqual({ ok: true });
  });

  it('rejects a changed parameter, an unknown key, a stale stamp and a POST', () => {
    const params = parseQuery(DOC_QUERY);
    expect(
      verifyQingcloud('GET', '/iaas/', { ...params, count: '2' }, { now, lookup }),
    ).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    expect(
      verifyQingcloud('GET', '/iaas/', params, { now, lookup: () => undefined }),
    ).toMatchObject({
      reason: 'unknown_key',
    });
    expect(
      verifyQingcloud('GET', '/iaas/', params, { now: now + 3_600_000, lookup }),
    ).toMatchObject({ reason: 'expired_timestamp' });
    expect(verifyQingcloud('POST', '/iaas/', params, { now, lookup })).toMatchObject({
      reason: 'unsupported_method',
    });
    const { signature, ...unsigned } = params;
    expect(signature).toBeDefined();
    expect(verifyQingcloud('GET', '/iaas/', unsigned, { now, lookup })).toMatchObject({
      reason: 'missing_parameter',
      detail: 'signature',
    });
  });

  it('percent-encodes byte by byte', () => {
    expect(encodeComponent('a b:/é~')).toBe('a%20b%3A%2F%C3%A9~');
  });
});
