import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../errors/errors.js';
import { loadConfig } from './load.js';
import type { Obj } from '../../test/helpers/config.js';
import { SECRET, account, cfg, load, memDeps } from '../../test/helpers/config.js';

async function failure(text: string, name = '/etc/dc/config.yaml'): Promise<ConfigError> {
  try {
    await load(text, name);
  } catch (e: unknown) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const yaml = (o: Obj): string => stringify(o);

const creds = (c: Obj): Obj => ({ credentials: { access_key_id: 'AKIDEXAMPLE', ...c } });
const KEYS =
  'name, provider, credentials, regions, resources, endpoints, concurrency, default_region';
const TOP = '$schema, accounts, output, push, ca_file, state_dir, request_timeout, retry';
const SERVICES = 'ec2, rds, elasticache, elasticloadbalancing, eks, sts';

describe('config/loadConfig: bad configs', () => {
  it.each<[string, string, string, string]>([
    // Syntax.
    [
      'malformed YAML',
      'accounts:\n  - name: a\n   provider: aws\n',
      '',
      '/etc/dc/config.yaml: YAML syntax error at line 3, column 1: Sequence item without - indicator',
    ],
    [
      'YAML tab indentation',
      'accounts:\n\t- name: a\n',
      '',
      '/etc/dc/config.yaml: YAML syntax error at line 2, column 1: Tabs are not allowed as indentation',
    ],
    [
      'YAML duplicate key',
      'accounts: []\naccounts: []\n',
      '',
      '/etc/dc/config.yaml: YAML syntax error at line 2, column 1: duplicate key',
    ],
    [
      'JSON trailing comma',
      '{\n  "accounts": [\n    {"name": "a",}\n  ]\n}',
      '',
      "/etc/dc/config.yaml: JSON syntax error at line 3, column 18: trailing comma before '}'",
    ],
    [
      'JSON missing comma',
      '{"accounts": []\n "output": {}}',
      '',
      "/etc/dc/config.yaml: JSON syntax error at line 2, column 2: expected ',' or '}'",
    ],
    [
      'JSON unterminated',
      '{"accounts": [',
      '',
      '/etc/dc/config.yaml: JSON syntax error at line 1, column 15: unexpected end of input, expected a value',
    ],
    ['empty file', '  \n', '', '/etc/dc/config.yaml: the config file is empty'],
    ['not a mapping', '- a\n- b\n', '', 'top level: expected a mapping, got a list'],
    // Types and values.
    ['no accounts', yaml({ accounts: [] }), 'accounts', 'accounts: must list at least one account'],
    [
      'accounts not a list',
      yaml({ accounts: { prod: {} } }),
      'accounts',
      'accounts: expected a list, got a mapping',
    ],
    [
      'account not a mapping',
      yaml({ accounts: ['prod'] }),
      'accounts[0]',
      'accounts[0]: expected a mapping, got a string',
    ],
    [
      'missing name',
      yaml({ accounts: [{ provider: 'aws', ...creds({ secret_access_key: 'x' }) }] }),
      'accounts[0].name',
      'accounts[0].name: is required',
    ],
    [
      'bad name',
      yaml(cfg({}, { name: 'prod east' })),
      'accounts[0].name',
      "accounts[0].name: must be non-empty and use only letters, digits, '.', '_' and '-'",
    ],
    [
      'name with a slash',
      yaml(cfg({}, { name: 'a/b' })),
      'accounts[0].name',
      "accounts[0].name: must be non-empty and use only letters, digits, '.', '_' and '-'",
    ],
    [
      'concurrency as a string',
      yaml(cfg({}, { concurrency: '8' })),
      'accounts[0].concurrency',
      'accounts[0].concurrency: expected an integer, got a string',
    ],
    [
      'concurrency 0',
      yaml(cfg({}, { concurrency: 0 })),
      'accounts[0].concurrency',
      'accounts[0].concurrency: must be at least 1',
    ],
    [
      'concurrency 300',
      yaml(cfg({}, { concurrency: 300 })),
      'accounts[0].concurrency',
      'accounts[0].concurrency: must be at most 256',
    ],
    [
      'concurrency 1.5',
      yaml(cfg({}, { concurrency: 1.5 })),
      'accounts[0].concurrency',
      'accounts[0].concurrency: expected an integer, got a number',
    ],
    [
      'missing credential',
      yaml(cfg({}, creds({}))),
      'accounts[0].credentials.secret_access_key',
      'accounts[0].credentials.secret_access_key: is required',
    ],
    [
      'credential as a number',
      yaml(cfg({}, creds({ secret_access_key: 12345 }))),
      'accounts[0].credentials.secret_access_key',
      'accounts[0].credentials.secret_access_key: must be a string (literal or ${ENV_VAR}) or {file: path}',
    ],
    [
      'empty credential',
      yaml(cfg({}, creds({ secret_access_key: '' }))),
      'accounts[0].credentials.secret_access_key',
      'accounts[0].credentials.secret_access_key: must not be empty',
    ],
    [
      'region pattern of the wrong type',
      yaml(cfg({}, { regions: { include: [1] } })),
      'accounts[0].regions.include[0]',
      'accounts[0].regions.include[0]: expected a string, got an integer',
    ],
    [
      'region list as a string',
      yaml(cfg({}, { regions: { include: 'us-east-1' } })),
      'accounts[0].regions.include',
      'accounts[0].regions.include: expected a list, got a string',
    ],
    [
      'empty region pattern',
      yaml(cfg({}, { regions: { exclude: ['us-east-1', ''] } })),
      'accounts[0].regions.exclude[1]',
      'accounts[0].regions.exclude[1]: must not be empty',
    ],
    [
      'unknown resource kind',
      yaml(cfg({}, { resources: ['vpc', 'vms'] })),
      'accounts[0].resources[1]',
      "accounts[0].resources[1]: unknown resource kind 'vms', did you mean 'vm'? (valid: region, zone, vpc, subnet, vm, network_interface, public_ip, security_group, route_table, nat_gateway, load_balancer, rds_instance, redis_instance, peering_connection, cloud_network, kubernetes_cluster)",
    ],
    [
      'empty resources',
      yaml(cfg({}, { resources: [] })),
      'accounts[0].resources',
      'accounts[0].resources: must not be empty',
    ],
    [
      'endpoint not a URL',
      yaml(cfg({}, { endpoints: { ec2: '127.0.0.1:9000' } })),
      'accounts[0].endpoints.ec2',
      'accounts[0].endpoints.ec2: must be an http:// or https:// URL',
    ],
    [
      'option of the wrong type',
      yaml(cfg({}, { default_region: 1 })),
      'accounts[0].default_region',
      'accounts[0].default_region: expected a string, got an integer',
    ],
    [
      'output format',
      yaml(cfg({ output: { format: 'xml' } })),
      'output.format',
      "output.format: must be one of 'json' or 'ndjson', got 'xml'",
    ],
    [
      'push without kind',
      yaml(cfg({ push: { url: 'http://x' } })),
      'push.kind',
      "push.kind: must be one of 'http' or 'deepflow', got nothing",
    ],
    [
      'push URL',
      yaml(cfg({ push: { url: 'ftp://x', kind: 'http' } })),
      'push.url',
      'push.url: must be an http:// or https:// URL',
    ],
    [
      'push org_id',
      yaml(cfg({ push: { url: 'http://x', kind: 'deepflow', org_id: 0 } })),
      'push.org_id',
      'push.org_id: must be at least 1',
    ],
    [
      'bad duration',
      yaml(cfg({ request_timeout: '30' })),
      'request_timeout',
      'request_timeout: must be a duration: a number followed by ms, s, m or h (e.g. 500ms, 30s, 2m, 1m30s)',
    ],
    [
      'duration with a space',
      yaml(cfg({ retry: { max_delay: '30 s' } })),
      'retry.max_delay',
      'retry.max_delay: must be a duration: a number followed by ms, s, m or h (e.g. 500ms, 30s, 2m, 1m30s)',
    ],
    [
      'zero duration',
      yaml(cfg({ request_timeout: '0s' })),
      'request_timeout',
      'request_timeout: must be longer than 0',
    ],
    [
      'duration as a number',
      yaml(cfg({ request_timeout: 30 })),
      'request_timeout',
      'request_timeout: expected a string, got an integer',
    ],
    [
      'base delay over max delay',
      yaml(cfg({ retry: { base_delay: '5s', max_delay: '1s' } })),
      'retry.base_delay',
      'retry.base_delay: must not exceed retry.max_delay (1s)',
    ],
    [
      'max_attempts 0',
      yaml(cfg({ retry: { max_attempts: 0 } })),
      'retry.max_attempts',
      'retry.max_attempts: must be at least 1',
    ],
    // Unknown keys, at each level.
    [
      'unknown top-level key',
      yaml(cfg({ ouput: {} })),
      'ouput',
      `ouput: unknown key, did you mean 'output'? (valid: ${TOP})`,
    ],
    [
      'unknown account key',
      yaml(cfg({}, { regoins: {} })),
      'accounts[0].regoins',
      `accounts[0].regoins: unknown key, did you mean 'regions'? (valid: ${KEYS})`,
    ],
    [
      'two unknown account keys',
      yaml(cfg({}, { zz: 1, yy: 2 })),
      'accounts[0]',
      `accounts[0]: unknown keys 'zz' and 'yy' (valid: ${KEYS})`,
    ],
    [
      'unknown credential key',
      yaml(cfg({}, creds({ secret_access_key: 'x', secret_acess_key: 'y' }))),
      'accounts[0].credentials.secret_acess_key',
      "accounts[0].credentials.secret_acess_key: unknown credential key, did you mean 'secret_access_key'? (valid: access_key_id, secret_access_key, session_token, role_arn)",
    ],
    [
      'unknown regions key',
      yaml(cfg({}, { regions: { includes: ['x'] } })),
      'accounts[0].regions.includes',
      "accounts[0].regions.includes: unknown key, did you mean 'include'? (valid: include, exclude)",
    ],
    [
      'unknown endpoint service code',
      yaml(cfg({}, { endpoints: { ecs: 'http://x' } })),
      'accounts[0].endpoints.ecs',
      `accounts[0].endpoints.ecs: unknown service code, did you mean 'ec2'? (valid: ${SERVICES})`,
    ],
    [
      'unknown endpoint code far from any',
      yaml(cfg({}, { endpoints: { 'r-kvstore': 'http://x' } })),
      'accounts[0].endpoints.r-kvstore',
      `accounts[0].endpoints.r-kvstore: unknown service code (valid: ${SERVICES})`,
    ],
    [
      'unknown output key',
      yaml(cfg({ output: { path: 'x' } })),
      'output.path',
      'output.path: unknown key (valid: file, format)',
    ],
    [
      'unknown push key',
      yaml(cfg({ push: { url: 'http://x', kind: 'http', org: 1 } })),
      'push.org',
      "push.org: unknown key, did you mean 'org_id'? (valid: url, kind, org_id, domain_uuid, token)",
    ],
    [
      'unknown retry key',
      yaml(cfg({ retry: { attempts: 3 } })),
      'retry.attempts',
      "retry.attempts: unknown key, did you mean 'max_attempts'? (valid: max_attempts, base_delay, max_delay)",
    ],
    [
      'unknown {file} key',
      yaml(cfg({}, creds({ secret_access_key: { path: 'x' } }))),
      'accounts[0].credentials.secret_access_key',
      'accounts[0].credentials.secret_access_key: must be a string (literal or ${ENV_VAR}) or {file: path}',
    ],
    // Providers.
    [
      'unknown provider',
      yaml(cfg({}, { provider: 'gcp' })),
      'accounts[0].provider',
      "accounts[0].provider: unknown provider 'gcp' (available: aws, aliyun, azure, baidu, huawei, qingcloud, tencent, volcengine)",
    ],
    [
      'misspelt provider',
      yaml(cfg({}, { provider: 'alyun' })),
      'accounts[0].provider',
      "accounts[0].provider: unknown provider 'alyun', did you mean 'aliyun'? (available: aws, aliyun, azure, baidu, huawei, qingcloud, tencent, volcengine)",
    ],
    [
      'non-string provider',
      yaml(cfg({}, { provider: ['aws'] })),
      'accounts[0].provider',
      'accounts[0].provider: must be a provider name (available: aws, aliyun, azure, baidu, huawei, qingcloud, tencent, volcengine)',
    ],
    [
      'missing provider',
      yaml({ accounts: [{ name: 'a', credentials: {} }] }),
      'accounts[0].provider',
      'accounts[0].provider: is required (available: aws, aliyun, azure, baidu, huawei, qingcloud, tencent, volcengine)',
    ],
    // Resolution.
    [
      'missing env reference',
      yaml(cfg({}, creds({ secret_access_key: '${AWS_SECRET}' }))),
      'accounts[0].credentials.secret_access_key',
      'accounts[0].credentials.secret_access_key: environment variable AWS_SECRET is not set',
    ],
    [
      'empty env variable',
      yaml(cfg({}, creds({ secret_access_key: '${EMPTY}' }))),
      'accounts[0].credentials.secret_access_key',
      'accounts[0].credentials.secret_access_key: environment variable EMPTY is empty',
    ],
    [
      'malformed env reference',
      yaml(cfg({}, creds({ secret_access_key: '${AWS-SK}' }))),
      'accounts[0].credentials.secret_access_key',
      "accounts[0].credentials.secret_access_key: malformed ${...} reference: expected ${NAME} with NAME made of letters, digits and '_' (write $${ for a literal ${)",
    ],
    [
      'unreadable {file}',
      yaml(cfg({}, creds({ secret_access_key: { file: 'secrets/missing' } }))),
      'accounts[0].credentials.secret_access_key',
      'accounts[0].credentials.secret_access_key: cannot read file /etc/dc/secrets/missing (ENOENT)',
    ],
    [
      'missing push token env',
      yaml(cfg({ push: { url: 'http://x', kind: 'http', token: '${NOPE}' } })),
      'push.token',
      'push.token: environment variable NOPE is not set',
    ],
    [
      'duplicate names',
      yaml({ accounts: [account(), account({ name: 'b' }), account()] }),
      'accounts[2].name',
      "accounts[2].name: duplicate account name 'prod' (also accounts[0].name)",
    ],
  ])('%s', async (_what, text, path, message) => {
    const err = await failure(text);
    expect(err.message).toBe(message);
    expect(err.path).toBe(path);
    expect(err.kind).toBe('config_invalid');
    expect(err.message).not.toContain('\n');
    expect(err.message).not.toContain(SECRET);
  });

  it('names an unreadable config file', async () => {
    const { deps } = memDeps({});
    await expect(loadConfig('/nope.yaml', deps)).rejects.toThrow(
      'cannot read config file /nope.yaml (ENOENT)',
    );
  });

  it('shows at most three problems, then counts the rest', async () => {
    const err = await failure(
      yaml(cfg({}, { name: 'a b', concurrency: 0, resources: [], endpoints: { ec2: 'x' } })),
    );
    expect(err.message).toBe(
      "accounts[0].name: must be non-empty and use only letters, digits, '.', '_' and '-'; " +
        'accounts[0].resources: must not be empty; accounts[0].endpoints.ec2: must be an http:// or https:// URL (and 1 more)',
    );
  });

  it('reports a few problems on one line, then counts the rest', async () => {
    const err = await failure(yaml(cfg({ a: 1, b: 2, c: 3, d: 4 }, { concurrency: 0 })));
    expect(err.path).toBe('accounts[0].concurrency');
    expect(err.message).toBe(
      `accounts[0].concurrency: must be at least 1; top level: unknown keys 'a', 'b', 'c' and 'd' (valid: ${TOP})`,
    );
  });
});
