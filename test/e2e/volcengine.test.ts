import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../src/emulator/credentials.js';
import type { Inventory } from '../../src/model/index.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { validateInventory } from '../helpers/schema.js';

describe('e2e: deepflow-cloud sync --provider volcengine --emulator', () => {
  it('prints a complete, schema-valid inventory with every reference resolving', async () => {
    const r = await runCli(['sync', '--provider', 'volcengine', '--emulator']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    // Volcengine has no VPC peering API the adapter calls (cross-VPC traffic goes through CEN).
    expect(emptyKinds(doc)).toEqual(['peering_connections']);
    expect(unresolvedReferences(doc)).toEqual([]);
    expect(doc.errors).toEqual([]);
    expect(doc.accounts[0]).toMatchObject({ provider: 'volcengine', status: 'ok' });
  });

  it('ignores the SDK credential sources (VOLC_* env, ~/.volc/config) and keeps its debug log quiet', async () => {
    const home = tempDir('dfc-volc-home-');
    mkdirSync(join(home, '.volc'));
    writeFileSync(
      join(home, '.volc', 'config'),
      JSON.stringify({ VOLC_ACCESSKEY: 'AKLTfromconfig', VOLC_SECRETKEY: 'from-config' }),
    );
    const r = await runCli(
      ['sync', '--provider', 'volcengine', '--emulator', '--resources', 'vpc'],
      {
        env: {
          HOME: home,
          VOLC_ACCESSKEY: 'AKLTfromenv',
          VOLC_SECRETKEY: 'from-env',
          DEBUG: '*',
        },
      },
    );
    expect(r.code).toBe(0);
    const { secretAccessKey, accessKeyId } = EMULATOR_CREDENTIALS.volcengine;
    for (const leak of [secretAccessKey, accessKeyId, 'HMAC-SHA256', 'Signature=']) {
      expect(r.stderr).not.toContain(leak);
    }
  });
});
