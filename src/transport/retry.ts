import type { Clock } from './clock.js';

/** The retry policy of the one retry layer (STYLE §8). */
export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** Base delay for transient errors, ms. */
  baseDelayMs: number;
  /** Base delay when throttled, ms. */
  throttleBaseDelayMs: number;
  /** Upper bound of any single delay, ms. */
  maxDelayMs: number;
  /** Retries allowed across the whole run (the retry budget). */
  budget: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 100,
  throttleBaseDelayMs: 500,
  maxDelayMs: 20_000,
  budget: 500,
};

/**
 * Full-jitter exponential backoff: random in [0, min(cap, base·2^(attempt-1))], where `attempt` is the
 * attempt that just failed (1-based). A server's Retry-After wins when it is larger.
 */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  throttled: boolean,
  clock: Clock,
  retryAfterMs?: number,
): number {
  const base = throttled ? policy.throttleBaseDelayMs : policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(clock.random() * ceiling);
  return retryAfterMs !== undefined
    ? Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs))
    : jittered;
}

/** A per-run budget of retries shared by every request, so an outage does not multiply traffic. */
export class RetryBudget {
  #left: number;
  #used = 0;
  constructor(total: number) {
    this.#left = total;
  }
  /** Takes one retry from the budget; false when it is spent. */
  take(): boolean {
    if (this.#left <= 0) return false;
    this.#left -= 1;
    this.#used += 1;
    return true;
  }
  get used(): number {
    return this.#used;
  }
}
