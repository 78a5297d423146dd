import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEFAULT_RETRY_POLICY } from '../transport/retry.js';
import type { Obj } from '../../test/helpers/config.js';
import { SECRET, account, cfg, load } from '../../test/helpers/config.js';

const yaml = (o: Obj): string => stringify(o);
const json = (o: Obj): string => JSON.stringify(o, null, 2);

describe('config/loadConfig: good configs', () => {
  it('resolves the DESIGN example shape with defaults', async () => {
    const text = `
accounts:
  - name: aws-prod
    provider: aws
    credentials:
      access_key_id: AKIDEXAMPLE
      secret_access_key: \${AWS_SK}
    regions:
      include: ["us-east-1", "Europe (Ireland)", "ap-*"]
      exclude: ["ap-east-1"]
    resources: [vm, vpc, subnet, vm]
    endpoints:
      ec2: http://127.0.0.1:9000/ec2/{region}
    concurrency: 4
    default_region: cn-north-1
output: {file: out/inventory.json, format: ndjson}
push: {url: "https://deepflow-server:20417", kind: deepflow, domain_uuid: d-1, token: {file: sk.txt}}
state_dir: state
request_timeout: 1m30s
retry: {max_attempts: 5, base_delay: 250ms}
`;
    const { config, secrets, warnings } = await load(text);
    expect(config).toEqual({
      accounts: [
        {
          name: 'aws-prod',
          provider: 'aws',
          credentials: { access_key_id: 'AKIDEXAMPLE', secret_access_key: SECRET },
          regions: { include: ['us-east-1', 'Europe (Ireland)', 'ap-*'], exclude: ['ap-east-1'] },
          regionsPath: {
            include: 'accounts[0].regions.include',
            exclude: 'accounts[0].regions.exclude',
          },
          resources: ['vm', 'vpc', 'subnet'],
          endpoints: { ec2: 'http://127.0.0.1:9000/ec2/{region}' },
          concurrency: 4,
          options: { default_region: 'cn-north-1' },
        },
      ],
      output: { file: '/etc/dc/out/inventory.json', format: 'ndjson' },
      push: {
        url: 'https://deepflow-server:20417',
        kind: 'deepflow',
        orgId: 1,
        domainUuid: 'd-1',
        token: SECRET,
      },
      stateDir: '/etc/dc/state',
      requestTimeoutMs: 90_000,
      retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 5, baseDelayMs: 250 },
    });
    expect(secrets).toEqual(['AKIDEXAMPLE', SECRET, SECRET]);
    expect(warnings).toEqual([]);
  });

  it('applies defaults to a minimal JSON config', async () => {
    const { config } = await load(json(cfg()), '/etc/dc/config.json');
    expect(config.accounts[0]).toMatchObject({
      regions: { include: [], exclude: [] },
      resources: undefined,
      endpoints: {},
      concurrency: 64,
      options: { default_region: 'us-east-1' },
    });
    expect(config).toMatchObject({
      output: { file: undefined, format: 'json' },
      push: undefined,
      stateDir: undefined,
      requestTimeoutMs: 30_000,
      retry: DEFAULT_RETRY_POLICY,
    });
  });

  it('accepts a $schema key, output to stdout and several accounts', async () => {
    const text = yaml({
      $schema: './schema/config.schema.json',
      accounts: [account(), account({ name: 'prod.cn-2_b' })],
      output: { file: '-' },
    });
    const { config } = await load(text);
    expect(config.accounts.map((a) => a.name)).toEqual(['prod', 'prod.cn-2_b']);
    expect(config.output.file).toBeUndefined();
  });

  it('registers the secret keys, the access key id (masked, never warned about) and the push token', async () => {
    const text = yaml(
      cfg(
        { push: { url: 'http://x', kind: 'http', token: 'push-token-literal' } },
        {
          credentials: {
            access_key_id: 'AKIDEXAMPLE',
            secret_access_key: '${AWS_SK}',
            session_token: 'session-token-literal',
          },
        },
      ),
    );
    const { secrets } = await load(text);
    expect(secrets).toEqual(['AKIDEXAMPLE', SECRET, 'session-token-literal', 'push-token-literal']);
  });
});

describe('config/loadConfig: warnings', () => {
  it.each([
    ['a literal secret, mode 0644', { secret_access_key: 'literal-secret-1234' }, 0o644, true],
    ['a literal secret, mode 0640', { secret_access_key: 'literal-secret-1234' }, 0o640, true],
    ['a literal secret, mode 0600', { secret_access_key: 'literal-secret-1234' }, 0o600, false],
    ['an ${ENV} secret, mode 0644', { secret_access_key: '${AWS_SK}' }, 0o644, false],
    ['a {file} secret, mode 0644', { secret_access_key: { file: 'sk.txt' } }, 0o644, false],
  ])('%s → warns: %s', async (_what, creds, mode, warns) => {
    const text = yaml(cfg({}, { credentials: { access_key_id: 'AKIDEXAMPLE', ...creds } }));
    const { warnings } = await load(text, '/etc/dc/config.yaml', mode);
    expect(warnings).toEqual(
      warns
        ? [
            '/etc/dc/config.yaml holds a literal secret (accounts[0].credentials.secret_access_key) ' +
              'and is readable by group/others (mode 0' +
              mode.toString(8) +
              '): run chmod 600 on it, or use ${ENV_VAR} or {file: path}',
          ]
        : [],
    );
  });

  it('warns for a literal push token too, counting the others', async () => {
    const text = yaml(
      cfg(
        { push: { url: 'http://x', kind: 'http', token: 'literal-token-1234' } },
        { credentials: { access_key_id: 'A', secret_access_key: 'literal-secret-1234' } },
      ),
    );
    const { warnings } = await load(text, '/etc/dc/config.yaml', 0o604);
    expect(warnings[0]).toContain(
      '(accounts[0].credentials.secret_access_key and 1 more) and is readable by group/others (mode 0604)',
    );
  });
});
