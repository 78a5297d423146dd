import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { permissionsOf, providerCatalog } from '../../src/check/catalog.js';
import { POLICY_FORMATS, policyFile } from '../../src/check/policy.js';
import { renderProvidersMarkdown } from '../../src/check/providers-doc.js';
import { adapter as aws } from '../../src/providers/aws/index.js';
import { operationKey } from '../../src/providers/types.js';
import { ROOT } from '../helpers/cli.js';

const REGENERATE =
  'regenerate: npm run build && node bin/deepflow-cloud.js providers --format markdown > docs/providers.md';

describe('providers catalogue, docs and policies (one operation list)', () => {
  it('docs/providers.md is fresh', async () => {
    const committed = readFileSync(join(ROOT, 'docs', 'providers.md'), 'utf8');
    expect(committed, REGENERATE).toBe(renderProvidersMarkdown(await providerCatalog()));
  });

  it('every landed provider ships its policy file with exactly the permissions of its operations', async () => {
    for (const info of (await providerCatalog()).filter((p) => p.available)) {
      const { file, text } = policyFile(info);
      const committed: unknown = JSON.parse(
        readFileSync(join(ROOT, 'examples', 'policies', file), 'utf8'),
      );
      expect(committed, `node bin/deepflow-cloud.js providers --policy ${info.name}`).toEqual(
        JSON.parse(text),
      );
    }
  });

  it('the AWS IAM policy grants exactly the declared permissions, nothing more', () => {
    const doc = JSON.parse(
      readFileSync(join(ROOT, 'examples', 'policies', POLICY_FORMATS.aws.file), 'utf8'),
    ) as { Statement: { Effect: string; Action: string[]; Resource: string }[] };
    const granted = doc.Statement.flatMap((s) => (s.Effect === 'Allow' ? s.Action : []));
    const declared = [...aws.accountOperations, ...aws.fetchers.flatMap((f) => f.operations)].map(
      (o) => o.permission,
    );
    expect([...granted].sort()).toEqual([...new Set(declared)].sort());
  });

  it('the catalogue lists every operation of every landed adapter, with its permission and a probe', async () => {
    const info = (await providerCatalog()).find((p) => p.name === 'aws');
    const keys = [...aws.accountOperations, ...aws.fetchers.flatMap((f) => f.operations)].map(
      operationKey,
    );
    expect(info?.operations.map(operationKey)).toEqual([...new Set(keys)]);
    expect(info?.operations.every((o) => o.permission !== '')).toBe(true);
    // Every AWS fetcher operation has a dedicated probe (none falls back to running the fetcher).
    expect(info?.operations.filter((o) => o.probe === 'fetch')).toEqual([]);
    expect(Object.keys(aws.probes ?? {}).sort()).toEqual(
      aws.fetchers
        .flatMap((f) => f.operations)
        .map(operationKey)
        .sort(),
    );
    expect(permissionsOf(info ?? (aws.spec as never))).toContain('ec2:DescribeVpcs');
  });

  it.each(['github-actions.yml', 'gitlab-ci.yml'])(
    'examples/ci/%s is YAML that runs check with a JUnit report and publishes it',
    (file) => {
      const text = readFileSync(join(ROOT, 'examples', 'ci', file), 'utf8');
      expect(parseYaml(text)).toBeTypeOf('object');
      expect(text).toMatch(/deepflow-cloud@0 check --provider aws/);
      expect(text).toMatch(/--format junit --output deepflow-cloud-check\.xml/);
      expect(text.match(/deepflow-cloud-check\.xml/g)?.length).toBeGreaterThanOrEqual(3);
      expect(text).not.toMatch(/AKIA|secret_access_key:/);
    },
  );
});
