/**
 * Secret audit (issue 10.3): distinctive credentials for every provider with an emulator, pushed through every
 * command and through the emulator's faults at `--log-level debug` with `--dump-raw`; no secret, nor its URL
 * or base64 encoding, may appear in stdout, stderr, the output and metrics files, the state dir or the dumps.
 * `npm test` runs four faults for the first provider and one for the others; DEEPFLOW_SLOW=1 runs every fault
 * kind for every provider, in both log formats.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { FaultKind, FaultSpec, RunningEmulator } from '../../src/emulator/harness.js';
import { FAULT_KINDS } from '../../src/emulator/harness.js';
import type { ProviderName } from '../../src/model/index.js';
import { SPECS } from '../../src/providers/specs.js';
import type { CliResult } from '../helpers/cli.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { TINY, testedProviders } from '../helpers/matrix.js';

const SLOW = process.env['DEEPFLOW_SLOW'] === '1';
const FAST_FAULTS: readonly FaultKind[] = [
  'auth_failure',
  'forbidden',
  'malformed',
  'expired_token',
];
const FAULTS = SLOW ? FAULT_KINDS : FAST_FAULTS;

/** Distinctive per provider; `/`, `+`, `=` and `~` make the URL and base64 encodings differ from the raw. */
function auditCredentials(p: ProviderName): { accessKeyId: string; secretAccessKey: string } {
  const tag = p.toUpperCase();
  return {
    accessKeyId: `AUDITID${tag}Q7X2K9`,
    secretAccessKey: `Audit/${p}+S3cr3t=Zq8~x7K3pT/${tag}`,
  };
}

/** The forms a secret could leak in. */
function needles(secret: string): string[] {
  const b64 = Buffer.from(secret, 'utf8').toString('base64');
  return [
    secret,
    encodeURIComponent(secret),
    b64,
    b64.replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
}

/** Every file under `dir` with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out.push({ path, text: readFileSync(path, 'latin1') });
  }
  return out;
}

const emulators: RunningEmulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

interface Audit {
  readonly where: string;
  readonly text: string;
}

function leaks(audits: readonly Audit[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const s of secrets) {
    for (const n of needles(s)) {
      for (const a of audits)
        if (a.text.includes(n)) found.push(`${JSON.stringify(n)} in ${a.where}`);
    }
  }
  return found;
}

const PROVIDERS = testedProviders();

describe.each(PROVIDERS)('secret audit: %s', (provider) => {
  const full = SLOW || provider === PROVIDERS[0];
  it(
    'no secret in any stream, file, state or dump, across commands and faults',
    async () => {
      const creds = auditCredentials(provider);
      const em = await startEmulator(provider, { ...TINY, credentials: creds });
      emulators.push(em);
      const spec = SPECS[provider];
      if (spec === undefined) throw new Error(`${provider} has no spec`);
      const masked = [...spec.secretKeys, ...(spec.redactKeys ?? [])];
      const secrets = masked.flatMap((k) => em.configCredentials[k] ?? []);
      expect(secrets.length).toBeGreaterThan(0);
      const wrong = `Wrong/${provider}+Secret=Never~Shown`;
      secrets.push(wrong);

      const confDir = tempDir('dfc-audit-conf-');
      const work = tempDir('dfc-audit-work-');
      const account = (credentials: Record<string, string>) => ({
        name: 'audit',
        provider,
        credentials,
        endpoints: em.endpoints,
      });
      const config = join(confDir, 'config.json');
      writeFileSync(config, JSON.stringify({ accounts: [account(em.configCredentials)] }), {
        mode: 0o600,
      });
      const secretKey = spec.secretKeys[0] ?? '';
      const wrongConfig = join(confDir, 'wrong.json');
      writeFileSync(
        wrongConfig,
        JSON.stringify({ accounts: [account({ ...em.configCredentials, [secretKey]: wrong })] }),
        { mode: 0o600 },
      );
      // A typo beside a literal secret: the config error must not echo the account.
      const typo = join(confDir, 'typo.json');
      writeFileSync(
        typo,
        JSON.stringify({ accounts: [{ ...account(em.configCredentials), regoins: {} }] }),
        { mode: 0o600 },
      );

      const audits: Audit[] = [];
      const record = (label: string, r: CliResult): void => {
        audits.push({ where: `${label} stdout`, text: r.stdout });
        audits.push({ where: `${label} stderr`, text: r.stderr });
      };
      const debug = (fmt: 'text' | 'json'): string[] => [
        '--log-level',
        'debug',
        '--log-format',
        fmt,
      ];
      const sync = async (label: string, cfg: string, fmt: 'text' | 'json' = 'text') => {
        const dir = join(work, label);
        mkdirSync(dir, { recursive: true });
        const r = await runCli([
          'sync',
          '--config',
          cfg,
          '--output',
          join(dir, 'inventory.json'),
          '--state-dir',
          join(dir, 'state'),
          '--dump-raw',
          join(dir, 'dump'),
          '--metrics-file',
          join(dir, 'metrics.prom'),
          '--timeout',
          '1s',
          ...debug(fmt),
        ]);
        record(`sync ${label}`, r);
        return r;
      };

      const clean = await sync('clean', config);
      expect(clean.code, clean.stderr).toBe(0);
      expect(readdirSync(join(work, 'clean', 'dump')).length).toBeGreaterThan(0);
      if (SLOW) await sync('clean-json', config, 'json');
      const region = em.world.regions.filter((r) => r.enabled).at(-1)?.id;
      // `npm test`: every fast fault for the first provider, the first (auth failure: where SDK errors echo
      // request details most) for the others; DEEPFLOW_SLOW=1: every fault kind for every provider.
      for (const fault of full ? FAULTS : FAULTS.slice(0, 1)) {
        em.clearFaults();
        const aimed: FaultSpec = {
          op: '*',
          respond: fault,
          ...(fault === 'auth_failure' || region === undefined ? {} : { region }),
        };
        em.addFault(aimed);
        const r = await sync(
          `fault-${fault}`,
          config,
          SLOW && fault.length % 2 === 0 ? 'json' : 'text',
        );
        expect([0, 3, 4], `${fault}: ${r.stderr.slice(-500)}`).toContain(r.code);
      }
      em.clearFaults();
      record(
        'check',
        await runCli(['check', '--config', config, '--format', 'json', ...debug('json')]),
      );
      if (full) {
        const bad = await sync('wrong-secret', wrongConfig);
        expect(bad.code).toBe(3);
        const typoRun = await runCli(['sync', '--config', typo, ...debug('text')]);
        expect(typoRun.code).toBe(2);
        record('sync typo', typoRun);
        record('check wrong', await runCli(['check', '--config', wrongConfig, ...debug('text')]));
        record('regions', await runCli(['regions', '--config', config, ...debug('text')]));
        record('providers', await runCli(['providers', '--format', 'json']));
        record(
          'diff',
          await runCli([
            'diff',
            join(work, 'clean', 'inventory.json'),
            join(work, `fault-${FAULTS[0] ?? 'expired_token'}`, 'inventory.json'),
          ]),
        );
      }
      for (const f of filesUnder(work)) audits.push({ where: f.path, text: f.text });
      expect(leaks(audits, secrets)).toEqual([]);
    },
    SLOW ? 600_000 : 180_000,
  );
});
