import { createRequire } from 'node:module';
import type ServiceModule from '@volcengine/openapi/lib/base/service.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../harness.js';
import { startEmulator } from '../index.js';

// The real SDK is the client here; the emulator itself never imports its signer.
const Service = (
  createRequire(import.meta.url)('@volcengine/openapi/lib/base/service.js') as {
    default: typeof ServiceModule.default;
  }
).default;

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

function client(e: RunningEmulator, service: string, secretKey = e.credentials.secretAccessKey) {
  const url = new URL(e.url);
  return new Service({
    serviceName: service,
    region: 'cn-beijing',
    host: url.host,
    protocol: url.protocol,
    accessKeyId: e.credentials.accessKeyId,
    secretKey,
  });
}

describe('volcengine emulator server', () => {
  it('answers a signed POST form with the envelope, echoing action, version, service and region', async () => {
    em = await startEmulator('volcengine', { scale: 'tiny' });
    const api = client(em, 'vpc').createUrlEncodeAPI('DescribeSecurityGroups', {
      Version: '2020-04-01',
    });
    const out = (await api({ PageNumber: 1, PageSize: 2 })) as unknown as {
      ResponseMetadata: Record<string, unknown>;
      Result: { TotalCount: number; SecurityGroups: unknown[] };
    };
    expect(out.ResponseMetadata).toMatchObject({
      Action: 'DescribeSecurityGroups',
      Version: '2020-04-01',
      Service: 'vpc',
      Region: 'cn-beijing',
    });
    expect(out.Result.SecurityGroups).toHaveLength(2);
    expect(out.Result.TotalCount).toBeGreaterThan(2);
    expect(em.requests[0]?.params).toMatchObject({ PageNumber: '1', PageSize: '2' });
  });

  it('returns errors in ResponseMetadata.Error: bad signature, unknown action, page size too big', async () => {
    em = await startEmulator('volcengine', { scale: 'tiny' });
    const bad = await client(em, 'ecs', 'wrong-secret').createAPI('DescribeZones', {
      Version: '2020-04-01',
    })({});
    expect(bad.ResponseMetadata.Error?.Code).toBe('SignatureDoesNotMatch');
    const unknown = await client(em, 'ecs').createAPI('DescribeNothing', {
      Version: '2020-04-01',
    })({});
    expect(unknown.ResponseMetadata.Error?.Code).toBe('InvalidActionOrVersion');
    const big = await client(em, 'vpc').createAPI('DescribeEipAddresses', {
      Version: '2020-04-01',
    })({ PageSize: 101 });
    expect(big.ResponseMetadata.Error?.Code).toBe('InvalidParameter');
    expect(em.requests.map((r) => r.status)).toEqual([401, 404, 400]);
  });
});
