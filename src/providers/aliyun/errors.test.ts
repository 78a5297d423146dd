import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../model/index.js';
import { aliyunOperation } from './common.js';
import type { AliyunErrorFacts } from './errors.js';
import { classify, classifyError, scrubMessage } from './errors.js';

type Row = [string, AliyunErrorFacts, boolean, ErrorKind];

// [case, facts, regional call, expected]
const ROWS: Row[] = [
  [
    'InvalidAccessKeyId.NotFound',
    { status: 404, code: 'InvalidAccessKeyId.NotFound' },
    false,
    'auth_failed',
  ],
  [
    'InvalidAccessKeyId.Inactive',
    { status: 400, code: 'InvalidAccessKeyId.Inactive' },
    true,
    'auth_failed',
  ],
  ['SignatureDoesNotMatch', { status: 400, code: 'SignatureDoesNotMatch' }, true, 'auth_failed'],
  ['IncompleteSignature', { status: 400, code: 'IncompleteSignature' }, true, 'auth_failed'],
  [
    'InvalidTimeStamp.Expired (clock skew)',
    { status: 400, code: 'InvalidTimeStamp.Expired' },
    true,
    'auth_failed',
  ],
  ['Forbidden.RAM', { status: 403, code: 'Forbidden.RAM' }, true, 'permission_denied'],
  ['Forbidden', { status: 403, code: 'Forbidden' }, true, 'permission_denied'],
  ['NoPermission', { status: 403, code: 'NoPermission' }, true, 'permission_denied'],
  [
    'Forbidden.NoPermission',
    { status: 403, code: 'Forbidden.NoPermission' },
    true,
    'permission_denied',
  ],
  ['bare 403', { status: 403 }, true, 'permission_denied'],
  ['bare 401', { status: 401 }, true, 'auth_failed'],
  ['Throttling', { status: 400, code: 'Throttling' }, true, 'throttled'],
  ['Throttling.User', { status: 400, code: 'Throttling.User' }, true, 'throttled'],
  ['Throttling.Api', { status: 400, code: 'Throttling.Api' }, true, 'throttled'],
  [
    'an unlisted Throttling.* code',
    { status: 400, code: 'Throttling.Resource' },
    true,
    'throttled',
  ],
  ['429', { status: 429 }, true, 'throttled'],
  ['ServiceUnavailable', { status: 503, code: 'ServiceUnavailable' }, true, 'provider_error'],
  ['InternalError', { status: 500, code: 'InternalError' }, true, 'provider_error'],
  ['InvalidRegionId', { status: 400, code: 'InvalidRegionId' }, true, 'region_unavailable'],
  [
    'InvalidRegionId.NotFound',
    { status: 404, code: 'InvalidRegionId.NotFound' },
    true,
    'region_unavailable',
  ],
  ['UnsupportedRegion', { status: 400, code: 'UnsupportedRegion' }, true, 'region_unavailable'],
  [
    'Forbidden.RegionNotOpen',
    { status: 403, code: 'Forbidden.RegionNotOpen' },
    true,
    'region_unavailable',
  ],
  ['ENOTFOUND on a regional endpoint', { code: 'ENOTFOUND' }, true, 'region_unavailable'],
  ['ENOTFOUND on a central endpoint', { code: 'ENOTFOUND' }, false, 'network'],
  ['ECONNREFUSED', { code: 'ECONNREFUSED' }, true, 'network'],
  ['ECONNRESET', { code: 'ECONNRESET' }, true, 'network'],
  ['httpx RequestTimeoutError', { name: 'RequestTimeoutError' }, true, 'network'],
  ['per-attempt timeout (AbortSignal.timeout)', { name: 'TimeoutError' }, true, 'network'],
  ['socket hang up', { message: 'socket hang up' }, true, 'network'],
  ['interruption', { name: 'AbortError' }, true, 'aborted'],
  ['InvalidParameter', { status: 400, code: 'InvalidParameter' }, true, 'provider_error'],
  ['unparseable body', { name: 'SyntaxError' }, true, 'provider_error'],
];

describe('aliyun classify', () => {
  it.each(ROWS)('%s', (_case, facts, regional, expected) => {
    expect(classify(facts, { regional })).toBe(expected);
  });

  it('turns a pop-core error into a typed error with code, status, request id and a scrubbed message', () => {
    const raw = Object.assign(
      new Error(
        'Specified access key is not found., URL: https://ecs.cn-hangzhou.aliyuncs.com/?AccessKeyId=LTAI5tAbCdEfGhIjKl&Signature=abc',
      ),
      {
        name: 'InvalidAccessKeyId.NotFoundError',
        code: 'InvalidAccessKeyId.NotFound',
        data: {
          Code: 'InvalidAccessKeyId.NotFound',
          Message: 'Specified access key is not found.',
          RequestId: 'req-9',
        },
        entry: { response: { statusCode: 404 } },
      },
    );
    const err = classifyError(raw, aliyunOperation('ecs', 'DescribeRegions', true), 'cn-hangzhou');
    expect(err.kind).toBe('auth_failed');
    expect(err.toJSON()).toMatchObject({
      provider: 'aliyun',
      operation: 'ecs:DescribeRegions',
      http_status: 404,
      code: 'InvalidAccessKeyId.NotFound',
      request_id: 'req-9',
      message: 'InvalidAccessKeyId.NotFound: Specified access key is not found.',
    });
  });

  it('makes ServiceUnavailable retryable even without a status', () => {
    const raw = Object.assign(new Error('busy'), { data: { Code: 'ServiceUnavailable' } });
    const err = classifyError(raw, aliyunOperation('vpc', 'DescribeVpcs', true), 'cn-hangzhou');
    expect([err.kind, err.httpStatus, err.retryable]).toEqual(['provider_error', 503, true]);
  });

  it('never lets an AccessKey id, a signature or the signed URL through', () => {
    const clean = scrubMessage(
      'denied for LTAI5tAbCdEfGhIjKlMn, AccessKeyId=LTAI5tAbCdEfGhIjKlMn&Signature=xyz, URL: https://x/?a=b',
    );
    expect(clean).not.toMatch(/LTAI|xyz|URL/);
  });
});
