import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../model/index.js';
import { QingcloudApiError, classify, classifyError, factsOf } from './errors.js';

const rows: {
  status?: number;
  code?: string;
  name?: string;
  message?: string;
  expected: ErrorKind;
}[] = [
  {
    status: 200,
    code: '1200',
    message: 'AuthFailure, signature not matched',
    expected: 'auth_failed',
  },
  { status: 200, code: '1300', message: 'request expired', expected: 'auth_failed' },
  { status: 200, code: '1400', message: 'PermissionDenied', expected: 'permission_denied' },
  { status: 200, code: '5100', message: 'ServerBusy', expected: 'throttled' },
  { status: 503, code: '5000', message: 'internal error', expected: 'provider_error' },
  { status: 200, code: '1100', message: 'invalid parameter limit', expected: 'provider_error' },
  { status: 200, code: '1100', message: 'zone [xx1] is not valid', expected: 'region_unavailable' },
  { status: 200, code: '2100', message: 'zone [ap9a] not found', expected: 'region_unavailable' },
  { status: 200, code: '2100', message: 'resource [i-x] not found', expected: 'provider_error' },
  { status: 200, code: '2500', message: 'quota', expected: 'provider_error' },
  { status: 502, expected: 'provider_error' },
  { status: 401, expected: 'auth_failed' },
  { status: 403, expected: 'permission_denied' },
  { status: 429, expected: 'throttled' },
  { code: 'ECONNRESET', name: 'TypeError', expected: 'network' },
  { code: 'UND_ERR_SOCKET', name: 'TypeError', message: 'terminated', expected: 'network' },
  { name: 'TimeoutError', expected: 'network' },
  { name: 'AbortError', expected: 'aborted' },
  { name: 'SyntaxError', status: 200, expected: 'provider_error' },
];

describe('qingcloud/errors', () => {
  it.each(rows)('classifies $code $status $name as $expected', ({ expected, ...facts }) => {
    expect(classify(facts)).toBe(expected);
  });

  it('retries server-side ret_codes as 5xx and never echoes a signed query', () => {
    const op = { service: 'iaas', action: 'DescribeInstances', required: true, permission: 'x' };
    const internal = classifyError(new QingcloudApiError(200, 5000, 'InternalError'), op, 'pek3');
    expect(internal).toMatchObject({
      kind: 'provider_error',
      httpStatus: 503,
      providerCode: '5000',
    });
    expect(internal.retryable).toBe(true);
    const leak = classifyError(
      new QingcloudApiError(502, undefined, 'GET /iaas/?access_key_id=QYKEY&signature=abc failed'),
      op,
      'pek3',
    );
    expect(leak.message).not.toMatch(/QYKEY|abc/);
    expect(leak.retryable).toBe(true);
  });

  it('reads the Node code of a fetch failure', () => {
    const err = new TypeError('fetch failed', {
      cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
    });
    expect(factsOf(err)).toMatchObject({ code: 'ECONNRESET' });
  });
});
