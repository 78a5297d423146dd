import { afterEach, describe, expect, it } from 'vitest';
import { sign } from '../../providers/qingcloud/sign.js';
import type { EmulatorOptions, RunningEmulator } from '../harness.js';
import { startEmulator } from '../index.js';
import { generateWorld } from '../world.js';
import { qingcloudId, qingcloudMac, zoneOf } from './shape.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  em = await startEmulator('qingcloud', { scale: 'tiny', seed: 7, ...opts });
  return em;
}

interface Answer {
  ret_code: number;
  message?: string;
  total_count?: number;
  [key: string]: unknown;
}

/** A signed GET through the adapter's signer (the emulator verifies with its own code). */
async function get(
  e: RunningEmulator,
  params: Record<string, string | number>,
  opts: { secret?: string; now?: Date } = {},
): Promise<{ status: number; body: Answer }> {
  const { query } = sign(
    { path: '/iaas/', params: { version: 1, ...params } },
    {
      accessKeyId: e.credentials.accessKeyId,
      secretAccessKey: opts.secret ?? e.credentials.secretAccessKey,
    },
    opts.now ?? new Date(),
  );
  const res = await fetch(`${e.endpoints['iaas'] ?? ''}?${query}`);
  return { status: res.status, body: (await res.json()) as Answer };
}

describe('qingcloud emulator', () => {
  it('pages with offset/limit and total_count, and lists the basic-network vxnet', async () => {
    const e = await start();
    const first = await get(e, { action: 'DescribeVxnets', zone: 'pek3', offset: 0, limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ action: 'DescribeVxnetsResponse', ret_code: 0 });
    const total = first.body.total_count ?? 0;
    expect(total).toBe(e.world.resources('pek3').subnets.length + 1);
    const ids: string[] = [];
    for (let offset = 0; offset < total; offset += 2) {
      const page = await get(e, { action: 'DescribeVxnets', zone: 'pek3', offset, limit: 2 });
      ids.push(...(page.body['vxnet_set'] as { vxnet_id: string }[]).map((v) => v.vxnet_id));
    }
    expect(new Set(ids).size).toBe(total);
    expect(ids).toContain('vxnet-0');
  });

  it('answers API errors as HTTP 200 with a ret_code', async () => {
    const e = await start();
    expect(
      (await get(e, { action: 'DescribeRouters', zone: 'pek3', limit: 101 })).body.ret_code,
    ).toBe(1100);
    expect((await get(e, { action: 'DescribeRouters' })).body).toMatchObject({ ret_code: 1100 });
    expect((await get(e, { action: 'DescribeNothing', zone: 'pek3' })).body.ret_code).toBe(1100);
    const closed = await get(e, { action: 'DescribeRouters', zone: 'ap2a' });
    expect(closed).toMatchObject({ status: 200, body: { ret_code: 2100 } });
    expect(closed.body.message).toMatch(/zone \[ap2a\]/);
    expect((await get(e, { action: 'DescribeZones' }, { secret: 'wrong' })).body.ret_code).toBe(
      1200,
    );
    const stale = await get(
      e,
      { action: 'DescribeZones' },
      { now: new Date(Date.now() - 3_600_000) },
    );
    expect(stale.body.ret_code).toBe(1300);
    const unsigned = await fetch(`${e.endpoints['iaas'] ?? ''}?action=DescribeZones&version=1`);
    expect(((await unsigned.json()) as Answer).ret_code).toBe(1100);
  });

  it('renders the throttle fault as ret_code 5100 and records no signature', async () => {
    const e = await start({ faults: [{ op: 'DescribeInstances', times: 1, respond: 'throttle' }] });
    expect((await get(e, { action: 'DescribeInstances', zone: 'sh1' })).body.ret_code).toBe(5100);
    expect((await get(e, { action: 'DescribeInstances', zone: 'sh1' })).body.ret_code).toBe(0);
    for (const r of e.requests) {
      expect(r.params).not.toHaveProperty('signature');
      expect(r.params).not.toHaveProperty('access_key_id');
    }
  });

  it('lists zone groups: active zones of enabled regions, a defunct one for a disabled region', async () => {
    const e = await start();
    const zones = (await get(e, { action: 'DescribeZones', limit: 100 })).body['zone_set'];
    expect(zones).toEqual(
      expect.arrayContaining([
        { zone_id: 'pek3a', status: 'active' },
        { zone_id: 'sh1b', status: 'active' },
        { zone_id: 'ap2a', status: 'defunct' },
      ]),
    );
  });
});

describe('qingcloud world shape', () => {
  it('gives unique, QingCloud-shaped ids', () => {
    const world = generateWorld({ provider: 'qingcloud', scale: 'small', seed: 3 });
    const ids = world.regions.flatMap((r) => {
      const res = world.resources(r.id);
      return [
        ...res.vpcs.map((v) => v.id),
        ...res.subnets.map((s) => s.id),
        ...[...res.vms].map((v) => v.id),
        ...res.securityGroups.map((g) => g.id),
      ];
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^(rtr|vxnet|i|sg)-[0-9a-z]{8}$/.test(id))).toBe(true);
    const nics = [...world.resources('pek3').networkInterfaces].map((n) => n.id);
    expect(new Set(nics).size).toBe(nics.length);
    expect(nics.every((m) => /^52:54(:[0-9a-f]{2}){4}$/.test(m))).toBe(true);
    expect(qingcloudId(3, 0, 'vpc', 1)).not.toBe(qingcloudId(3, 1, 'vpc', 1));
    expect(qingcloudMac(3, 0, 1)).not.toBe(qingcloudMac(3, 0, 2));
    expect([zoneOf('pek3', 0), zoneOf('pek3', 2), zoneOf('ap2a', 0)]).toEqual([
      'pek3a',
      'pek3c',
      'ap2a',
    ]);
  });
});
