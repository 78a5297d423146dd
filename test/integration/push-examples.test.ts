import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig, nodeFs } from '../../src/config/load.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const env = new Proxy({}, { get: (_t, name) => `placeholder-${String(name)}` });
const deps = {
  readFile: nodeFs.readFile,
  stat: nodeFs.stat,
  env,
  warn: () => undefined,
  registerSecret: () => undefined,
};

describe('examples/cron and examples/kubernetes/cronjob', () => {
  it('the cron config is valid and pushes to DeepFlow with a state directory', async () => {
    const cfg = await loadConfig(join(ROOT, 'examples/cron/deepflow-cloud.yaml'), deps);
    expect(cfg.push).toMatchObject({ kind: 'deepflow', orgId: 1 });
    expect(cfg.stateDir).toBe('/var/lib/deepflow-cloud');
  });

  it('the CronJob forbids overlap, keeps its state on a volume and reads a valid config', async () => {
    const docs = parseAllDocuments(
      readFileSync(join(ROOT, 'examples/kubernetes/cronjob/cronjob.yaml'), 'utf8'),
    ).map(
      (d) =>
        d.toJS() as { kind: string; spec?: Record<string, unknown>; data?: Record<string, string> },
    );
    expect(docs.map((d) => d.kind)).toEqual([
      'Secret',
      'ConfigMap',
      'PersistentVolumeClaim',
      'CronJob',
    ]);
    const cron = docs[3];
    expect(cron?.spec?.['concurrencyPolicy']).toBe('Forbid');
    const config = docs[1]?.data?.['config.yaml'] ?? '';
    const path = join(tempDir(), 'config.yaml');
    writeFileSync(path, config, { mode: 0o600 });
    const cfg = await loadConfig(path, deps);
    expect(cfg.stateDir).toBe('/var/lib/deepflow-cloud');
    expect(JSON.stringify(cron)).toContain('deepflow-cloud-state');
  });
});
