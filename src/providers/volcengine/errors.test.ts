import { describe, expect, it } from 'vitest';
import type { ErrorFacts } from '../../errors/classify.js';
import type { ErrorKind } from '../../model/index.js';
import { VolcApiError, VolcResponseError } from './client.js';
import { classify, classifyError, scrubMessage } from './errors.js';

const op = { service: 'ecs', action: 'DescribeInstances', required: true, permission: 'x' };

describe('volcengine/errors', () => {
  it.each<[ErrorFacts, ErrorKind]>([
    [{ code: 'InvalidAccessKey' }, 'auth_failed'],
    [{ code: 'SignatureDoesNotMatch' }, 'auth_failed'],
    [{ code: 'InvalidCredential' }, 'auth_failed'],
    [{ code: 'InvalidAccessKey.Disabled' }, 'auth_failed'],
    [{ code: 'AccessDenied' }, 'permission_denied'],
    [{ code: 'Forbidden' }, 'permission_denied'],
    [{ code: 'AccessDenied.Resource' }, 'permission_denied'],
    [{ code: 'FlowLimitExceeded', status: 429 }, 'throttled'],
    [{ code: 'RequestLimitExceeded' }, 'throttled'],
    [{ code: 'InvalidRegion' }, 'region_unavailable'],
    [{ code: 'UnsupportedRegion' }, 'region_unavailable'],
    [{ code: 'InternalError', status: 503 }, 'provider_error'],
    [{ code: 'ECONNRESET' }, 'network'],
    [{ code: 'ECONNABORTED' }, 'network'],
    [{ code: 'ENOTFOUND' }, 'network'],
    [{ name: 'AbortError' }, 'aborted'],
    [{ status: 401 }, 'auth_failed'],
    [{ status: 403 }, 'permission_denied'],
    [{ status: 429 }, 'throttled'],
    [{ code: 'InvalidParameter', status: 400 }, 'provider_error'],
  ])('classifies %j as %s', (facts, kind) => {
    expect(classify(facts)).toBe(kind);
  });

  it('keeps the code and request id of a ResponseMetadata error; a 5xx code is retryable', () => {
    const e = classifyError(new VolcApiError('InternalError', 'boom', 'req-1'), op, 'cn-beijing');
    expect(e).toMatchObject({ kind: 'provider_error', providerCode: 'InternalError' });
    expect(e.requestId).toBe('req-1');
    expect(e.retryable).toBe(true);
    const t = classifyError(new VolcApiError('FlowLimitExceeded', 'slow down'), op, 'cn-beijing');
    expect(t.kind).toBe('throttled');
    expect(t.retryable).toBe(true);
  });

  it('turns a body that is not the envelope into a non-retryable provider_error', () => {
    const e = classifyError(new VolcResponseError('response body is not JSON'), op, 'cn-beijing');
    expect(e.kind).toBe('provider_error');
    expect(e.retryable).toBe(false);
    expect(e.providerCode).toBeUndefined();
  });

  it('scrubs AccessKey ids, signatures and URLs out of messages', () => {
    const msg = scrubMessage(
      'bad AKLTEmulatorVolcengineExample0001 Credential=AKLTabc/20260101 Signature=abcdef http://h/?a=b',
    );
    expect(msg).not.toMatch(/AKLT|abcdef|http/);
  });
});
