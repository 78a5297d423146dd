import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/index.js';
import { runCli } from '../helpers/cli.js';
import { emptyKinds, unresolvedReferences } from '../helpers/references.js';
import { validateInventory } from '../helpers/schema.js';

describe('e2e: deepflow-cloud sync --provider qingcloud --emulator', () => {
  it('prints a complete, schema-valid inventory whose references all resolve', async () => {
    const r = await runCli(['sync', '--provider', 'qingcloud', '--emulator']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    // QingCloud has no peering connections or cloud networks the adapter lists.
    expect(emptyKinds(doc)).toEqual(['peering_connections', 'cloud_networks']);
    expect(unresolvedReferences(doc)).toEqual([]);
    expect(doc.errors).toEqual([]);
    expect(doc.accounts[0]).toMatchObject({
      provider: 'qingcloud',
      status: 'ok',
      disabled_regions: ['ap2a'],
    });
  });
});
