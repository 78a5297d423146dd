import { describe, expect, it } from 'vitest';
import { TruncatedError } from '../../errors/errors.js';
import { silentLogger } from '../../log/logger.js';
import { fakeClock } from '../../transport/clock.js';
import { DEFAULT_RETRY_POLICY, RetryBudget } from '../../transport/retry.js';
import type { AccountContext, ApiMetrics, CallFn, Operation } from '../types.js';
import { awsCall, createRetryStrategy, endpointFor, paginate } from './client.js';

const OP: Operation = {
  service: 'ec2',
  action: 'DescribeVpcs',
  required: true,
  permission: 'ec2:DescribeVpcs',
};

function fakeMetrics(): ApiMetrics {
  const calls = new Map<string, number>();
  const retries = new Map<string, number>();
  return {
    calls,
    retries,
    countCall: (op) => calls.set(op, (calls.get(op) ?? 0) + 1),
    countRetry: (op) => retries.set(op, (retries.get(op) ?? 0) + 1),
  };
}

/** An account context whose call wrapper just runs the request and counts it. */
function fakeContext(budget = 100) {
  const clock = fakeClock();
  const metrics = fakeMetrics();
  const call: CallFn = (op, _region, fn) => {
    metrics.countCall(`${op.service}:${op.action}`);
    return fn(new AbortController().signal);
  };
  const ctx: AccountContext = {
    provider: 'aws',
    account: 'prod',
    endpoints: {},
    options: {},
    requestTimeoutMs: 1000,
    retry: DEFAULT_RETRY_POLICY,
    budget: new RetryBudget(budget),
    clock,
    log: silentLogger,
    signal: new AbortController().signal,
    metrics,
    call,
  };
  return { ctx, clock, metrics };
}

interface Page {
  items: string[];
  next?: string;
}

async function collect(ctx: AccountContext, pages: Record<string, Page>, maxPages?: number) {
  const tokens: (string | undefined)[] = [];
  const items: string[] = [];
  const gen = paginate(
    ctx,
    OP,
    'us-east-1',
    (token) => {
      tokens.push(token);
      const page = pages[token ?? 'first'];
      return page ? Promise.resolve(page) : Promise.reject(new Error(`no page ${token ?? ''}`));
    },
    (page) => page.next,
    maxPages,
  );
  for await (const page of gen) items.push(...page.items);
  return { tokens, items };
}

describe('aws/paginate', () => {
  it('requests one page at a time until the token is absent', async () => {
    const { ctx, metrics } = fakeContext();
    const out = await collect(ctx, {
      first: { items: ['a', 'b'], next: 't2' },
      t2: { items: ['c'], next: 't3' },
      t3: { items: ['d'] },
    });
    expect(out).toEqual({ tokens: [undefined, 't2', 't3'], items: ['a', 'b', 'c', 'd'] });
    expect(metrics.calls.get('ec2:DescribeVpcs')).toBe(3);
  });

  it('stops on an empty token', async () => {
    const { ctx } = fakeContext();
    const out = await collect(ctx, { first: { items: ['a'], next: '' } });
    expect(out.tokens).toEqual([undefined]);
  });

  it('throws TruncatedError when a token repeats', async () => {
    const { ctx } = fakeContext();
    const run = collect(ctx, {
      first: { items: ['a'], next: 't2' },
      t2: { items: ['b'], next: 't3' },
      t3: { items: ['c'], next: 't2' },
    });
    await expect(run).rejects.toBeInstanceOf(TruncatedError);
    await expect(run).rejects.toMatchObject({
      kind: 'truncated',
      message: 'pagination did not terminate: token repeated',
      operation: 'ec2:DescribeVpcs',
      region: 'us-east-1',
    });
  });

  it('throws TruncatedError when a page returns its own token', async () => {
    const { ctx } = fakeContext();
    const run = collect(ctx, {
      first: { items: [], next: 'same' },
      same: { items: [], next: 'same' },
    });
    await expect(run).rejects.toMatchObject({ kind: 'truncated' });
  });

  it('throws TruncatedError after the page cap', async () => {
    const { ctx } = fakeContext();
    const pages: Record<string, Page> = { first: { items: ['0'], next: 't1' } };
    for (let i = 1; i < 10; i++) pages[`t${i}`] = { items: [String(i)], next: `t${i + 1}` };
    await expect(collect(ctx, pages, 5)).rejects.toMatchObject({
      kind: 'truncated',
      message: 'pagination did not terminate: more than 5 pages',
    });
  });
});

function sdkError(name: string, status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(name), {
    name,
    $metadata: { httpStatusCode: status },
    $response: { statusCode: status, headers },
  });
}

type Strategy = ReturnType<typeof createRetryStrategy>;
type ErrorInfo = Parameters<Strategy['refreshRetryTokenForRetry']>[1];

function info(error: unknown, errorType: ErrorInfo['errorType'] = 'CLIENT_ERROR'): ErrorInfo {
  return { error: error as NonNullable<ErrorInfo['error']>, errorType };
}

describe('aws/retry strategy', () => {
  it('retries throttling with the throttle backoff on our clock, counting per operation', async () => {
    const { ctx, clock, metrics } = fakeContext();
    const strategy = createRetryStrategy(ctx);
    // The token remembers the operation of the request it was acquired for.
    const first = await awsCall(ctx, OP, 'us-east-1', () => strategy.acquireInitialRetryToken(''));
    const second = await strategy.refreshRetryTokenForRetry(
      first,
      info(sdkError('RequestLimitExceeded', 503), 'THROTTLING'),
    );
    const third = await strategy.refreshRetryTokenForRetry(
      second,
      info(sdkError('Throttling', 400), 'THROTTLING'),
    );
    expect([first, second, third].map((t) => t.getRetryCount())).toEqual([0, 1, 2]);
    expect(third.getRetryDelay()).toBe(0);
    expect(metrics.retries.get('ec2:DescribeVpcs')).toBe(2);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(500);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(1000);
    // maxAttempts = 3: a third failure is final.
    await expect(
      strategy.refreshRetryTokenForRetry(third, info(sdkError('Throttling', 400), 'THROTTLING')),
    ).rejects.toThrow();
    expect(ctx.budget.used).toBe(2);
  });

  it('retries 5xx and network failures with the base backoff', async () => {
    const { ctx, clock } = fakeContext();
    const strategy = createRetryStrategy(ctx);
    const token = await strategy.acquireInitialRetryToken('');
    await strategy.refreshRetryTokenForRetry(token, info(sdkError('InternalError', 500)));
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    await strategy.refreshRetryTokenForRetry(token, info(reset, 'TRANSIENT'));
    expect(clock.sleeps.every((ms) => ms <= 100)).toBe(true);
  });

  it('does not retry permission, auth or client errors', async () => {
    const { ctx, metrics } = fakeContext();
    const strategy = createRetryStrategy(ctx);
    const token = await strategy.acquireInitialRetryToken('');
    for (const name of ['UnauthorizedOperation', 'AuthFailure', 'InvalidParameterValue']) {
      await expect(
        strategy.refreshRetryTokenForRetry(token, info(sdkError(name, 400))),
      ).rejects.toThrow();
    }
    expect(metrics.retries.size).toBe(0);
  });

  it('honours Retry-After when it is longer than the backoff', async () => {
    const { ctx, clock } = fakeContext();
    const strategy = createRetryStrategy(ctx);
    const token = await strategy.acquireInitialRetryToken('');
    await strategy.refreshRetryTokenForRetry(
      token,
      info(sdkError('TooManyRequestsException', 429, { 'retry-after': '3' }), 'THROTTLING'),
    );
    expect(clock.sleeps).toEqual([3000]);
  });

  it('honours the SDK’s retry-after hint against the injected clock', async () => {
    const { ctx, clock } = fakeContext();
    const strategy = createRetryStrategy(ctx);
    const token = await strategy.acquireInitialRetryToken('');
    await strategy.refreshRetryTokenForRetry(token, {
      ...info(sdkError('Throttling', 400), 'THROTTLING'),
      retryAfterHint: new Date(clock.now() + 4000),
    });
    expect(clock.sleeps).toEqual([4000]);
  });

  it('stops retrying when the run’s retry budget is spent', async () => {
    const { ctx } = fakeContext(1);
    const strategy = createRetryStrategy(ctx);
    const token = await strategy.acquireInitialRetryToken('');
    await strategy.refreshRetryTokenForRetry(token, info(sdkError('Throttling', 400)));
    await expect(
      strategy.refreshRetryTokenForRetry(token, info(sdkError('Throttling', 400))),
    ).rejects.toThrow();
  });
});

describe('aws/endpoints', () => {
  it('substitutes the region into an endpoint override', () => {
    const endpoints = { ec2: 'http://127.0.0.1:4566/{region}/ec2', sts: 'https://sts.example' };
    expect(endpointFor(endpoints, 'ec2', 'eu-west-1')).toBe('http://127.0.0.1:4566/eu-west-1/ec2');
    expect(endpointFor(endpoints, 'sts', 'eu-west-1')).toBe('https://sts.example');
    expect(endpointFor(endpoints, 'rds', 'eu-west-1')).toBeUndefined();
  });
});
