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

/** A config file with one Baidu account pointed at a running emulator; the secret comes from the env. */
function configFor(em: RunningEmulator): string {
  const path = join(tempDir(), 'config.json');
  const cfg = {
    accounts: [
      {
        name: 'baidu-e2e',
        provider: 'baidu',
        credentials: {
          access_key_id: em.credentials.accessKeyId,
          secret_access_key: '${E2E_SECRET}',
        },
        endpoints: em.endpoints,
      },
    ],
  };
  writeFileSync(path, JSON.stringify(cfg), { mode: 0o600 });
  return path;
}

describe('e2e: deepflow-cloud with baidu', () => {
  it('syncs the built-in Baidu emulator: schema-valid, every kind present, every reference resolves', async () => {
    const r = await runCli(['sync', '--provider', 'baidu', '--emulator']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    expect(emptyKinds(doc)).toEqual([]);
    expect(unresolvedReferences(doc)).toEqual([]);
    expect(doc.errors).toEqual([]);
    expect(doc.accounts[0]).toMatchObject({ name: 'baidu', provider: 'baidu', status: 'ok' });
  });

  it('exits 3 on a bad secret and never prints it', async () => {
    emulator = await startEmulator('baidu', { scale: 'tiny' });
    const secret = 'e2e-wrong-secret-0123456789abcdef';
    const r = await runCli(['sync', '--config', configFor(emulator)], {
      env: { E2E_SECRET: secret },
    });
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(r.stderr).toContain('auth_failed');
  });

  it('rejects a region typo with suggestions (exit 2)', async () => {
    const r = await runCli(['sync', '--provider', 'baidu', '--emulator', '--regions', 'bjj']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bj');
  });
});
