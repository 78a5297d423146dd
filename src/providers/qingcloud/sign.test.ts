import { describe, expect, it } from 'vitest';
import { percentEncode, sign, signParams, stringToSign, timeStamp } from './sign.js';

/** The worked example of QingCloud's API documentation ("签名方法", RunInstances in pek1). */
const DOC_PARAMS = {
  count: 1,
  'vxnets.1': 'vxnet-0',
  zone: 'pek1',
  instance_type: 'small_b',
  signature_version: 1,
  signature_method: 'HmacSHA256',
  instance_name: 'demo',
  image_id: 'centos64x86a',
  login_mode: 'passwd',
  login_passwd: 'QingCloud20130712',
  version: 1,
  access_key_id: 'QYACCESSKEYIDEXAMPLE',
  action: 'RunInstances',
  time_stamp: '2013-08-27T14:30:10Z',
};

describe('qingcloud/sign', () => {
  it('builds the documented string to sign', () => {
    expect(stringToSign('/iaas/', DOC_PARAMS)).toBe(
      'GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances&count=1' +
        '&image_id=centos64x86a&instance_name=demo&instance_type=small_b&login_mode=passwd' +
        '&login_passwd=QingCloud20130712&signature_method=HmacSHA256&signature_version=1' +
        '&time_stamp=2013-08-27T14%3A30%3A10Z&version=1&vxnets.1=vxnet-0&zone=pek1',
    );
  });

  it('gives the documented signature', () => {
    const signed = signParams({ path: '/iaas/', params: DOC_PARAMS }, 'SECRETACCESSKEY');
    expect(signed.signature).toBe('32bseYy39DOlatuewpeuW5vpmW51sD1A/JdGynqSpP8=');
    expect(
      signed.query.endsWith(
        '&zone=pek1&signature=32bseYy39DOlatuewpeuW5vpmW51sD1A%2FJdGynqSpP8%3D',
      ),
    ).toBe(true);
  });

  it('adds the common parameters and reproduces the documented request', () => {
    const { access_key_id, signature_method, signature_version, time_stamp, ...rest } = DOC_PARAMS;
    expect([access_key_id, signature_method, signature_version, time_stamp]).toHaveLength(4);
    const signed = sign(
      { path: '/iaas/', params: rest },
      { accessKeyId: 'QYACCESSKEYIDEXAMPLE', secretAccessKey: 'SECRETACCESSKEY' },
      new Date('2013-08-27T14:30:10.123Z'),
    );
    expect(signed.signature).toBe('32bseYy39DOlatuewpeuW5vpmW51sD1A/JdGynqSpP8=');
  });

  it('encodes like RFC 3986 and stamps whole seconds in UTC', () => {
    expect(percentEncode("a b!'()*~._-")).toBe('a%20b%21%27%28%29%2A~._-');
    expect(timeStamp(new Date('2026-11-22T02:50:32.999Z'))).toBe('2026-11-22T02:50:32Z');
  });
});
