import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../model/index.js';
import { huaweiOperation } from './common.js';
import type { HuaweiErrorFacts } from './errors.js';
import { classify, classifyError, factsOf, scrubMessage } from './errors.js';

type Row = [string, HuaweiErrorFacts, ErrorKind];

const ROWS: Row[] = [
  ['APIGW.0301 incorrect IAM authentication', { status: 401, code: 'APIGW.0301' }, 'auth_failed'],
  ['APIGW.0307 token must be updated', { status: 401, code: 'APIGW.0307' }, 'auth_failed'],
  ['bare 401', { status: 401 }, 'auth_failed'],
  ['APIGW.0302 IAM user not authorized', { status: 403, code: 'APIGW.0302' }, 'permission_denied'],
  ['VPC.0003 policy denial', { status: 403, code: 'VPC.0003' }, 'permission_denied'],
  ['a service code with 403 (Ecs.0319)', { status: 403, code: 'Ecs.0319' }, 'permission_denied'],
  ['bare 403 Forbidden', { status: 403 }, 'permission_denied'],
  ['APIGW.0308 throttled', { status: 429, code: 'APIGW.0308' }, 'throttled'],
  ['bare 429', { status: 429 }, 'throttled'],
  ['APIGW.0101 API not published here', { status: 404, code: 'APIGW.0101' }, 'region_unavailable'],
  ['500', { status: 500, code: 'VPC.0500' }, 'provider_error'],
  ['400 bad parameter', { status: 400, code: 'Common.0002' }, 'provider_error'],
  ['ECONNRESET', { code: 'ECONNRESET' }, 'network'],
  ['timeout', { name: 'TimeoutError' }, 'network'],
  ['abort', { name: 'AbortError' }, 'aborted'],
];

describe('huawei/errors', () => {
  it.each(ROWS)('%s', (_, facts, expected) => {
    expect(classify(facts, { regional: true })).toBe(expected);
  });

  it('reads the SDK exception fields and the Node code hidden in a socket message', () => {
    expect(
      factsOf({ httpStatusCode: 429, errorCode: 'APIGW.0308', errorMsg: 'over', requestId: 'r1' }),
    ).toMatchObject({ status: 429, code: 'APIGW.0308', message: 'over', requestId: 'r1' });
    expect(factsOf({ errorMsg: 'connect ECONNREFUSED 127.0.0.1:9' })).toMatchObject({
      code: 'ECONNREFUSED',
    });
    // A body cut short after a 200 status line is a transport failure.
    expect(factsOf({ httpStatusCode: 200, errorMsg: 'stream has been aborted' })).toMatchObject({
      status: undefined,
      code: 'ECONNRESET',
    });
  });

  it('classifies a thrown SDK error with its operation, and scrubs signatures', () => {
    const op = huaweiOperation('vpc', 'ListVpcs', true, 'vpc:vpcs:list');
    const err = classifyError(
      { httpStatusCode: 403, errorCode: 'VPC.0003', errorMsg: "Policy doesn't allow" },
      op,
      'cn-north-4',
    );
    expect(err).toMatchObject({
      kind: 'permission_denied',
      providerCode: 'VPC.0003',
      operation: 'vpc:ListVpcs',
      region: 'cn-north-4',
    });
    expect(
      scrubMessage('failed: SDK-HMAC-SHA256 Access=AKID, SignedHeaders=host, Signature=abc'),
    ).toBe('failed: SDK-HMAC-SHA256 ***');
  });
});
