import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/harness.js';
import type { Inventory } from '../../src/model/index.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { validateInventory } from '../helpers/schema.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('e2e: deepflow-cloud with Tencent Cloud', () => {
  it('syncs the built-in Tencent emulator: schema-valid, every kind present, every reference resolves', async () => {
    const r = await runCli(['sync', '--provider', 'tencent', '--emulator']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    expect(emptyKinds(doc)).toEqual([]);
    expect(unresolvedReferences(doc)).toEqual([]);
    expect(doc.errors).toEqual([]);
    expect(doc.accounts[0]).toMatchObject({ provider: 'tencent', status: 'ok' });
    expect(doc.accounts[0]?.disabled_regions).toEqual(['ap-shanghai-fsi']);
  });

  it('exits 3 on a bad secret from a config file and never prints it', async () => {
    emulator = await startEmulator('tencent', { scale: 'tiny' });
    const secret = 'e2e-WRONG-tencent-secret-0123456789';
    const path = join(tempDir(), 'config.json');
    const cfg = {
      accounts: [
        {
          name: 'tencent-e2e',
          provider: 'tencent',
          credentials: { secret_id: emulator.credentials.accessKeyId, secret_key: '${E2E_SECRET}' },
          endpoints: emulator.endpoints,
        },
      ],
    };
    writeFileSync(path, JSON.stringify(cfg), { mode: 0o600 });
    const r = await runCli(['sync', '--config', path], { env: { E2E_SECRET: secret } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('AuthFailure.SignatureFailure');
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(r.stdout + r.stderr).not.toContain(emulator.credentials.accessKeyId);
  });

  it('rejects a region typo with the closest RegionName (exit 2)', async () => {
    const r = await runCli([
      'sync',
      '--provider',
      'tencent',
      '--emulator',
      '--regions',
      'ap-guangzhuo',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ap-guangzhou');
  });
});

describe('e2e: deepflow-cloud check with Tencent Cloud', () => {
  it('proves every permission against the emulator (exit 0)', async () => {
    const r = await runCli(['check', '--provider', 'tencent', '--emulator', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      accounts: { status: string; operations: { action: string; result: string }[] }[];
    };
    const ops = report.accounts[0]?.operations ?? [];
    expect(ops.length).toBe(25);
    expect(ops.filter((o) => o.result !== 'ok')).toEqual([]);
  });
});
