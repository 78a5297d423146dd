import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/harness.js';
import type { Inventory } from '../../src/model/index.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { unresolvedReferences } from '../helpers/references.js';
import { validateInventory } from '../helpers/schema.js';

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('e2e: one AWS and one Aliyun account in one config', () => {
  it('syncs both in one schema-valid document, Aliyun regions chosen by LocalName', async () => {
    const aws = await startEmulator('aws', { scale: 'tiny' });
    const aliyun = await startEmulator('aliyun', { scale: 'tiny' });
    running.push(aws, aliyun);
    const dir = tempDir();
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        accounts: [
          {
            name: 'aws-e2e',
            provider: 'aws',
            credentials: aws.configCredentials,
            endpoints: aws.endpoints,
          },
          {
            name: 'aliyun-e2e',
            provider: 'aliyun',
            credentials: aliyun.configCredentials,
            endpoints: aliyun.endpoints,
            regions: { include: ['华东1（杭州）'] },
          },
        ],
      }),
      { mode: 0o600 },
    );
    const r = await runCli(['sync', '--config', config, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    expect(unresolvedReferences(doc)).toEqual([]);
    expect(doc.accounts.map((a) => [a.name, a.provider, a.status])).toEqual([
      ['aliyun-e2e', 'aliyun', 'ok'],
      ['aws-e2e', 'aws', 'ok'],
    ]);
    expect(doc.accounts[0]?.regions).toEqual(['cn-hangzhou']);
    const providers = new Set(doc.vms.map((v) => v.provider));
    expect(providers).toEqual(new Set(['aws', 'aliyun']));
    for (const secret of [aws.configCredentials, aliyun.configCredentials].flatMap(Object.values)) {
      expect(r.stdout).not.toContain(secret);
    }
  });
});
