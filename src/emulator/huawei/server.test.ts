import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../harness.js';
import { startEmulator } from '../index.js';
import { projectIdFor } from './shape.js';
import { signature, stringToSign } from './verifier.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

const sdkDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

/** A GET signed as the gateway expects (the SDK's own signer is exercised by the integration tests). */
async function get(
  e: RunningEmulator,
  path: string,
  query = '',
  sk = e.credentials.secretAccessKey,
) {
  const host = new URL(e.url).host;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host,
    'x-sdk-date': sdkDate(new Date()),
  };
  const signed = ['content-type', 'host', 'x-sdk-date'];
  const toSign = stringToSign(
    { method: 'GET', path, query, headers, body: Buffer.alloc(0) },
    signed,
    headers['x-sdk-date'] ?? '',
  );
  const auth = `SDK-HMAC-SHA256 Access=${e.credentials.accessKeyId}, SignedHeaders=${signed.join(';')}, Signature=${signature(sk, toSign)}`;
  const res = await fetch(`${e.url}${path}${query === '' ? '' : `?${query}`}`, {
    headers: { ...headers, authorization: auth },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('huawei emulator', () => {
  it('pages ECS servers by page number with the total in `count`', async () => {
    const e = (em = await startEmulator('huawei', { scale: 'tiny' }));
    const p = projectIdFor(e.world.seed, 'cn-north-4');
    const all = e.world.resources('cn-north-4').vms.length;
    const page2 = await get(e, `/v1/${p}/cloudservers/detail`, 'limit=3&offset=2');
    expect(page2.status).toBe(200);
    expect(page2.body['count']).toBe(all);
    expect((page2.body['servers'] as unknown[]).length).toBe(Math.min(3, all - 3));
  });

  it('answers errors in the gateway and the service formats', async () => {
    const e = (em = await startEmulator('huawei', {
      scale: 'tiny',
      faults: [
        { op: 'ListServersDetails', respond: 'forbidden', times: 1 },
        { op: 'ListVpcs', respond: 'forbidden', times: 1 },
        { op: 'ListPorts', respond: 'throttle', times: 1 },
      ],
    }));
    const p = projectIdFor(e.world.seed, 'cn-north-4');
    const ecs = await get(e, `/v1/${p}/cloudservers/detail`);
    expect(ecs.status).toBe(403);
    expect(ecs.body['error']).toMatchObject({ code: 'Ecs.0319' });
    const vpc = await get(e, `/v3/${p}/vpc/vpcs`);
    expect(vpc).toMatchObject({ status: 403, body: { error_code: 'VPC.0003' } });
    const ports = await get(e, `/v1/${p}/ports`);
    expect(ports).toMatchObject({ status: 429, body: { error_code: 'APIGW.0308' } });
    const bad = await get(e, `/v1/${p}/ports`, '', 'wrong-secret');
    expect(bad).toMatchObject({ status: 401, body: { error_code: 'APIGW.0301' } });
    const disabled = projectIdFor(e.world.seed, 'af-south-1');
    const off = await get(e, `/v1/${disabled}/subnets`);
    expect(off).toMatchObject({ status: 404, body: { error_code: 'APIGW.0101' } });
  });

  it('tells RDS v3 and DCS v2 instances apart by the version prefix', async () => {
    const e = (em = await startEmulator('huawei', { scale: 'tiny' }));
    const p = projectIdFor(e.world.seed, 'cn-north-4');
    const rds = await get(e, `/v3/${p}/instances`, 'limit=100&offset=0');
    const dcs = await get(e, `/v2/${p}/instances`, 'limit=100&offset=0');
    expect(rds.body).toHaveProperty('total_count');
    expect(dcs.body).toHaveProperty('instance_num');
  });
});
