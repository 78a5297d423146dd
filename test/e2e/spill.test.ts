import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/harness.js';
import type { Inventory } from '../../src/model/index.js';
import { runCli, tempDir } from '../helpers/cli.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

function configFor(em: RunningEmulator): string {
  const path = join(tempDir(), 'config.json');
  const account = {
    name: 'aws-spill',
    provider: 'aws',
    credentials: { access_key_id: em.credentials.accessKeyId, secret_access_key: '${E2E_SECRET}' },
    endpoints: em.endpoints,
  };
  writeFileSync(path, JSON.stringify({ accounts: [account] }), { mode: 0o600 });
  return path;
}

const at = (text: string): string => text.replace(/"generated_at": "[^"]+"/, '"generated_at": "T"');

describe('e2e: records not held in memory', () => {
  it('json through the spill is byte-identical to the in-memory document; ndjson streams the same records', async () => {
    emulator = await startEmulator('aws', { seed: 1, scale: 'medium' });
    const config = configFor(emulator);
    const tmp = tempDir('dfc-tmp-');
    const env = { E2E_SECRET: emulator.credentials.secretAccessKey, TMPDIR: tmp };
    const out = tempDir();
    // --state-dir needs the records at the end: the in-memory path. Without it: the spill path.
    const held = await runCli(
      ['sync', '--config', config, '--quiet', '--output', join(out, 'held.json')].concat([
        '--state-dir',
        join(out, 'state'),
      ]),
      { env },
    );
    expect(held.stderr).toBe('');
    expect(held.code).toBe(0);
    const spilled = await runCli(
      ['sync', '--config', config, '--quiet', '--output', join(out, 'spilled.json')],
      { env },
    );
    expect(spilled.stderr).toBe('');
    expect(spilled.code).toBe(0);
    const a = readFileSync(join(out, 'held.json'), 'utf8');
    const b = readFileSync(join(out, 'spilled.json'), 'utf8');
    const doc = JSON.parse(b) as Inventory;
    expect(doc.vms.length).toBeGreaterThan(1000);
    expect(at(b)).toBe(at(a));

    const streamed = await runCli(
      [
        'sync',
        '--config',
        config,
        '--quiet',
        '--format',
        'ndjson',
        '--output',
        join(out, 'x.ndjson'),
      ],
      { env },
    );
    expect(streamed.code).toBe(0);
    const lines = readFileSync(join(out, 'x.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; data: { id: string; version?: string } });
    expect(lines[0]?.type).toBe('header');
    // Same account version as the document (computed from a spill of canonical JSON, not from held records).
    expect(lines.find((l) => l.type === 'account')?.data.version).toBe(doc.accounts[0]?.version);
    const vmIds = lines.filter((l) => l.type === 'vm').map((l) => l.data.id);
    expect(vmIds.sort()).toEqual(doc.vms.map((v) => v.id));
    // Every spill file was removed.
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);
});
