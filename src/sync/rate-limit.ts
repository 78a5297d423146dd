import type { Operation, RateLimit } from '../providers/types.js';
import { rateLimitOf } from '../providers/types.js';
import type { Clock } from '../transport/clock.js';

interface Bucket {
  /** Tokens left; negative when requests have reserved tokens not refilled yet. */
  tokens: number;
  /** When `tokens` was last brought up to date (clock ms). */
  at: number;
}

/**
 * Client-side token buckets that follow a provider's published rate limits (DESIGN §10): a request waits for
 * its token before it is sent, so the provider never has to throttle us. A request that finds the bucket empty
 * reserves the next token (the balance goes negative) and sleeps until that token is refilled, so concurrent
 * waiters are served in arrival order without polling.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #limits: readonly RateLimit[];
  readonly #buckets = new Map<string, Bucket>();

  constructor(limits: readonly RateLimit[], clock: Clock) {
    this.#limits = limits;
    this.#clock = clock;
  }

  /** The bucket key of an operation in a region, or undefined when no published limit applies. */
  keyOf(op: Pick<Operation, 'service' | 'action'>, region: string): string | undefined {
    const limit = rateLimitOf(this.#limits, op);
    if (limit === undefined) return undefined;
    const scope = limit.bucket === 'region' ? limit.service : `${op.service}:${op.action}`;
    return `${region}\u0000${scope}`;
  }

  /**
   * Milliseconds to wait before sending `op` in `region` (0 when a token is there); the token is taken now.
   * Pure bookkeeping on the clock: the caller sleeps.
   */
  reserve(op: Pick<Operation, 'service' | 'action'>, region: string): number {
    const limit = rateLimitOf(this.#limits, op);
    const key = this.keyOf(op, region);
    if (limit === undefined || key === undefined || limit.perSecond <= 0) return 0;
    const now = this.#clock.now();
    const b = this.#buckets.get(key) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
    this.#buckets.set(key, b);
    b.tokens -= 1;
    return b.tokens >= 0 ? 0 : Math.ceil((-b.tokens / limit.perSecond) * 1000);
  }

  /** Waits for a token of `op` in `region`. */
  async acquire(
    op: Pick<Operation, 'service' | 'action'>,
    region: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const wait = this.reserve(op, region);
    if (wait > 0) await this.#clock.sleep(wait, signal);
  }
}
