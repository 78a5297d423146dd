import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { fakeClock } from '../../transport/clock.js';
import { DEFAULT_RETRY_POLICY, RetryBudget } from '../../transport/retry.js';
import type { AccountContext, CallFn, ProbeContext } from '../types.js';
import type { AliyunSession } from './client.js';
import { AliyunClients } from './client.js';
import { aliyunOperation } from './common.js';
import { classifyError } from './errors.js';
import { aliyunProbes, isNotFoundCode } from './probes.js';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A local endpoint answering each action with a fixed status and body. */
async function serve(answers: Record<string, [number, unknown]>) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      const action = params.get('Action') ?? '';
      seen.push(`${action}:${params.get('LoadBalancerId') ?? ''}`);
      const [status, reply] = answers[action] ?? [500, { Code: 'InternalError' }];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ RequestId: 'r', ...(reply as object) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function probeContext(endpoint: string): ProbeContext<AliyunSession> {
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
    endpoints: { slb: endpoint },
    options: {},
    requestTimeoutMs: 2000,
    retry: DEFAULT_RETRY_POLICY,
    budget: new RetryBudget(10),
    clock: fakeClock(),
    log: silentLogger,
    signal: new AbortController().signal,
    metrics: {
      calls: new Map(),
      retries: new Map(),
      countCall: () => undefined,
      countRetry: () => undefined,
    },
    call,
  };
  const session: AliyunSession = {
    defaultRegion: 'cn-hangzhou',
    accountId: '1234567890123456',
    clients: new AliyunClients(ctx, { accessKeyId: 'AKIDEXAMPLE', accessKeySecret: 'sekrit' }),
    regions: [],
    instanceGroups: {},
  };
  return { ...ctx, session, region: 'cn-hangzhou' };
}

const ATTRIBUTE = aliyunOperation('slb', 'DescribeLoadBalancerAttribute', false);

describe('aliyun check probes', () => {
  it('proves a per-item permission with a placeholder id when the region has no item', async () => {
    const { endpoint, seen } = await serve({
      DescribeLoadBalancers: [200, { TotalCount: 0, LoadBalancers: { LoadBalancer: [] } }],
      DescribeLoadBalancerAttribute: [
        404,
        {
          Code: 'InvalidLoadBalancerId.NotFound',
          Message: 'The specified load balancer does not exist.',
        },
      ],
    });
    const probe = aliyunProbes['slb:DescribeLoadBalancerAttribute'];
    await expect(probe?.run(probeContext(endpoint), ATTRIBUTE)).resolves.toEqual({
      via: 'placeholder',
      code: 'InvalidLoadBalancerId.NotFound',
    });
    expect(seen).toEqual([
      'DescribeLoadBalancers:',
      'DescribeLoadBalancerAttribute:deepflow-cloud-check',
    ]);
  });

  it('uses a real item when there is one, and lets a RAM denial through', async () => {
    const { endpoint, seen } = await serve({
      DescribeLoadBalancers: [
        200,
        { TotalCount: 1, LoadBalancers: { LoadBalancer: [{ LoadBalancerId: 'lb-1' }] } },
      ],
      DescribeLoadBalancerAttribute: [403, { Code: 'Forbidden.RAM', Message: 'denied' }],
    });
    const probe = aliyunProbes['slb:DescribeLoadBalancerAttribute'];
    await expect(probe?.run(probeContext(endpoint), ATTRIBUTE)).rejects.toMatchObject({
      kind: 'permission_denied',
      providerCode: 'Forbidden.RAM',
    });
    expect(seen).toContain('DescribeLoadBalancerAttribute:lb-1');
  });

  it.each([
    ['InvalidLoadBalancerId.NotFound', true],
    ['InvalidRouteTableId.NotExist', true],
    ['Forbidden.RAM', false],
    [undefined, false],
  ])('not-found code %s → %s', (code, expected) => {
    expect(isNotFoundCode(code)).toBe(expected);
  });
});
