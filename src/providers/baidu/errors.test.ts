import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../model/index.js';
import { classify, classifyError, factsOf, scrubMessage } from './errors.js';
import { baiduOperation } from './common.js';

const ROWS: readonly [number | undefined, string | undefined, string | undefined, ErrorKind][] = [
  [403, 'InvalidAccessKeyId', undefined, 'auth_failed'],
  [400, 'SignatureDoesNotMatch', undefined, 'auth_failed'],
  [400, 'InvalidHTTPAuthHeader', undefined, 'auth_failed'],
  [403, 'RequestTimeTooSkewed', undefined, 'auth_failed'],
  [400, 'RequestExpired', undefined, 'auth_failed'],
  [403, 'AccessDenied', undefined, 'permission_denied'],
  [403, undefined, undefined, 'permission_denied'],
  [401, undefined, undefined, 'auth_failed'],
  [429, 'RequestRateLimitExceeded', undefined, 'throttled'],
  [429, undefined, undefined, 'throttled'],
  [403, 'OptInRequired', undefined, 'region_unavailable'],
  [500, 'InternalError', undefined, 'provider_error'],
  [503, 'ServiceUnavailable', undefined, 'provider_error'],
  [404, 'NoSuchObject', undefined, 'provider_error'],
  [200, undefined, 'Unexpected end of JSON input', 'provider_error'],
  [undefined, 'ECONNRESET', undefined, 'network'],
  [undefined, undefined, 'socket hang up', 'network'],
];

describe('baidu/errors', () => {
  it.each(ROWS)('status %s code %s message %s → %s', (status, code, message, expected) => {
    expect(classify({ status, code, message })).toBe(expected);
  });

  it('reads an unknown regional host as region_unavailable, a global one as network', () => {
    expect(classify({ code: 'ENOTFOUND' }, { regional: true })).toBe('region_unavailable');
    expect(classify({ code: 'ENOTFOUND' }, { regional: false })).toBe('network');
  });

  it("reads the SDK's plain rejection objects and Node errors", () => {
    expect(
      factsOf({
        status_code: 403,
        code: 'AccessDenied',
        message: 'Access denied.',
        request_id: 'r-1',
      }),
    ).toEqual({ status: 403, code: 'AccessDenied', message: 'Access denied.', requestId: 'r-1' });
    expect(factsOf({ status_code: 502, message: { html: true } })).toMatchObject({
      status: 502,
      message: '{"html":true}',
    });
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(factsOf(reset)).toMatchObject({ code: 'ECONNRESET', name: 'Error' });
  });

  it('names the operation, region and request id, and keeps signatures out of the message', () => {
    const op = baiduOperation('vpc', 'ListVpcs', true);
    const err = classifyError(
      {
        status_code: 400,
        code: 'SignatureDoesNotMatch',
        message: `expected bce-auth-v1/ALTAKabcdefghij/2026/1800/host/${'a'.repeat(64)}`,
        request_id: 'req-1',
      },
      op,
      'bj',
    );
    expect(err.kind).toBe('auth_failed');
    expect(err.message).toBe('SignatureDoesNotMatch: expected bce-auth-v1/***');
    expect(err).toMatchObject({ region: 'bj', operation: 'vpc:ListVpcs', requestId: 'req-1' });
    expect(scrubMessage(`key ALTAKabcdefghij0 sig ${'b'.repeat(64)}`)).toBe('key *** sig ***');
  });
});
