import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/errors.js';
import { DEFAULT_RETRY_POLICY } from '../transport/retry.js';
import { parseDuration, tryParseDuration } from './duration.js';
import { configFromEnv } from './load.js';
import { applyOverrides, parseResourceKinds, splitList } from './overrides.js';
import type { ConfigOverrides } from './overrides.js';
import type { ResolvedConfig } from './types.js';

const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';
const ENV = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: SECRET };

function thrown(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e: unknown) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config/configFromEnv', () => {
  it('builds one account named after the provider from its variables', () => {
    const registered: string[] = [];
    const config = configFromEnv('aws', { ...ENV, AWS_SESSION_TOKEN: 'session-token-1' }, {}, (s) =>
      registered.push(s),
    );
    expect(config).toEqual({
      accounts: [
        {
          name: 'aws',
          provider: 'aws',
          credentials: {
            access_key_id: 'AKIDEXAMPLE',
            secret_access_key: SECRET,
            session_token: 'session-token-1',
          },
          regions: { include: [], exclude: [] },
          regionsPath: { include: '--regions', exclude: '--exclude-regions' },
          resources: undefined,
          endpoints: {},
          concurrency: 64,
          options: { default_region: 'us-east-1' },
        },
      ],
      output: { file: undefined, format: 'json' },
      push: undefined,
      stateDir: undefined,
      requestTimeoutMs: 30_000,
      retry: DEFAULT_RETRY_POLICY,
    });
    expect(registered).toEqual([SECRET, 'session-token-1', 'AKIDEXAMPLE']);
  });

  it.each([
    [
      {},
      'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set (needed for --provider aws without --config)',
    ],
    [
      { AWS_ACCESS_KEY_ID: 'AKID' },
      'AWS_SECRET_ACCESS_KEY is not set (needed for --provider aws without --config)',
    ],
    [
      { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: '' },
      'AWS_SECRET_ACCESS_KEY is not set (needed for --provider aws without --config)',
    ],
  ])('names the missing variables: %j', (env, message) => {
    const err = thrown(() => configFromEnv('aws', env));
    expect(err.message).toBe(message);
    expect(err.kind).toBe('config_invalid');
  });

  it.each([
    [
      undefined,
      '--provider: is required (available: aws, aliyun, azure, baidu, huawei, qingcloud, tencent, volcengine)',
    ],
    [
      'AWS',
      "--provider: unknown provider 'AWS', did you mean 'aws'? (available: aws, aliyun, azure, baidu, huawei, qingcloud, tencent, volcengine)",
    ],
    [
      'gcp',
      "--provider: unknown provider 'gcp' (available: aws, aliyun, azure, baidu, huawei, qingcloud, tencent, volcengine)",
    ],
    [
      'azur',
      "--provider: unknown provider 'azur', did you mean 'azure'? (available: aws, aliyun, azure, baidu, huawei, qingcloud, tencent, volcengine)",
    ],
  ])('rejects provider %j', (provider, message) => {
    const err = thrown(() => configFromEnv(provider, ENV));
    expect(err.path).toBe('--provider');
    expect(err.message).toBe(message);
  });

  it('needs no credentials with skipCredentials (the emulator brings its own)', () => {
    const config = configFromEnv('aws', {}, { skipCredentials: true });
    expect(config.accounts[0]?.credentials).toEqual({});
  });

  it('applies the flags', () => {
    const config = configFromEnv(
      'aws',
      { ...ENV, DEEPFLOW_CLOUD_PUSH_TOKEN: 'push-token-1' },
      {
        regions: ['cn-*'],
        resources: ['vm', 'vpc'],
        concurrency: '4',
        timeout: '5s',
        output: 'out.json',
        format: 'ndjson',
        push: 'http://127.0.0.1:8080/in',
        stateDir: '/var/lib/dc',
      },
    );
    expect(config.accounts[0]).toMatchObject({
      regions: { include: ['cn-*'], exclude: [] },
      resources: ['vm', 'vpc'],
      concurrency: 4,
    });
    expect(config).toMatchObject({
      output: { file: 'out.json', format: 'ndjson' },
      push: { url: 'http://127.0.0.1:8080/in', kind: 'http', orgId: 1, token: 'push-token-1' },
      stateDir: '/var/lib/dc',
      requestTimeoutMs: 5000,
    });
  });
});

describe('config/applyOverrides', () => {
  const base = configFromEnv('aws', ENV);
  const [aws] = base.accounts;
  if (!aws) throw new Error('no account');
  const two: ResolvedConfig = {
    ...base,
    accounts: [
      aws,
      {
        ...aws,
        name: 'prod',
        regionsPath: {
          include: 'accounts[1].regions.include',
          exclude: 'accounts[1].regions.exclude',
        },
      },
    ],
  };

  it('keeps the config when no flag is given', () => {
    expect(applyOverrides(two, {}, {})).toEqual(two);
  });

  it('selects accounts and records where region rules came from', () => {
    const config = applyOverrides(two, { accounts: ['prod'], excludeRegions: ['us-west-1'] }, {});
    expect(config.accounts.map((a) => a.name)).toEqual(['prod']);
    expect(config.accounts[0]?.regionsPath).toEqual({
      include: 'accounts[1].regions.include',
      exclude: '--exclude-regions',
    });
  });

  it('keeps the configured push kind and token when --push changes the URL', () => {
    const withPush: ResolvedConfig = {
      ...base,
      push: { url: 'http://a', kind: 'deepflow', orgId: 3, domainUuid: 'd', token: 't' },
    };
    expect(applyOverrides(withPush, { push: 'https://b:20417' }, {}).push).toEqual({
      ...withPush.push,
      url: 'https://b:20417',
    });
  });

  it.each<[ConfigOverrides, string]>([
    [
      { accounts: ['prd'] },
      "--account: no account named 'prd', did you mean 'prod'? (accounts: aws, prod)",
    ],
    [{ regions: [] }, '--regions: must name at least one region'],
    [{ excludeRegions: ['a', ''] }, '--exclude-regions: must not contain an empty region'],
    [
      { resources: ['vmz'] },
      "--resources: unknown resource kind 'vmz', did you mean 'vm'? (valid: region, zone, vpc, subnet, vm, network_interface, public_ip, security_group, route_table, nat_gateway, load_balancer, rds_instance, redis_instance, peering_connection, cloud_network, kubernetes_cluster)",
    ],
    [{ resources: [] }, '--resources: must name at least one resource kind'],
    [{ concurrency: '0' }, '--concurrency: must be an integer from 1 to 256'],
    [{ concurrency: 'eight' }, '--concurrency: must be an integer from 1 to 256'],
    [{ concurrency: '' }, '--concurrency: must be an integer from 1 to 256'],
    [{ concurrency: 257 }, '--concurrency: must be an integer from 1 to 256'],
    [
      { timeout: '30' },
      "--timeout: invalid duration '30': expected a number followed by ms, s, m or h (e.g. 500ms, 30s, 2m, 1m30s)",
    ],
    [{ timeout: '0ms' }, '--timeout: must be longer than 0'],
    [{ format: 'xml' }, '--format: must be one of json, ndjson'],
    [{ push: 'deepflow-server:20417' }, '--push: must be an http:// or https:// URL'],
  ])('rejects %j', (overrides, message) => {
    expect(thrown(() => applyOverrides(two, overrides, {})).message).toBe(message);
  });
});

describe('config/parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['0s', 0],
    [' 10s ', 10_000],
  ])('%j → %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', 's', '30 s', '-1s', '1d', '1S', '30sec', '1e3ms', '.5s'])(
    'rejects %j',
    (text) => {
      expect(tryParseDuration(text)).toBeUndefined();
      expect(() => parseDuration(text, 'request_timeout')).toThrow(
        `request_timeout: invalid duration '${text}': expected a number followed by ms, s, m or h`,
      );
    },
  );
});

describe('config/splitList', () => {
  it.each([
    ['a,b', ['a', 'b']],
    [' a , b ,, c ', ['a', 'b', 'c']],
    ['', []],
    ['华南3（广州）,cn-*', ['华南3（广州）', 'cn-*']],
  ])('%j → %j', (text, list) => {
    expect(splitList(text)).toEqual(list);
  });
});

describe('config/parseResourceKinds', () => {
  it('accepts the plural output keys as well as the singular kinds', () => {
    expect(parseResourceKinds(['vms', 'vpc', 'load_balancers'], '--resources')).toEqual([
      'vm',
      'vpc',
      'load_balancer',
    ]);
  });
});
