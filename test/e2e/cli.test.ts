import { readFileSync, writeFileSync } from 'node:fs';
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

/** A config file with one AWS account pointed at a running emulator. */
function configFor(em: RunningEmulator, extra: Record<string, unknown> = {}): string {
  const dir = tempDir();
  const path = join(dir, 'config.json');
  const cfg = {
    accounts: [
      {
        name: 'aws-e2e',
        provider: 'aws',
        credentials: {
          access_key_id: em.credentials.accessKeyId,
          secret_access_key: '${E2E_SECRET}',
        },
        endpoints: em.endpoints,
        ...extra,
      },
    ],
  };
  writeFileSync(path, JSON.stringify(cfg), { mode: 0o600 });
  return path;
}

describe('e2e: deepflow-cloud', () => {
  it('syncs the built-in AWS emulator: schema-valid, every kind present, every reference resolves', async () => {
    const r = await runCli(['sync', '--provider', 'aws', '--emulator']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    expect(emptyKinds(doc)).toEqual([]);
    expect(unresolvedReferences(doc)).toEqual([]);
    expect(doc.errors).toEqual([]);
    expect(doc.accounts[0]).toMatchObject({ name: 'aws', provider: 'aws', status: 'ok' });
    expect(doc.accounts[0]?.disabled_regions.length).toBeGreaterThan(0);
  });

  it('writes ndjson to a file atomically', async () => {
    const dir = tempDir();
    const out = join(dir, 'inv.ndjson');
    const r = await runCli([
      'sync',
      '--provider',
      'aws',
      '--emulator',
      '--format',
      'ndjson',
      '--output',
      out,
      '--resources',
      'vpc,subnets',
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(lines[0]?.type).toBe('header');
    expect(new Set(lines.map((l) => l.type))).toEqual(
      new Set(['header', 'vpc', 'subnet', 'account']),
    );
  });

  it('exits 3 on a bad secret and prints the secret nowhere', async () => {
    emulator = await startEmulator('aws', { scale: 'tiny' });
    const secret = 'E2E-wrong-secret-0123456789abcdef';
    const r = await runCli(['sync', '--config', configFor(emulator), '--log-level', 'debug'], {
      env: { E2E_SECRET: secret },
    });
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(doc.errors[0]).toMatchObject({ error_kind: 'auth_failed' });
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    }
  });

  it('exits 4 when an optional operation is denied, with everything else present', async () => {
    emulator = await startEmulator('aws', {
      scale: 'tiny',
      faults: [{ op: 'DescribeNatGateways', respond: 'forbidden' }],
    });
    const r = await runCli(['sync', '--config', configFor(emulator)], {
      env: { E2E_SECRET: emulator.credentials.secretAccessKey },
    });
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout) as Inventory;
    expect(validateInventory(doc)).toEqual([]);
    expect(doc.nat_gateways).toEqual([]);
    expect(doc.vms.length).toBeGreaterThan(0);
    expect(
      doc.errors.every((e) => e.kind === 'nat_gateway' && e.error_kind === 'permission_denied'),
    ).toBe(true);
    expect(doc.errors.every((e) => e.outcome === 'skipped')).toBe(true);
    expect(r.stderr).toContain('permission_denied');
  });

  it('exits 2 with one line naming the path of a bad config key', async () => {
    const dir = tempDir();
    const path = join(dir, 'bad.yaml');
    writeFileSync(
      path,
      'accounts:\n  - name: a\n    provider: aws\n    credentials: {access_key_id: x, secret_access_key: y}\n    regoins: {}\n',
      { mode: 0o600 },
    );
    const r = await runCli(['sync', '--config', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('accounts[0]');
    expect(r.stderr).toContain('regoins');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exits 2 on an unknown flag and on a missing provider', async () => {
    expect((await runCli(['sync', '--no-such-flag'])).code).toBe(2);
    const r = await runCli(['sync']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--provider');
  });

  it('lists regions with the rule that decided each', async () => {
    const r = await runCli([
      'regions',
      '--provider',
      'aws',
      '--emulator',
      '--regions',
      'us-east-1,Europe (Ireland)',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const [acc] = JSON.parse(r.stdout) as {
      regions: { id: string; status: string; rule: string }[];
    }[];
    const byId = new Map(acc!.regions.map((x) => [x.id, x]));
    expect(byId.get('us-east-1')?.status).toBe('included');
    expect(byId.get('eu-west-1')?.status).toBe('included');
    expect([...byId.values()].some((x) => x.status === 'disabled')).toBe(true);
  });

  it('rejects a region typo with suggestions (exit 2)', async () => {
    const r = await runCli(['sync', '--provider', 'aws', '--emulator', '--regions', 'us-eats-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('us-east-1');
  });

  it('prints the JSON Schemas', async () => {
    const inv = await runCli(['schema']);
    expect(inv.code).toBe(0);
    expect(JSON.parse(inv.stdout)).toEqual(
      JSON.parse(
        readFileSync(new URL('../../schema/inventory.schema.json', import.meta.url), 'utf8'),
      ),
    );
    const cfg = await runCli(['schema', 'config']);
    expect(cfg.code).toBe(0);
    expect(JSON.parse(cfg.stdout)).toEqual(
      JSON.parse(readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8')),
    );
  });

  it.each([
    [[], ['sync', 'check', 'regions', 'providers', 'schema', 'emulator', 'diff']],
    [
      ['sync'],
      [
        '--config',
        '--provider',
        '--account',
        '--regions',
        '--exclude-regions',
        '--resources',
        '--output',
        '--format',
        '--concurrency',
        '--timeout',
        '--emulator',
        '--push',
        '--push-ca-file',
        '--heartbeat',
        '--domain-uuid',
        '--state-dir',
        '--wait-lock',
        '--allow-partial',
        '--metrics-file',
        '--quiet',
        '--log-format',
        '--log-level',
      ],
    ],
    [
      ['regions'],
      [
        '--config',
        '--provider',
        '--account',
        '--regions',
        '--exclude-regions',
        '--emulator',
        '--format',
      ],
    ],
    [
      ['check'],
      [
        '--config',
        '--provider',
        '--account',
        '--region',
        '--expect-account-id',
        '--format',
        '--output',
        '--emulator',
      ],
    ],
    [['providers'], ['--format', '--policy']],
    [
      ['k8s', 'sync'],
      [
        '--kubeconfig',
        '--emulator',
        '--api-resources',
        '--page-size',
        '--timeout',
        '--cluster-id',
        '--server',
        '--output',
        '--source-ip',
        '--agent-id',
        '--team-id',
        '--log-format',
        '--log-level',
      ],
    ],
    [
      ['k8s', 'watch'],
      [
        '--kubeconfig',
        '--emulator',
        '--api-resources',
        '--page-size',
        '--timeout',
        '--cluster-id',
        '--server',
        '--output',
        '--source-ip',
        '--agent-id',
        '--team-id',
        '--interval',
        '--relist-interval',
        '--reports',
        '--log-format',
        '--log-level',
      ],
    ],
    [
      ['k8s', 'workloads'],
      [
        '--kubeconfig',
        '--emulator',
        '--page-size',
        '--timeout',
        '--plugin',
        '--namespace',
        '--call-timeout',
        '--format',
        '--log-format',
        '--log-level',
      ],
    ],
    [
      ['emulator'],
      ['--provider', '--port', '--seed', '--scale', '--latency', '--page-limit', '--faults'],
    ],
    [['diff'], ['<old>', '<new>', '--format']],
  ])('`%s --help` describes its flags', async (cmd, flags) => {
    const r = await runCli([...cmd, '--help']);
    expect(r.code).toBe(0);
    for (const f of flags) expect(r.stdout).toContain(f);
  });
});
