import type { LimitFunction } from 'p-limit';
import { AbortedError, DeepflowCloudError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import type { ApiMetrics, CallFn, Operation } from '../providers/types.js';
import { operationName } from '../providers/types.js';
import type { Clock } from '../transport/clock.js';
import { withDeadline } from '../transport/deadline.js';
import type { RetryBudget, RetryPolicy } from '../transport/retry.js';
import { backoffDelay } from '../transport/retry.js';
import type { RateLimiter } from './rate-limit.js';

/** The operation whose failure produced an error (so the scheduler knows whether it was required). */
const failedOperation = new WeakMap<DeepflowCloudError, Operation>();

export function operationOf(err: DeepflowCloudError): Operation | undefined {
  return failedOperation.get(err);
}

export interface CallDeps {
  readonly retries: 'sdk' | 'ours';
  readonly classify: (err: unknown, op: Operation, region: string) => DeepflowCloudError;
  /** Bounds in-flight requests of the account. */
  readonly limiter: LimitFunction;
  readonly metrics: ApiMetrics;
  readonly clock: Clock;
  readonly retry: RetryPolicy;
  readonly budget: RetryBudget;
  readonly requestTimeoutMs: number;
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** Paces requests by the provider's published rate limits (each attempt waits for its token first). */
  readonly rateLimiter?: RateLimiter;
  /** Bounds in-flight requests of `bulky` operations (inside the account's limit). */
  readonly bulkyLimiter?: LimitFunction;
}

/**
 * The wrapper around every API request: the account's request limit, a per-attempt timeout, call counts,
 * classification into our typed errors, and — for providers whose SDK does not retry — the one retry layer
 * (full-jitter backoff, Retry-After, the run's retry budget).
 */
export function createCall(deps: CallDeps): CallFn {
  return async <T>(op: Operation, region: string, fn: (signal: AbortSignal) => Promise<T>) => {
    const name = operationName(op);
    // A function, not a property read, because the signal changes under us while awaiting.
    const aborted = (): boolean => deps.signal.aborted;
    for (let attempt = 1; ; attempt++) {
      if (aborted()) throw new AbortedError('interrupted', { operation: name, region });
      try {
        // The token is waited for outside the in-flight limit, so waiting never holds a request slot.
        if (deps.rateLimiter !== undefined) await deps.rateLimiter.acquire(op, region, deps.signal);
        // Every queue a request leaves (token bucket, bulky limit, account limit) is a point where the run may
        // have been aborted meanwhile: a request that has not started by then must not start at all.
        const send = (): Promise<T> => {
          if (aborted()) throw new AbortedError('interrupted', { operation: name, region });
          return deps.limiter(() => {
            if (aborted()) throw new AbortedError('interrupted', { operation: name, region });
            deps.metrics.countCall(name);
            // The SDKs that retry themselves get a per-attempt timeout in their own client config; ours is a
            // deadline the attempt cannot outlive, even if the SDK loses the signal (src/transport/deadline.ts).
            return deps.retries === 'ours'
              ? withDeadline(deps.signal, deps.requestTimeoutMs, fn)
              : fn(deps.signal);
          });
        };
        return await (op.bulky === true && deps.bulkyLimiter !== undefined
          ? deps.bulkyLimiter(send)
          : send());
      } catch (e) {
        if (aborted()) throw new AbortedError('interrupted', { operation: name, region });
        const err = e instanceof DeepflowCloudError ? e : deps.classify(e, op, region);
        if (!failedOperation.has(err)) failedOperation.set(err, op);
        const again =
          deps.retries === 'ours' &&
          err.retryable &&
          attempt < deps.retry.maxAttempts &&
          deps.budget.take();
        if (!again) throw err;
        deps.metrics.countRetry(name);
        const delay = backoffDelay(
          deps.retry,
          attempt,
          err.kind === 'throttled',
          deps.clock,
          err.retryAfterMs,
        );
        deps.log.debug('retrying', {
          operation: name,
          region,
          attempt,
          delay_ms: delay,
          error_kind: err.kind,
        });
        await deps.clock.sleep(delay, deps.signal).catch(() => undefined);
      }
    }
  };
}
