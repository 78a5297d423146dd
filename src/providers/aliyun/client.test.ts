import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TruncatedError } from '../../errors/errors.js';
import { silentLogger } from '../../log/logger.js';
import { fakeClock } from '../../transport/clock.js';
import { DEFAULT_RETRY_POLICY, RetryBudget } from '../../transport/retry.js';
import type { AccountContext, ApiMetrics, CallFn } from '../types.js';
import type { PageSpec } from './client.js';
import {
  AliyunClients,
  aliyunRequest,
  endpointFor,
  listByPageNumber,
  pagesByToken,
  raceAbort,
} from './client.js';
import { aliyunOperation } from './common.js';
import { classifyError } from './errors.js';

const OP = aliyunOperation('vpc', 'DescribeVpcs', true);

interface Reply {
  status?: number;
  body: unknown;
}

/** A local HTTP server answering pop-core's form-encoded POSTs; `answer` sees the parsed parameters. */
async function serve(answer: (params: URLSearchParams) => Reply | Promise<Reply>) {
  const requests: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      requests.push(params);
      void Promise.resolve(answer(params)).then((reply) => {
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { endpoint: `http://127.0.0.1:${port}`, requests };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

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

/** An account context whose call wrapper runs the request once and classifies a failure. */
function context(endpoint: string): { ctx: AccountContext; clients: AliyunClients } {
  const call: CallFn = async (op, region, fn) => {
    try {
      return await fn(new AbortController().signal);
    } catch (e) {
      throw classifyError(e, op, region);
    }
  };
  const ctx: AccountContext = {
    provider: 'aliyun',
    account: 'prod',
    endpoints: { vpc: endpoint, ecs: endpoint },
    options: {},
    requestTimeoutMs: 2000,
    retry: DEFAULT_RETRY_POLICY,
    budget: new RetryBudget(10),
    clock: fakeClock(),
    log: silentLogger,
    signal: new AbortController().signal,
    metrics: fakeMetrics(),
    call,
  };
  return {
    ctx,
    clients: new AliyunClients(ctx, { accessKeyId: 'AKIDEXAMPLE', accessKeySecret: 'sekrit' }),
  };
}

interface Page {
  TotalCount?: number;
  Vpcs?: { Vpc?: { VpcId?: string }[] };
}
const SPEC: PageSpec<Page, { VpcId?: string }> = {
  pageSize: 2,
  items: (p) => p.Vpcs?.Vpc,
  idOf: (v) => v.VpcId,
};

function page(total: number, ids: string[]): Reply {
  return {
    body: { RequestId: 'r', TotalCount: total, Vpcs: { Vpc: ids.map((VpcId) => ({ VpcId })) } },
  };
}

async function drain<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe('aliyun client', () => {
  it('defaults to regional endpoints, central ones for CEN, and substitutes {region} in overrides', () => {
    expect(endpointFor({}, 'ecs', 'cn-guangzhou')).toBe('https://ecs.cn-guangzhou.aliyuncs.com');
    expect(endpointFor({}, 'cbn', 'cn-guangzhou')).toBe('https://cbn.aliyuncs.com');
    expect(endpointFor({ vpc: 'http://127.0.0.1:1/{region}/vpc' }, 'vpc', 'cn-beijing')).toBe(
      'http://127.0.0.1:1/cn-beijing/vpc',
    );
  });

  it('reads TotalCount from page 1, then asks pages 2..n concurrently with the max page size', async () => {
    const waiting: (() => void)[] = [];
    const { endpoint, requests } = await serve((p) => {
      const n = Number(p.get('PageNumber'));
      if (n === 1) return page(5, ['vpc-1', 'vpc-2']);
      // Pages 2 and 3 are only answered once both have arrived: they must be in flight together.
      return new Promise<Reply>((resolve) => {
        waiting.push(() => {
          resolve(n === 2 ? page(5, ['vpc-3', 'vpc-4']) : page(5, ['vpc-5']));
        });
        if (waiting.length === 2) {
          for (const go of waiting) go();
        }
      });
    });
    const { ctx, clients } = context(endpoint);
    const items = await drain(
      listByPageNumber(ctx, clients, OP, 'cn-hangzhou', { RegionId: 'cn-hangzhou' }, SPEC),
    );
    expect(items.map((v) => v.VpcId)).toEqual(['vpc-1', 'vpc-2', 'vpc-3', 'vpc-4', 'vpc-5']);
    expect(requests.map((r) => [r.get('Action'), r.get('PageSize'), r.get('RegionId')])).toEqual([
      ['DescribeVpcs', '2', 'cn-hangzhou'],
      ['DescribeVpcs', '2', 'cn-hangzhou'],
      ['DescribeVpcs', '2', 'cn-hangzhou'],
    ]);
    expect(requests[0]?.get('Version')).toBe('2016-04-28');
  });

  it('fails with TruncatedError when a page repeats items', async () => {
    const { endpoint } = await serve(() => page(4, ['vpc-1', 'vpc-2']));
    const { ctx, clients } = context(endpoint);
    await expect(
      drain(listByPageNumber(ctx, clients, OP, 'cn-hangzhou', {}, SPEC)),
    ).rejects.toThrow(TruncatedError);
  });

  it('fails with TruncatedError when the pages do not add up to TotalCount', async () => {
    const { endpoint } = await serve((p) =>
      p.get('PageNumber') === '1' ? page(4, ['vpc-1', 'vpc-2']) : page(4, []),
    );
    const { ctx, clients } = context(endpoint);
    await expect(
      drain(listByPageNumber(ctx, clients, OP, 'cn-hangzhou', {}, SPEC)),
    ).rejects.toThrow(/listed 2 items but TotalCount is 4/);
  });

  it('does not believe a TotalCount that never ends', async () => {
    const { endpoint, requests } = await serve(() => page(1e9, ['vpc-1', 'vpc-2']));
    const { ctx, clients } = context(endpoint);
    await expect(
      drain(listByPageNumber(ctx, clients, OP, 'cn-hangzhou', {}, SPEC)),
    ).rejects.toThrow(TruncatedError);
    expect(requests).toHaveLength(1);
  });

  it('follows NextToken and stops with TruncatedError when a token repeats', async () => {
    const { endpoint, requests } = await serve((p) => ({
      body: { RequestId: 'r', NextToken: p.get('NextToken') === null ? 'a' : 'a' },
    }));
    const { ctx, clients } = context(endpoint);
    const eni = aliyunOperation('ecs', 'DescribeNetworkInterfaces', true);
    await expect(drain(pagesByToken(ctx, clients, eni, 'cn-hangzhou', {}, 500))).rejects.toThrow(
      /token repeated/,
    );
    expect(requests.map((r) => [r.get('MaxResults'), r.get('NextToken')])).toEqual([
      ['500', null],
      ['500', 'a'],
    ]);
  });

  it('classifies an error body whatever the HTTP status (pop-core ignores it)', async () => {
    const { endpoint } = await serve(() => ({
      status: 400,
      body: {
        RequestId: 'req-1',
        Code: 'Throttling.User',
        Message: 'Request was denied due to user flow control.',
      },
    }));
    const { ctx, clients } = context(endpoint);
    const err = await aliyunRequest(ctx, clients, OP, 'cn-hangzhou', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({
      kind: 'throttled',
      providerCode: 'Throttling.User',
      requestId: 'req-1',
      httpStatus: 400,
      operation: 'vpc:DescribeVpcs',
    });
    expect((err as Error).message).not.toContain('URL');
  });

  it('rejects with the signal reason when the signal aborts first (a per-attempt timeout is a network error)', async () => {
    const never = new Promise<never>(() => undefined);
    const err = await raceAbort(never, AbortSignal.timeout(5)).catch((e: unknown) => e);
    expect(classifyError(err, OP, 'cn-hangzhou').kind).toBe('network');
  });
});
