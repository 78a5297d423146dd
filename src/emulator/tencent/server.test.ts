import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../index.js';
import type { RunningEmulator } from '../harness.js';
import { tc3Signature } from './verifier.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

/** A hand-signed API 3.0 request with the real host name (the SDK's own path is in the integration test). */
function call(
  e: RunningEmulator,
  service: string,
  action: string,
  version: string,
  body: unknown,
  opts: { region?: string; secretKey?: string } = {},
): Promise<{ status: number; json: { Response: Record<string, unknown> } }> {
  const payload = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const date = new Date(Number(timestamp) * 1000).toISOString().slice(0, 10);
  const host = `${service}.tencentcloudapi.com`;
  const signature = tc3Signature(
    {
      method: 'POST',
      path: '/',
      query: '',
      headers: { 'content-type': 'application/json', host },
      body: payload,
    },
    opts.secretKey ?? e.credentials.secretAccessKey,
    timestamp,
    date,
    service,
    ['content-type', 'host'],
  );
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: e.port,
        method: 'POST',
        path: '/',
        headers: {
          host,
          'content-type': 'application/json',
          'x-tc-action': action,
          'x-tc-version': version,
          'x-tc-region': opts.region ?? 'ap-guangzhou',
          'x-tc-timestamp': timestamp,
          authorization: `TC3-HMAC-SHA256 Credential=${e.credentials.accessKeyId}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(text) as { Response: Record<string, unknown> },
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const errorCode = (r: { json: { Response: Record<string, unknown> } }): unknown =>
  (r.json.Response['Error'] as { Code?: unknown } | undefined)?.Code;

describe('tencent/server', () => {
  it("pages by Offset/Limit with TotalCount, with the API's parameter types", async () => {
    em = await startEmulator('tencent', { scale: 'tiny' });
    const first = await call(em, 'vpc', 'DescribeVpcs', '2017-03-12', { Offset: '0', Limit: '2' });
    const total = first.json.Response['TotalCount'] as number;
    expect(total).toBeGreaterThan(2);
    expect(first.json.Response['VpcSet']).toHaveLength(2);
    const rest = await call(em, 'vpc', 'DescribeVpcs', '2017-03-12', { Offset: '2', Limit: '100' });
    expect(rest.json.Response['VpcSet']).toHaveLength(total - 2);
    // VPC lists type Offset/Limit as String, CVM as Integer; a Limit above the maximum is refused.
    expect(errorCode(await call(em, 'vpc', 'DescribeVpcs', '2017-03-12', { Limit: 2 }))).toBe(
      'InvalidParameter',
    );
    expect(
      errorCode(await call(em, 'cvm', 'DescribeInstances', '2017-03-12', { Limit: '2' })),
    ).toBe('InvalidParameter');
    expect(
      errorCode(await call(em, 'cvm', 'DescribeInstances', '2017-03-12', { Limit: 101 })),
    ).toBe('InvalidParameterValue');
  });

  it('answers errors inside HTTP 200: bad signature, unknown version and action, disabled region', async () => {
    em = await startEmulator('tencent', { scale: 'tiny' });
    const bad = await call(em, 'cvm', 'DescribeRegions', '2017-03-12', {}, { secretKey: 'nope' });
    expect(bad.status).toBe(200);
    expect(errorCode(bad)).toBe('AuthFailure.SignatureFailure');
    expect(bad.json.Response['RequestId']).toEqual(expect.any(String));
    expect(errorCode(await call(em, 'cvm', 'DescribeRegions', '2099-01-01', {}))).toBe(
      'NoSuchVersion',
    );
    expect(errorCode(await call(em, 'cvm', 'DescribeNothing', '2017-03-12', {}))).toBe(
      'InvalidAction',
    );
    const fsi = await call(
      em,
      'cvm',
      'DescribeZones',
      '2017-03-12',
      {},
      { region: 'ap-shanghai-fsi' },
    );
    expect(errorCode(fsi)).toBe('UnsupportedRegion');
    const regions = await call(em, 'cvm', 'DescribeRegions', '2017-03-12', {});
    expect(regions.json.Response['RegionSet']).toContainEqual({
      Region: 'ap-shanghai-fsi',
      RegionName: '华东地区(上海金融)',
      RegionState: 'UNAVAILABLE',
    });
  });

  it('renders the injected throttle as RequestLimitExceeded', async () => {
    em = await startEmulator('tencent', {
      scale: 'tiny',
      faults: [{ op: 'DescribeSubnets', times: 1, respond: 'throttle' }],
    });
    const r = await call(em, 'vpc', 'DescribeSubnets', '2017-03-12', {});
    expect(errorCode(r)).toBe('RequestLimitExceeded');
    expect(errorCode(await call(em, 'vpc', 'DescribeSubnets', '2017-03-12', {}))).toBeUndefined();
  });
});
