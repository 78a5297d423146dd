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

describe('e2e: deepflow-cloud with Huawei Cloud', () => {
  it('syncs the built-in Huawei emulator: schema-valid, every kind present, every reference resolves', async () => {
    const r = await runCli(['sync', '--provider', 'huawei', '--emulator']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    expect(emptyKinds(doc)).toEqual([]);
    expect(unresolvedReferences(doc)).toEqual([]);
    expect(doc.errors).toEqual([]);
    expect(doc.accounts[0]).toMatchObject({ provider: 'huawei', status: 'ok' });
    expect(doc.accounts[0]?.disabled_regions).toEqual(['af-south-1']);
  });

  it('exits 3 on a bad secret, printing neither it, the AK nor a signature (the SDK logs are silenced)', async () => {
    emulator = await startEmulator('huawei', { scale: 'tiny' });
    const secret = 'e2e-WRONG-huawei-secret-0123456789';
    const path = join(tempDir(), 'config.json');
    const cfg = {
      accounts: [
        {
          name: 'huawei-e2e',
          provider: 'huawei',
          credentials: {
            access_key: emulator.credentials.accessKeyId,
            secret_key: '${E2E_SECRET}',
          },
          endpoints: emulator.endpoints,
        },
      ],
    };
    writeFileSync(path, JSON.stringify(cfg), { mode: 0o600 });
    const r = await runCli(['sync', '--config', path, '--log-level', 'debug'], {
      env: { E2E_SECRET: secret },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('APIGW.0301');
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(r.stdout + r.stderr).not.toContain(emulator.credentials.accessKeyId);
    expect(r.stdout + r.stderr).not.toContain('SDK-HMAC-SHA256');
    // stdout carries the inventory only.
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });

  it('rejects a region typo with the closest id (exit 2)', async () => {
    const r = await runCli([
      'sync',
      '--provider',
      'huawei',
      '--emulator',
      '--regions',
      'cn-nroth-4',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cn-north-4');
  });
});
