import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../model/index.js';
import type { Operation } from '../types.js';
import type { AwsErrorFacts } from './errors.js';
import { classify, classifyError, scrubMessage } from './errors.js';

type Row = [string, AwsErrorFacts, boolean, ErrorKind];

// [case, facts, regional call after connect, expected]
const ROWS: Row[] = [
  ['AuthFailure while connecting', { status: 401, code: 'AuthFailure' }, false, 'auth_failed'],
  [
    'AuthFailure in a region = not enabled',
    { status: 401, code: 'AuthFailure' },
    true,
    'region_unavailable',
  ],
  ['InvalidClientTokenId', { status: 403, code: 'InvalidClientTokenId' }, false, 'auth_failed'],
  [
    'InvalidClientTokenId in a region',
    { status: 403, code: 'InvalidClientTokenId' },
    true,
    'region_unavailable',
  ],
  ['SignatureDoesNotMatch', { status: 403, code: 'SignatureDoesNotMatch' }, false, 'auth_failed'],
  [
    'SignatureDoesNotMatch in a region',
    { status: 403, code: 'SignatureDoesNotMatch' },
    true,
    'auth_failed',
  ],
  [
    'UnrecognizedClientException',
    { status: 403, name: 'UnrecognizedClientException' },
    false,
    'auth_failed',
  ],
  ['ExpiredToken', { status: 400, code: 'ExpiredToken' }, true, 'auth_failed'],
  ['RequestExpired', { status: 400, code: 'RequestExpired' }, true, 'auth_failed'],
  ['ExpiredTokenException', { status: 403, name: 'ExpiredTokenException' }, true, 'auth_failed'],
  [
    'UnauthorizedOperation',
    { status: 403, code: 'UnauthorizedOperation' },
    true,
    'permission_denied',
  ],
  ['AccessDenied', { status: 403, code: 'AccessDenied' }, true, 'permission_denied'],
  [
    'AccessDeniedException',
    { status: 403, name: 'AccessDeniedException' },
    true,
    'permission_denied',
  ],
  ['bare 403', { status: 403 }, true, 'permission_denied'],
  ['bare 401', { status: 401 }, true, 'auth_failed'],
  ['Throttling', { status: 400, code: 'Throttling' }, true, 'throttled'],
  ['ThrottlingException', { status: 400, name: 'ThrottlingException' }, true, 'throttled'],
  [
    'RequestLimitExceeded on a 503',
    { status: 503, code: 'RequestLimitExceeded' },
    true,
    'throttled',
  ],
  [
    'TooManyRequestsException',
    { status: 429, name: 'TooManyRequestsException' },
    true,
    'throttled',
  ],
  ['bare 429', { status: 429 }, true, 'throttled'],
  ['OptInRequired', { status: 401, code: 'OptInRequired' }, true, 'region_unavailable'],
  ['InvalidRegion', { status: 400, code: 'InvalidRegion' }, false, 'region_unavailable'],
  ['ECONNRESET', { code: 'ECONNRESET', name: 'Error' }, true, 'network'],
  ['ECONNREFUSED', { code: 'ECONNREFUSED', name: 'Error' }, true, 'network'],
  ['ETIMEDOUT', { code: 'ETIMEDOUT', name: 'TimeoutError' }, true, 'network'],
  ['EPIPE', { code: 'EPIPE' }, true, 'network'],
  ['TimeoutError', { name: 'TimeoutError' }, true, 'network'],
  ['socket hang up', { name: 'Error', message: 'socket hang up' }, true, 'network'],
  ['ENOTFOUND on a regional endpoint', { code: 'ENOTFOUND' }, true, 'region_unavailable'],
  ['ENOTFOUND while connecting', { code: 'ENOTFOUND' }, false, 'network'],
  ['500', { status: 500, name: 'InternalError' }, true, 'provider_error'],
  ['503 Unavailable', { status: 503, code: 'Unavailable' }, true, 'provider_error'],
  [
    'deserialization error',
    { status: 200, name: 'Error', message: 'Deserialization error: to see the raw response…' },
    true,
    'provider_error',
  ],
  [
    'XML parse failure',
    { name: 'SyntaxError', message: 'Unexpected end of XML input' },
    true,
    'provider_error',
  ],
  ['InvalidParameterValue', { status: 400, code: 'InvalidParameterValue' }, true, 'provider_error'],
  ['interrupted', { name: 'AbortError', message: 'Request aborted' }, true, 'aborted'],
  ['nothing known', {}, true, 'provider_error'],
];

const DESCRIBE_VPCS: Operation = {
  service: 'ec2',
  action: 'DescribeVpcs',
  required: true,
  permission: 'ec2:DescribeVpcs',
};
const DESCRIBE_REGIONS: Operation = { ...DESCRIBE_VPCS, action: 'DescribeRegions' };

/** An SDK ServiceException as the SDK builds it (name = code, $metadata). */
function serviceException(name: string, status: number, message: string): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'req-0001', attempts: 1 },
  });
}

describe('aws/classify', () => {
  it.each(ROWS)('%s', (_case, facts, regional, expected) => {
    expect(classify(facts, { regional })).toBe(expected);
  });

  it('builds a typed error with operation, region, status, code and request id', () => {
    const err = classifyError(
      serviceException(
        'UnauthorizedOperation',
        403,
        'You are not authorized to perform this operation.',
      ),
      DESCRIBE_VPCS,
      'eu-west-1',
    );
    expect(err.toJSON()).toEqual({
      name: 'PermissionDeniedError',
      kind: 'permission_denied',
      message: 'UnauthorizedOperation: You are not authorized to perform this operation.',
      provider: 'aws',
      account: undefined,
      region: 'eu-west-1',
      resource_kind: undefined,
      operation: 'ec2:DescribeVpcs',
      http_status: 403,
      code: 'UnauthorizedOperation',
      request_id: 'req-0001',
    });
    expect(err.retryable).toBe(false);
  });

  it('tells a disabled region from bad keys by whether the call is regional', () => {
    const raw = serviceException(
      'AuthFailure',
      401,
      'AWS was not able to validate the provided access credentials',
    );
    expect(classifyError(raw, DESCRIBE_VPCS, 'af-south-1').kind).toBe('region_unavailable');
    expect(classifyError(raw, DESCRIBE_REGIONS, 'us-east-1').kind).toBe('auth_failed');
    const sts: Operation = {
      service: 'sts',
      action: 'GetCallerIdentity',
      required: true,
      permission: '',
    };
    expect(classifyError(raw, sts, 'us-east-1').kind).toBe('auth_failed');
  });

  it('marks 5xx provider errors, throttling and network failures retryable', () => {
    expect(
      classifyError(serviceException('InternalError', 500, 'oops'), DESCRIBE_VPCS, 'r').retryable,
    ).toBe(true);
    expect(
      classifyError(serviceException('Throttling', 400, 'slow'), DESCRIBE_VPCS, 'r').retryable,
    ).toBe(true);
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(classifyError(reset, DESCRIBE_VPCS, 'r')).toMatchObject({
      kind: 'network',
      providerCode: 'ECONNRESET',
    });
    expect(
      classifyError(serviceException('InvalidParameterValue', 400, 'bad'), DESCRIBE_VPCS, 'r')
        .retryable,
    ).toBe(false);
  });

  it('treats an abort caused by a timeout as a network failure', () => {
    const abort = Object.assign(new Error('Request aborted'), {
      name: 'AbortError',
      cause: Object.assign(new Error('The operation was aborted due to timeout'), {
        name: 'TimeoutError',
      }),
    });
    expect(classifyError(abort, DESCRIBE_VPCS, 'r').kind).toBe('network');
    expect(
      classifyError(Object.assign(new Error('x'), { name: 'AbortError' }), DESCRIBE_VPCS, 'r').kind,
    ).toBe('aborted');
  });

  it('turns anything thrown into an error, non-Errors included', () => {
    expect(classifyError('boom', DESCRIBE_VPCS, 'r')).toMatchObject({
      kind: 'provider_error',
      message: 'boom',
    });
  });

  it('never carries key ids, signatures or the string to sign in its message', () => {
    const message =
      'The request signature we calculated does not match. Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/ec2/aws4_request, Signature=0123abcd The Canonical String for this request should have been POST / x-amz-date';
    const scrubbed = scrubMessage(message);
    expect(scrubbed).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(scrubbed).not.toContain('0123abcd');
    expect(scrubbed).not.toMatch(/x-amz-date/);
    expect(scrubMessage('key ASIAIOSFODNN7EXAMPLE leaked')).toBe('key *** leaked');
    expect(scrubMessage('x'.repeat(400))).toHaveLength(301);
  });
});
