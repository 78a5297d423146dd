import { loadConfig } from '../../src/config/load.js';
import type { LoadDeps } from '../../src/config/load.js';

export const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';
export const ENV = { AWS_SK: SECRET, EMPTY: '' };

/** In-memory files and a warning sink: the config tests touch no disk. */
export function memDeps(files: Record<string, string>, mode = 0o600) {
  const warnings: string[] = [];
  const secrets: string[] = [];
  const deps: LoadDeps = {
    readFile: (p) => {
      const text = files[p];
      return text === undefined
        ? Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' }))
        : Promise.resolve(text);
    },
    stat: () => Promise.resolve({ mode: 0o100000 | mode }),
    env: ENV,
    warn: (m) => warnings.push(m),
    registerSecret: (s) => secrets.push(s),
  };
  return { deps, warnings, secrets };
}

export type Obj = Record<string, unknown>;
export function account(extra: Obj = {}): Obj {
  return {
    name: 'prod',
    provider: 'aws',
    credentials: { access_key_id: 'AKIDEXAMPLE', secret_access_key: '${AWS_SK}' },
    ...extra,
  };
}
export function cfg(extra: Obj = {}, acct: Obj = {}): Obj {
  return { accounts: [account(acct)], ...extra };
}

export async function load(text: string, name = '/etc/dc/config.yaml', mode?: number) {
  const m = memDeps({ [name]: text, '/etc/dc/sk.txt': `${SECRET}\n` }, mode);
  return { config: await loadConfig(name, m.deps), ...m };
}
