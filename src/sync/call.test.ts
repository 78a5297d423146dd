import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { errorOfKind } from '../errors/errors.js';
import type { ErrorKind } from '../model/index.js';
import { silentLogger } from '../log/logger.js';
import type { Operation } from '../providers/types.js';
import { fakeClock } from '../transport/clock.js';
import { DEFAULT_RETRY_POLICY, RetryBudget } from '../transport/retry.js';
import type { CallDeps } from './call.js';
import { createCall, operationOf } from './call.js';
import { createMetrics } from './metrics.js';

const op: Operation = { service: 'svc', action: 'List', required: false, permission: 'svc:List' };

class Failure extends Error {
  readonly kind: ErrorKind;
  readonly retryAfterMs: number | undefined;
  constructor(kind: ErrorKind, retryAfterMs?: number) {
    super(kind);
    this.kind = kind;
    this.retryAfterMs = retryAfterMs;
  }
}

function deps(overrides: Partial<CallDeps> = {}) {
  const clock = fakeClock();
  const metrics = createMetrics();
  const d: CallDeps = {
    retries: 'ours',
    classify: (e) =>
      e instanceof Failure
        ? errorOfKind(e.kind, e.message, { retryAfterMs: e.retryAfterMs })
        : errorOfKind('provider_error', 'x'),
    limiter: pLimit(4),
    metrics,
    clock,
    retry: DEFAULT_RETRY_POLICY,
    budget: new RetryBudget(100),
    requestTimeoutMs: 50,
    signal: new AbortController().signal,
    log: silentLogger,
    ...overrides,
  };
  return { d, clock, metrics };
}

describe('sync/call', () => {
  it('retries throttling with the throttle base delay and honours Retry-After', async () => {
    const { d, clock, metrics } = deps();
    let n = 0;
    const call = createCall(d);
    const out = await call(op, 'r1', () => {
      n += 1;
      return n === 1
        ? Promise.reject(new Failure('throttled', 1500))
        : n === 2
          ? Promise.reject(new Failure('throttled'))
          : Promise.resolve('done');
    });
    expect(out).toBe('done');
    expect(clock.sleeps[0]).toBe(1500);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(1000);
    expect(metrics.calls.get('svc:List')).toBe(3);
    expect(metrics.retries.get('svc:List')).toBe(2);
  });

  it('does not retry permission errors, and remembers the failed operation', async () => {
    const { d, clock } = deps();
    const call = createCall(d);
    const err = await call(op, 'r1', () => Promise.reject(new Failure('permission_denied'))).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ kind: 'permission_denied' });
    expect(operationOf(err as never)).toBe(op);
    expect(clock.sleeps).toEqual([]);
  });

  it('leaves retries to the SDK when the adapter says so', async () => {
    const { d, metrics } = deps({ retries: 'sdk' });
    const call = createCall(d);
    await expect(
      call(op, 'r1', () => Promise.reject(new Failure('throttled'))),
    ).rejects.toMatchObject({
      kind: 'throttled',
    });
    expect(metrics.calls.get('svc:List')).toBe(1);
  });

  it('stops retrying when the run budget is spent', async () => {
    const { d, metrics } = deps({ budget: new RetryBudget(1) });
    const call = createCall(d);
    await expect(
      call(op, 'r1', () => Promise.reject(new Failure('network'))),
    ).rejects.toMatchObject({
      kind: 'network',
    });
    expect(metrics.calls.get('svc:List')).toBe(2);
  });

  it('gives each attempt a per-request timeout signal', async () => {
    const { d } = deps({
      requestTimeoutMs: 20,
      retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 },
    });
    const call = createCall({
      ...d,
      classify: (e) =>
        e instanceof DOMException && e.name === 'TimeoutError'
          ? errorOfKind('network', 'request timed out')
          : errorOfKind('provider_error', 'x'),
    });
    const hang = (signal: AbortSignal) =>
      new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => {
          reject(signal.reason as Error);
        });
      });
    await expect(call(op, 'r1', hang)).rejects.toMatchObject({ kind: 'network' });
  });

  it('turns an abort of the run into an aborted error without retrying', async () => {
    const controller = new AbortController();
    const { d, metrics } = deps({ signal: controller.signal });
    const call = createCall(d);
    const p = call(op, 'r1', (signal) => {
      controller.abort();
      return Promise.reject(signal.reason as Error);
    });
    await expect(p).rejects.toMatchObject({ kind: 'aborted' });
    expect(metrics.calls.get('svc:List')).toBe(1);
  });
});
