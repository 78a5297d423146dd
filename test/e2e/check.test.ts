import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { FaultSpec, RunningEmulator } from '../../src/emulator/harness.js';
import { adapter } from '../../src/providers/aws/index.js';
import { operationKey } from '../../src/providers/types.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { findAll, parseXml } from '../helpers/xml.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const DECLARED = new Set(
  [...adapter.accountOperations, ...adapter.fetchers.flatMap((f) => f.operations)].map(
    operationKey,
  ),
);

/** An emulator with these faults and a config file pointing one account at it (secret from the env). */
async function setup(faults: FaultSpec[] = []): Promise<{ em: RunningEmulator; config: string }> {
  const em = await startEmulator('aws', { scale: 'tiny', faults });
  emulator = em;
  const path = join(tempDir(), 'config.json');
  const cfg = {
    accounts: [
      {
        name: 'ci-key',
        provider: 'aws',
        credentials: {
          access_key_id: em.credentials.accessKeyId,
          secret_access_key: '${CHECK_SECRET}',
        },
        endpoints: em.endpoints,
      },
    ],
  };
  writeFileSync(path, JSON.stringify(cfg), { mode: 0o600 });
  return { em, config: path };
}

interface JsonReport {
  accounts: { status: string; operations: { action: string; result: string }[] }[];
}

describe('e2e: deepflow-cloud check', () => {
  it('all allowed (built-in emulator): exit 0, a table row per operation, all ok', async () => {
    const r = await runCli(['check', '--provider', 'aws', '--emulator']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^aws \(aws account \d{12}, region us-east-1\): ok$/m);
    for (const key of DECLARED) {
      const action = key.split(':')[1]?.split('@')[0] ?? '';
      expect(r.stdout).toContain(action);
    }
    expect(r.stderr).toMatch(/check: 27 ok, 0 warnings, 0 required failing/);
  });

  it('a required operation denied: exit 5, naming it; an optional one denied: a warning', async () => {
    const { config, em } = await setup([
      { op: 'DescribeInstances', respond: 'forbidden' },
      { op: 'DescribeNatGateways', respond: 'forbidden' },
    ]);
    const r = await runCli(['check', '--config', config, '--format', 'json'], {
      env: { CHECK_SECRET: em.credentials.secretAccessKey },
    });
    expect(r.code).toBe(5);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.accounts[0]?.status).toBe('failed');
    const failing = doc.accounts[0]?.operations.filter(
      (o) => o.result !== 'ok' && o.result !== 'skipped',
    );
    expect(failing).toMatchObject([
      { action: 'DescribeInstances', result: 'denied' },
      { action: 'DescribeNatGateways', result: 'denied' },
    ]);
    expect(r.stderr).toMatch(/error: ci-key: required ec2:DescribeInstances denied/);
    expect(r.stderr).toMatch(/warning: ci-key: optional ec2:DescribeNatGateways denied/);
  });

  it('a bad secret: exit 3, and the secret is printed nowhere', async () => {
    const { config } = await setup();
    const secret = 'wrong-CHECK-secret-0123456789abcdef';
    for (const format of ['table', 'junit']) {
      const r = await runCli(['check', '--config', config, '--format', format], {
        env: { CHECK_SECRET: secret },
      });
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/auth_failed/);
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });

  it('--format junit writes XML that parses, with one test case per operation', async () => {
    const { config, em } = await setup([{ op: 'DescribeSubnets', respond: 'forbidden' }]);
    const out = join(tempDir(), 'check.xml');
    const r = await runCli(['check', '--config', config, '--format', 'junit', '--output', out], {
      env: { CHECK_SECRET: em.credentials.secretAccessKey },
    });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    const root = parseXml(readFileSync(out, 'utf8'));
    expect(root.name).toBe('testsuites');
    const cases = findAll(root, 'testcase');
    expect(cases).toHaveLength(DECLARED.size);
    const failed = cases.filter((c) => findAll(c, 'failure').length > 0);
    expect(failed.map((c) => c.attrs['name'])).toEqual(['ec2:DescribeSubnets (required)']);
    expect(root.attrs).toMatchObject({ tests: String(DECLARED.size), failures: '1' });
  });

  it('`providers` lists every operation with its permission; markdown equals docs/providers.md', async () => {
    const table = await runCli(['providers']);
    expect(table.code).toBe(0);
    for (const op of [
      ...adapter.accountOperations,
      ...adapter.fetchers.flatMap((f) => f.operations),
    ]) {
      expect(table.stdout).toContain(op.permission);
    }
    const md = await runCli(['providers', '--format', 'markdown']);
    expect(md.stdout).toBe(readFileSync(join(ROOT, 'docs', 'providers.md'), 'utf8'));
    // Every provider is available now: an unknown name is the error case.
    const bad = await runCli(['providers', '--policy', 'gcp']);
    expect(bad.code).toBe(2);
  }, 30_000);
});
