import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, nodeFs } from '../../src/config/load.js';
import { ROOT } from '../helpers/cli.js';

const dir = join(ROOT, 'examples');
const configs = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

/** Every `${NAME}` resolves to a placeholder; `{file: ...}` references are served by a fake reader. */
const env = new Proxy({}, { get: (_t, name) => `placeholder-${String(name)}` });

describe('examples/', () => {
  it.each(configs)('%s is a valid config', async (file) => {
    const cfg = await loadConfig(join(dir, file), {
      readFile: (p) =>
        p === join(dir, file) ? nodeFs.readFile(p) : Promise.resolve('placeholder-from-file'),
      stat: nodeFs.stat,
      env,
      warn: () => undefined,
      registerSecret: () => undefined,
    });
    expect(cfg.accounts.length).toBeGreaterThan(0);
  });
});
