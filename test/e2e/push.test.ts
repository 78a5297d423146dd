import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import type { Inventory } from '../../src/model/index.js';
import type { CliResult } from '../helpers/cli.js';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';
import type { PushServer } from '../helpers/deepflow-server.js';
import { startPushServer } from '../helpers/deepflow-server.js';
import { validateInventory } from '../helpers/schema.js';

const DOMAIN = '7a7a7a7a-0000-4000-8000-000000000001';
const TOKEN = 'e2e-push-token-SECRET-0123456789';
/** A push server closed when the test ends. */
async function serve(opts: Parameters<typeof startPushServer>[0] = {}): Promise<PushServer> {
  const server = await startPushServer(opts);
  onTestFinished(() => server.close());
  return server;
}

interface Setup {
  emulator: RunningEmulator;
  dir: string;
  config: string;
  state: string;
  env: Record<string, string>;
}

async function setup(
  push: Record<string, unknown> | undefined,
  em: EmulatorOptions = {},
  state = true,
): Promise<Setup> {
  const emulator = await startEmulator('aws', { scale: 'tiny', ...em });
  onTestFinished(() => emulator.close());
  const dir = tempDir('dfc-push-');
  const config = join(dir, 'config.json');
  const cfg: Record<string, unknown> = {
    accounts: [
      {
        name: 'aws-push',
        provider: 'aws',
        credentials: {
          access_key_id: emulator.credentials.accessKeyId,
          secret_access_key: '${E2E_SECRET}',
        },
        endpoints: emulator.endpoints,
      },
    ],
    retry: { max_attempts: 2, base_delay: '1ms', max_delay: '5ms' },
    request_timeout: '20s',
  };
  if (push) cfg['push'] = { token: '${PUSH_TOKEN}', ...push };
  if (state) cfg['state_dir'] = 'state';
  writeFileSync(config, JSON.stringify(cfg), { mode: 0o600 });
  return {
    emulator,
    dir,
    config,
    state: join(dir, 'state'),
    env: { E2E_SECRET: emulator.credentials.secretAccessKey, PUSH_TOKEN: TOKEN },
  };
}

const sync = (s: Setup, args: string[] = []): Promise<CliResult> =>
  runCli(['sync', '--config', s.config, '--output', join(s.dir, 'out.json'), ...args], {
    env: s.env,
  });

function spawnSync(
  s: Setup,
  args: string[] = [],
): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'sync', '--config', s.config, '--quiet', ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: s.dir, ...s.env },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return { child, done: new Promise((resolve) => child.on('close', resolve)) };
}

async function until(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function noSecret(s: Setup, ...texts: string[]): void {
  const files = [
    ...readdirSync(s.dir)
      .filter((f) => f !== 'config.json')
      .map((f) => join(s.dir, f)),
    ...(existsSync(join(s.state, 'accounts'))
      ? readdirSync(join(s.state, 'accounts')).map((f) => join(s.state, 'accounts', f))
      : []),
  ].filter((f) => !f.endsWith('state') && !f.endsWith('accounts'));
  for (const t of [...texts, ...files.map((f) => readFileSync(f, 'utf8'))]) {
    expect(t).not.toContain(TOKEN);
    expect(t).not.toContain(s.emulator.credentials.secretAccessKey);
  }
}

describe('e2e: push and state', () => {
  it('pushes to DeepFlow once; an unchanged second sync sends nothing and says so', async () => {
    const server = await serve({ domains: [DOMAIN] });
    const s = await setup({ url: server.url, kind: 'deepflow', org_id: 3, domain_uuid: DOMAIN });
    const metrics = join(s.dir, 'metrics.prom');
    const first = await sync(s, ['--metrics-file', metrics]);
    expect(first.stderr).toContain('push: accepted');
    expect(first.code).toBe(0);
    expect(server.pushes.map((p) => [p.status, p.headers['x-org-id']])).toEqual([[200, '3']]);
    expect(JSON.parse(readFileSync(join(s.state, 'last-push.json'), 'utf8'))).toMatchObject({
      kind: 'deepflow',
    });
    expect(readFileSync(metrics, 'utf8')).toContain(
      'deepflow_cloud_push_result{result="accepted"} 1',
    );
    const second = await sync(s, ['--metrics-file', metrics]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/push: unchanged: .*nothing sent/);
    expect(second.stderr).toContain('no changes');
    expect(server.pushes).toHaveLength(1);
    const prom = readFileSync(metrics, 'utf8');
    expect(prom).toContain('deepflow_cloud_push_result{result="unchanged"} 1');
    expect(prom).toMatch(/deepflow_cloud_last_success_timestamp_seconds\{account="aws-push"\} \d+/);
    expect(prom).toMatch(/deepflow_cloud_records\{account="aws-push",kind="vm"\} [1-9]/);
    noSecret(
      s,
      first.stdout,
      first.stderr,
      second.stdout,
      second.stderr,
      JSON.stringify(server.accepted),
    );
  });

  it('carries a failing region forward (nothing disappears from the server), then heals', async () => {
    const server = await serve({ token: TOKEN });
    const s = await setup({ url: `${server.url}/inventory`, kind: 'http' });
    expect((await sync(s)).code).toBe(0);
    s.emulator.addFault({ op: '*', region: 'eu-west-1', respond: 'server_error' });
    const partial = await sync(s);
    expect(partial.code).toBe(4);
    expect(partial.stderr).toContain('push: accepted');
    s.emulator.clearFaults();
    const healed = await sync(s);
    expect(healed.code).toBe(0);
    const [good, carried, fresh] = server.accepted as Inventory[];
    const ids = (d: Inventory | undefined): string[] => (d?.vms ?? []).map((v) => v.id);
    expect(ids(carried)).toEqual(ids(good));
    expect(carried!.network_interfaces.length).toBe(good!.network_interfaces.length);
    const stale = carried!.vms.filter((v) => v.stale === true);
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((v) => v.region === 'eu-west-1' && v.stale_since !== undefined)).toBe(true);
    expect(carried!.accounts[0]).toMatchObject({ status: 'partial' });
    expect(
      carried!.accounts[0]?.stale_slices?.some((x) => x.region === 'eu-west-1' && x.kind === 'vm'),
    ).toBe(true);
    expect(validateInventory(carried)).toEqual([]);
    expect(fresh!.vms.some((v) => v.stale === true)).toBe(false);
    expect(ids(fresh)).toEqual(ids(good));
  });

  it('retries a 500; a refusing server exits 6 and does not advance the state', async () => {
    const server = await serve({ domains: [DOMAIN] });
    const s = await setup({ url: server.url, kind: 'deepflow', domain_uuid: DOMAIN });
    server.refuse = 'INVALID_PARAMETERS';
    const refused = await sync(s);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain('INVALID_PARAMETERS');
    expect(refused.stderr).toContain('state not advanced');
    expect(existsSync(join(s.state, 'last-push.json'))).toBe(false);
    expect(readdirSync(join(s.state, 'accounts'))).toEqual([]);
    server.refuse = undefined;
    server.failNext.push(500);
    const retried = await sync(s);
    expect(retried.code).toBe(0);
    expect(server.pushes.map((p) => p.status)).toEqual([400, 500, 200]);
    expect(readdirSync(join(s.state, 'accounts'))).toEqual(['aws-push.json']);
  });

  it('without state, a partial run does not push unless --allow-partial (--push URL, token from env)', async () => {
    const server = await serve({ token: TOKEN });
    const s = await setup(
      undefined,
      { faults: [{ op: 'DescribeInstances', region: 'eu-west-1', respond: 'server_error' }] },
      false,
    );
    s.env['DEEPFLOW_CLOUD_PUSH_TOKEN'] = TOKEN;
    const push = ['--push', `${server.url}/inventory`];
    const refused = await sync(s, push);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain('--allow-partial');
    expect(server.pushes).toHaveLength(0);
    const allowed = await sync(s, [...push, '--allow-partial', '--log-level', 'debug']);
    expect(allowed.code).toBe(4);
    expect(server.pushes.map((p) => p.status)).toEqual([200]);
    noSecret(s, refused.stderr, allowed.stderr, allowed.stdout);
  });

  it('never overlaps: a second run exits 7, a --wait-lock run waits for the first', async () => {
    const s = await setup(undefined, { latencyMs: 30 });
    const a = spawnSync(s);
    await until(() => existsSync(join(s.state, 'lock')));
    const b = await sync(s, ['--quiet']);
    expect(b.code).toBe(7);
    expect(b.stderr).toMatch(/another run holds the lock .*pid \d+/);
    const c = spawnSync(s, ['--wait-lock', '60s']);
    expect(await a.done).toBe(0);
    expect(await c.done).toBe(0);
    expect(existsSync(join(s.state, 'lock'))).toBe(false);
  });

  it('a killed run leaves no half-written file, and the next run recovers its lock', async () => {
    const s = await setup(undefined, { latencyMs: 30 });
    expect((await sync(s, ['--quiet'])).code).toBe(0);
    const out = join(s.dir, 'out.json');
    const stateFile = join(s.state, 'accounts', 'aws-push.json');
    const before = [readFileSync(out, 'utf8'), readFileSync(stateFile, 'utf8')];
    const a = spawnSync(s, ['--output', out]);
    await until(() => existsSync(join(s.state, 'lock')));
    a.child.kill('SIGKILL');
    await a.done;
    expect(existsSync(join(s.state, 'lock'))).toBe(true);
    expect([readFileSync(out, 'utf8'), readFileSync(stateFile, 'utf8')]).toEqual(before);
    const next = await sync(s, ['--log-level', 'warn', '--quiet']);
    expect(next.stderr).toContain('taking over a stale lock');
    expect(next.code).toBe(0);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ account: 'aws-push' });
  });

  it('writes the DeepFlow document with --format deepflow, and diffs two inventories', async () => {
    const s = await setup(undefined, {}, false);
    const df = await runCli(
      ['sync', '--config', s.config, '--format', 'deepflow', '--domain-uuid', DOMAIN, '--quiet'],
      { env: s.env },
    );
    expect(df.code).toBe(0);
    const doc = JSON.parse(df.stdout) as Record<string, unknown[]>;
    expect(Object.keys(doc).sort()).toEqual([
      'azs',
      'chosts',
      'cloud_tags',
      'hosts',
      'lbs',
      'peer_connections',
      'subnets',
      'vpcs',
    ]);
    expect(doc['chosts']?.length).toBeGreaterThan(0);
    const r = await sync(s, ['--quiet']);
    expect(r.code).toBe(0);
    const inv = JSON.parse(readFileSync(join(s.dir, 'out.json'), 'utf8')) as Inventory;
    const changed = {
      ...inv,
      vms: inv.vms.slice(1).map((v, i) => (i === 0 ? { ...v, name: 'renamed' } : v)),
    };
    writeFileSync(join(s.dir, 'new.json'), JSON.stringify(changed));
    const table = await runCli(['diff', join(s.dir, 'out.json'), join(s.dir, 'new.json')]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/vms\s+0\s+1\s+1/);
    const json = await runCli([
      'diff',
      join(s.dir, 'out.json'),
      join(s.dir, 'new.json'),
      '--format',
      'json',
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      kinds: { vms: { removed: [inv.vms[0]?.id], changed: [inv.vms[1]?.id] } },
    });
    expect((await runCli(['diff', s.config, join(s.dir, 'new.json')])).code).toBe(2);
  });
});
