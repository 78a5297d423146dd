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

describe('e2e: deepflow-cloud sync --provider azure', () => {
  it('syncs the built-in Azure emulator: schema-valid, every kind Azure has, every reference resolves', async () => {
    const r = await runCli(['sync', '--provider', 'azure', '--emulator']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    expect(emptyKinds(doc)).toEqual([]);
    expect(unresolvedReferences(doc)).toEqual([]);
    expect(doc.errors).toEqual([]);
    expect(doc.accounts[0]).toMatchObject({ name: 'azure', provider: 'azure', status: 'ok' });
  });

  it('exits 3 on a bad client secret and never prints it', async () => {
    emulator = await startEmulator('azure', { scale: 'tiny' });
    const secret = 'e2e~Wrong.Secret-0123456789abcdef';
    const path = join(tempDir(), 'config.json');
    const creds = { ...emulator.configCredentials, client_secret: '${E2E_SECRET}' };
    const accounts = [
      { name: 'azure-e2e', provider: 'azure', credentials: creds, endpoints: emulator.endpoints },
    ];
    writeFileSync(path, JSON.stringify({ accounts }), { mode: 0o600 });
    const r = await runCli(['sync', '--config', path, '--log-level', 'debug'], {
      env: { E2E_SECRET: secret },
    });
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(r.stderr).toMatch(/AADSTS7000215/);
  });
});
