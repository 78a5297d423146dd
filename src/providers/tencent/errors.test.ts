import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../model/index.js';
import { tencentOperation } from './common.js';
import type { TencentErrorFacts } from './errors.js';
import { classify, classifyError, factsOf, scrubMessage } from './errors.js';

// [case, facts, expected]
const ROWS: [string, TencentErrorFacts, ErrorKind][] = [
  ['AuthFailure.SecretIdNotFound', { code: 'AuthFailure.SecretIdNotFound' }, 'auth_failed'],
  ['AuthFailure.SignatureFailure', { code: 'AuthFailure.SignatureFailure' }, 'auth_failed'],
  [
    'AuthFailure.SignatureExpire (clock skew)',
    { code: 'AuthFailure.SignatureExpire' },
    'auth_failed',
  ],
  ['AuthFailure.TokenFailure', { code: 'AuthFailure.TokenFailure' }, 'auth_failed'],
  ['a newer AuthFailure member', { code: 'AuthFailure.SomethingNew' }, 'auth_failed'],
  ['UnauthorizedOperation', { code: 'UnauthorizedOperation' }, 'permission_denied'],
  [
    'AuthFailure.UnauthorizedOperation (a denial, not an auth failure)',
    { code: 'AuthFailure.UnauthorizedOperation' },
    'permission_denied',
  ],
  [
    'UnauthorizedOperation.CamNoAuth',
    { code: 'UnauthorizedOperation.CamNoAuth' },
    'permission_denied',
  ],
  [
    'a newer UnauthorizedOperation member',
    { code: 'UnauthorizedOperation.X' },
    'permission_denied',
  ],
  ['RequestLimitExceeded', { code: 'RequestLimitExceeded' }, 'throttled'],
  [
    'RequestLimitExceeded.UinLimitExceeded',
    { code: 'RequestLimitExceeded.UinLimitExceeded' },
    'throttled',
  ],
  [
    'RequestLimitExceeded.IPLimitExceeded',
    { code: 'RequestLimitExceeded.IPLimitExceeded' },
    'throttled',
  ],
  ['UnsupportedRegion', { code: 'UnsupportedRegion' }, 'region_unavailable'],
  ['InvalidParameterValue.Region', { code: 'InvalidParameterValue.Region' }, 'region_unavailable'],
  [
    'InvalidParameterValue.RegionNotSupported',
    { code: 'InvalidParameterValue.RegionNotSupported' },
    'region_unavailable',
  ],
  [
    'InternalError (HTTP 200, retried as a 5xx)',
    { status: 503, code: 'InternalError' },
    'provider_error',
  ],
  ['InvalidParameter', { code: 'InvalidParameter' }, 'provider_error'],
  ['a gateway 502', { status: 502, message: 'Bad Gateway' }, 'provider_error'],
  ['ECONNRESET', { code: 'ECONNRESET' }, 'network'],
  ['ECONNREFUSED', { code: 'ECONNREFUSED' }, 'network'],
  ['our per-attempt timeout', { name: 'TimeoutError' }, 'network'],
  ['a truncated body', { code: 'ERR_STREAM_PREMATURE_CLOSE' }, 'network'],
  ['interrupted', { name: 'AbortError' }, 'aborted'],
  [
    'an unparseable body',
    { name: 'FetchError', message: 'invalid json response body' },
    'provider_error',
  ],
];

describe('tencent/errors', () => {
  it.each(ROWS)('classifies %s', (_name, facts, expected) => {
    expect(classify(facts)).toBe(expected);
  });

  it('reads the code and request id of an SDK exception (an error inside HTTP 200)', () => {
    const e = Object.assign(new Error('Your current request times exceeds the limit'), {
      code: 'RequestLimitExceeded',
      requestId: 'req-1',
    });
    expect(factsOf(e)).toMatchObject({ code: 'RequestLimitExceeded', requestId: 'req-1' });
    const err = classifyError(
      e,
      tencentOperation('cvm', 'DescribeInstances', true),
      'ap-guangzhou',
    );
    expect(err).toMatchObject({
      kind: 'throttled',
      provider: 'tencent',
      region: 'ap-guangzhou',
      operation: 'cvm:DescribeInstances',
      providerCode: 'RequestLimitExceeded',
      requestId: 'req-1',
    });
    expect(err.retryable).toBe(true);
  });

  it('reads the socket code the SDK folds into its message, and the HTTP status of a gateway error', () => {
    const reset = new Error(
      'request to http://cvm.tencentcloudapi.com/ failed, reason: read ECONNRESET',
    );
    expect(factsOf(reset).code).toBe('ECONNRESET');
    expect(factsOf(new Error('request to x failed, reason: socket hang up')).code).toBe(
      'ECONNRESET',
    );
    const gateway = Object.assign(new Error('Bad Gateway'), { httpCode: 502 });
    const err = classifyError(
      gateway,
      tencentOperation('vpc', 'DescribeVpcs', true),
      'ap-shanghai',
    );
    expect(err).toMatchObject({ kind: 'provider_error', httpStatus: 502 });
    expect(err.retryable).toBe(true);
  });

  it('treats a server code inside HTTP 200 as retryable and node-fetch timeouts as network', () => {
    const internal = Object.assign(new Error('An internal error has occurred'), {
      code: 'InternalError',
    });
    expect(
      classifyError(internal, tencentOperation('vpc', 'DescribeVpcs', true), 'r').retryable,
    ).toBe(true);
    const timeout = Object.assign(new Error('Response timeout while trying to fetch'), {
      name: 'FetchError',
      type: 'body-timeout',
    });
    expect(classify(factsOf(timeout))).toBe('network');
    // …and the same timeout after the SDK rewrapped it (message only).
    expect(
      classify(factsOf(new Error('network timeout at: http://vpc.tencentcloudapi.com/'))),
    ).toBe('network');
  });

  it('never lets a SecretId or a signature through', () => {
    const msg = scrubMessage(
      'Credential=AKIDEmulatorTencentExample0000000001/2026-11-22/cvm/tc3_request, Signature=abcdef0123',
    );
    expect(msg).not.toContain('AKIDEmulator');
    expect(msg).not.toContain('abcdef0123');
  });
});
