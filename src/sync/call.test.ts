import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { errorOfKind } from '../errors/errors.js';
import type { ErrorKind } from '../model/index.js';
import { silentLogger } from '../log/logger.js';
import type { Operation } from '../providers/types.js';
import { fakeClock, systemClock } from '../transport/clock.js';
import { DEFAULT_RETRY_POLICY, RetryBudget } from '../transport/retry.js';
import type { CallDeps } from './call.js';
import { createCall, operationOf } from './call.js';
import { createMetrics } from './metrics.js';
import { RateLimiter } from './rate-limit.js';

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

  describe('after an abort, no queued request starts', () => {
    /** A request that stays in flight until released, counting how many were started. */
    function gate() {
      const started: string[] = [];
      let release = (): void => undefined;
      const released = new Promise<void>((r) => (release = r));
      const fn = (name: string) => async (): Promise<string> => {
        started.push(name);
        await released;
        return name;
      };
      return { started, release, fn };
    }

    it.each([
      ['the account limit', { limiter: pLimit(1) }, op],
      ['the bulky limit', { limiter: pLimit(8), bulkyLimiter: pLimit(1) }, { ...op, bulky: true }],
    ] as const)('in %s', async (_name, limits, operation) => {
      const controller = new AbortController();
      const { d, metrics } = deps({ signal: controller.signal, ...limits });
      const call = createCall(d);
      const g = gate();
      const first = call(operation, 'r1', g.fn('first'));
      const queued = [call(operation, 'r1', g.fn('second')), call(operation, 'r1', g.fn('third'))];
      await new Promise((r) => setTimeout(r, 0));
      expect(g.started).toEqual(['first']);
      controller.abort();
      g.release();
      // The one in flight ends with the abort although its SDK did not listen to the signal (the deadline of
      // src/transport/deadline.ts races it); the queued ones never start.
      await expect(first).rejects.toMatchObject({ kind: 'aborted' });
      for (const q of queued) await expect(q).rejects.toMatchObject({ kind: 'aborted' });
      expect(g.started).toEqual(['first']);
      expect(metrics.calls.get('svc:List')).toBe(1);
    });

    it('in the rate limiter: the wait for a token ends with the abort', async () => {
      const controller = new AbortController();
      const limited: Operation = { ...op, service: 'ec2' };
      const rateLimiter = new RateLimiter(
        [{ service: 'ec2', bucket: 'region', perSecond: 0.01, burst: 1 }],
        systemClock,
      );
      const { d, metrics } = deps({ signal: controller.signal, clock: systemClock, rateLimiter });
      const call = createCall(d);
      const g = gate();
      g.release();
      await expect(call(limited, 'r1', g.fn('first'))).resolves.toBe('first');
      // The next token is 100 s away: the abort must end the wait, not the token.
      const started = Date.now();
      const waiting = call(limited, 'r1', g.fn('second'));
      setTimeout(() => {
        controller.abort();
      }, 20);
      await expect(waiting).rejects.toMatchObject({ kind: 'aborted' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(g.started).toEqual(['first']);
      expect(metrics.calls.get('svc:List')).toBeUndefined();
      expect(metrics.calls.get('ec2:List')).toBe(1);
    });
  });
});
