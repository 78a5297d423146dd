import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { errorOfKind } from '../errors/errors.js';
import { silentLogger } from '../log/logger.js';
import type { Operation, RateLimit } from '../providers/types.js';
import { fakeClock } from '../transport/clock.js';
import { DEFAULT_RETRY_POLICY, RetryBudget } from '../transport/retry.js';
import { createCall } from './call.js';
import { createMetrics } from './metrics.js';
import { RateLimiter } from './rate-limit.js';

const LIMITS: RateLimit[] = [
  { service: 'ec2', bucket: 'region', perSecond: 10, burst: 2 },
  {
    service: 'elb',
    actions: ['DescribeListeners'],
    bucket: 'region-operation',
    perSecond: 5,
    burst: 1,
  },
];

const ec2 = (action: string) => ({ service: 'ec2', action });

describe('sync/rate-limit', () => {
  it('lets a burst through, then spaces requests at the refill rate', () => {
    const limiter = new RateLimiter(LIMITS, fakeClock());
    const waits = [1, 2, 3, 4].map(() => limiter.reserve(ec2('DescribeVpcs'), 'r1'));
    expect(waits).toEqual([0, 0, 100, 200]);
  });

  it('refills with time, never above the burst', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(LIMITS, clock);
    expect(limiter.reserve(ec2('DescribeVpcs'), 'r1')).toBe(0);
    expect(limiter.reserve(ec2('DescribeVpcs'), 'r1')).toBe(0);
    void clock.sleep(10_000);
    expect([1, 2, 3].map(() => limiter.reserve(ec2('DescribeVpcs'), 'r1'))).toEqual([0, 0, 100]);
  });

  it('shares a region bucket across operations, and keeps regions apart', () => {
    const limiter = new RateLimiter(LIMITS, fakeClock());
    expect(limiter.reserve(ec2('DescribeVpcs'), 'r1')).toBe(0);
    expect(limiter.reserve(ec2('DescribeSubnets'), 'r1')).toBe(0);
    expect(limiter.reserve(ec2('DescribeInstances'), 'r1')).toBe(100);
    expect(limiter.reserve(ec2('DescribeInstances'), 'r2')).toBe(0);
  });

  it('keeps one bucket per operation for region-operation limits, and ignores unlisted actions', () => {
    const limiter = new RateLimiter(LIMITS, fakeClock());
    const listeners = { service: 'elb', action: 'DescribeListeners' };
    expect([1, 2].map(() => limiter.reserve(listeners, 'r1'))).toEqual([0, 200]);
    expect(limiter.keyOf({ service: 'elb', action: 'DescribeTargetHealth' }, 'r1')).toBeUndefined();
    expect(limiter.reserve({ service: 'elb', action: 'DescribeTargetHealth' }, 'r1')).toBe(0);
  });

  it('makes the call wrapper wait before sending, not after a throttle', async () => {
    const clock = fakeClock();
    const op: Operation = {
      service: 'ec2',
      action: 'DescribeVpcs',
      required: true,
      permission: 'x',
    };
    const call = createCall({
      retries: 'ours',
      classify: () => errorOfKind('provider_error', 'x'),
      limiter: pLimit(8),
      metrics: createMetrics(),
      clock,
      retry: DEFAULT_RETRY_POLICY,
      budget: new RetryBudget(10),
      requestTimeoutMs: 1000,
      signal: new AbortController().signal,
      log: silentLogger,
      rateLimiter: new RateLimiter(LIMITS, clock),
    });
    const sentAt: number[] = [];
    for (let i = 0; i < 4; i++) {
      await call(op, 'r1', () => {
        sentAt.push(clock.now());
        return Promise.resolve(i);
      });
    }
    expect(clock.sleeps).toEqual([100, 100]);
    expect(sentAt.map((t) => t - (sentAt[0] ?? 0))).toEqual([0, 0, 100, 200]);
  });
});
