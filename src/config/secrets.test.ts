import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../errors/errors.js';
import { loadConfig, nodeFs } from './load.js';
import type { LoadDeps } from './load.js';
import { interpolateEnv } from './secret-ref.js';

const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';

describe('config/interpolateEnv', () => {
  const env = { A: 'alpha', B: 'beta', SK: SECRET };
  it.each([
    ['${A}', 'alpha', 1],
    ['${A}-${B}', 'alpha-beta', 2],
    ['Bearer ${SK}', `Bearer ${SECRET}`, 1],
    ['plain', 'plain', 0],
    ['$A and $', '$A and $', 0],
    ['$${A}', '${A}', 0],
    ['cost: $$5', 'cost: $$5', 0],
    ['', '', 0],
  ])('%j → %j', (text, value, references) => {
    expect(interpolateEnv(text, env, 'p')).toEqual({ value, references });
  });

  it.each([
    ['${MISSING}', 'p: environment variable MISSING is not set'],
    [
      '${A',
      "p: malformed ${...} reference: expected ${NAME} with NAME made of letters, digits and '_' (write $${ for a literal ${)",
    ],
    [
      '${}',
      "p: malformed ${...} reference: expected ${NAME} with NAME made of letters, digits and '_' (write $${ for a literal ${)",
    ],
    [
      '${1A}',
      "p: malformed ${...} reference: expected ${NAME} with NAME made of letters, digits and '_' (write $${ for a literal ${)",
    ],
  ])('%j fails: %s', (text, message) => {
    expect(() => interpolateEnv(text, env, 'p')).toThrow(new ConfigError('p', message.slice(3)));
  });
});

describe('config/loadConfig with files on disk', () => {
  let dir = '';
  const secrets: string[] = [];
  const deps = (env: Record<string, string> = {}): LoadDeps => ({
    ...nodeFs,
    env,
    warn: () => undefined,
    registerSecret: (s) => secrets.push(s),
  });
  const write = async (name: string, text: string, mode = 0o600): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, text);
    await chmod(path, mode);
    return path;
  };
  const account = (credentials: Record<string, unknown>) => ({
    accounts: [
      { name: 'a', provider: 'aws', credentials: { access_key_id: 'AKID', ...credentials } },
    ],
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dc-config-'));
    await mkdir(join(dir, 'conf'));
    await mkdir(join(dir, 'secrets'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads {file} relative to the config file, trimming the trailing newline', async () => {
    await write('secrets/sk', `${SECRET}\n`);
    const cfg = await write(
      'conf/config.yaml',
      stringify(account({ secret_access_key: { file: '../secrets/sk' } })),
    );
    const config = await loadConfig(cfg, deps());
    expect(config.accounts[0]?.credentials['secret_access_key']).toBe(SECRET);
    expect(secrets).toContain(SECRET);
  });

  it('reads an absolute {file} path and trims CRLF', async () => {
    const sk = await write('secrets/crlf', 'token-with-crlf\r\n');
    const cfg = await write(
      'conf/abs.json',
      JSON.stringify(account({ secret_access_key: { file: sk } })),
    );
    const config = await loadConfig(cfg, deps());
    expect(config.accounts[0]?.credentials['secret_access_key']).toBe('token-with-crlf');
  });

  it('names the path of an unreadable {file} (a directory)', async () => {
    const cfg = await write(
      'conf/dir.yaml',
      stringify(account({ secret_access_key: { file: '../secrets' } })),
    );
    await expect(loadConfig(cfg, deps())).rejects.toThrow(
      `accounts[0].credentials.secret_access_key: cannot read file ${join(dir, 'secrets')} (EISDIR)`,
    );
  });

  it('rejects an empty {file} without printing anything of it', async () => {
    await write('secrets/empty', '\n');
    const cfg = await write(
      'conf/empty.yaml',
      stringify(account({ secret_access_key: { file: '../secrets/empty' } })),
    );
    await expect(loadConfig(cfg, deps())).rejects.toThrow(
      'accounts[0].credentials.secret_access_key: must not be empty',
    );
  });

  it('checks the real file mode for the literal-secret warning', async () => {
    const warnings: string[] = [];
    const cfg = await write(
      'conf/loose.yaml',
      stringify(account({ secret_access_key: SECRET })),
      0o644,
    );
    await loadConfig(cfg, { ...deps(), warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('(mode 0644)');
    expect(warnings[0]).not.toContain(SECRET);
  });
});

describe('config: secrets never appear in errors', () => {
  const files = (text: string): LoadDeps => ({
    readFile: (p) => (p === '/c.yaml' ? Promise.resolve(text) : Promise.reject(new Error(SECRET))),
    stat: () => Promise.resolve({ mode: 0o600 }),
    env: { SK: SECRET, [SECRET]: 'x' },
    warn: () => undefined,
    registerSecret: () => undefined,
  });
  const creds = `credentials: {access_key_id: AKID, secret_access_key: ${SECRET}}`;

  it.each([
    ['a YAML error on the secret line', `accounts:\n  - name: a\n    ${creds}: x\n`],
    [
      'a YAML error after the secret',
      `accounts:\n  - {name: a, provider: aws, ${creds}}\n  bad: [\n`,
    ],
    ['a JSON error next to the secret', `{"accounts": [{"secret": "${SECRET}" "x"}]}`],
    [
      'a JSON error inside the secret',
      `{"accounts": ["${SECRET.slice(0, 10)}\\q${SECRET.slice(10)}"]}`,
    ],
    [
      'another error in the account',
      `accounts:\n  - {name: a, provider: aws, concurrency: 0, ${creds}}\n`,
    ],
    [
      'the secret as an unknown key',
      `accounts:\n  - {name: a, provider: aws, ${SECRET}: 1, ${creds}}\n`,
    ],
    [
      'the secret in an enum field',
      `accounts:\n  - {name: a, provider: aws, ${creds}}\noutput: {format: ${SECRET}}\n`,
    ],
    ['the secret as a provider', `accounts:\n  - {name: a, provider: ${SECRET}, ${creds}}\n`],
    [
      'the secret as a duration',
      `accounts:\n  - {name: a, provider: aws, ${creds}}\nrequest_timeout: ${SECRET}\n`,
    ],
    [
      'the secret as a resource kind',
      `accounts:\n  - {name: a, provider: aws, resources: [${SECRET}], ${creds}}\n`,
    ],
    [
      'a {file} that fails with the secret',
      'accounts:\n  - {name: a, provider: aws, credentials: {access_key_id: A, secret_access_key: {file: x}}}\n',
    ],
    [
      'a duplicate name after an env secret',
      'accounts:\n  - {name: a, provider: aws, credentials: {access_key_id: A, secret_access_key: "${SK}"}}\n  - {name: a, provider: aws, credentials: {access_key_id: A, secret_access_key: "${SK}"}}\n',
    ],
  ])('%s', async (_what, text) => {
    const err = await loadConfig('/c.yaml', files(text)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    const message = err instanceof Error ? err.message : '';
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain(SECRET.slice(0, 12));
    expect(message).not.toContain('\n');
  });
});
