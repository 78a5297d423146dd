/**
 * Config robustness (issue 10.4): every bad config of `test/fixtures/configs/bad/`, plus an unreadable one
 * (a directory) and a missing one, given to every command that reads a config → exit 2, exactly one line on
 * stderr that names the config path of the fault, nothing on stdout, no stack trace.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const DIR = join(ROOT, 'test', 'fixtures', 'configs', 'bad');

/** What the one line must name, per file: the config path (or the file for syntax errors). */
const NAMES: Readonly<Record<string, string>> = {
  'malformed-yaml.yaml': 'malformed-yaml.yaml',
  'wrong-type-concurrency.yaml': 'accounts[0].concurrency',
  'unknown-top-key.yaml': 'acounts',
  'unknown-account-key.yaml': 'regoins',
  'missing-env.yaml': 'accounts[0].credentials.secret_access_key',
  'duplicate-account-names.yaml': 'accounts[1]',
  'empty.yaml': 'empty.yaml',
  'accounts-not-a-list.yaml': 'accounts',
  'unknown-provider.yaml': 'accounts[0].provider',
  'include-not-a-list.yaml': 'accounts[0].regions.include',
  'endpoint-not-http.yaml': 'accounts[0].endpoints.ec2',
  'missing-credential.yaml': 'accounts[0].credentials.secret_access_key',
  'bad-duration.yaml': 'request_timeout',
  'secret-file-missing.yaml': 'accounts[0].credentials.secret_access_key',
  'unknown-resource-kind.yaml': 'accounts[0].resources[1]',
  'duplicate-yaml-key.yaml': 'line 3',
  'scalar-document.yaml': 'top level',
  'bad-account-name.yaml': 'accounts[0].name',
  'trailing-comma.json': 'trailing-comma.json',
};

const ENV = { DFC_AK: 'AKIDCORPUSEXAMPLE0001', DFC_SK: 'corpus/Secret+Key/EXAMPLE0000000001' };

async function runInProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await run(args, {
    stdout,
    stderr,
    env: { ...ENV },
    stderrIsTTY: false,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

const files = readdirSync(DIR).filter((f) => /\.(ya?ml|json)$/.test(f));
const scratch = tempDir('dfc-corpus-');
mkdirSync(join(scratch, 'a-directory.yaml'));
const cases: [string, string, string][] = [
  ...files.map((f): [string, string, string] => [f, join(DIR, f), NAMES[f] ?? '(unlisted)']),
  ['unreadable (a directory)', join(scratch, 'a-directory.yaml'), 'a-directory.yaml'],
  ['missing file', join(scratch, 'no-such-config.yaml'), 'no-such-config.yaml'],
];

describe('config corpus: bad configs', () => {
  it('lists what every fixture must name', () => {
    expect(files.filter((f) => NAMES[f] === undefined)).toEqual([]);
  });

  describe.each(['sync', 'check', 'regions'])('%s', (command) => {
    it.each(cases)('%s → exit 2, one line naming the path', async (_name, path, names) => {
      const { code, out, err } = await runInProcess([command, '--config', path]);
      expect(code).toBe(2);
      expect(out).toBe('');
      const lines = err.trimEnd().split('\n');
      expect(lines, err).toHaveLength(1);
      expect(lines[0]).toContain(names);
      expect(err).not.toMatch(/\n\s+at |Error:|TypeError|ZodError/);
      expect(err).not.toContain(ENV.DFC_SK);
    });
  });
});
