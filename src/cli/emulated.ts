import type { ProviderName } from '../model/index.js';
import { startEmulator } from '../emulator/index.js';
import type { RunningEmulator } from '../emulator/harness.js';
import type { SyncAccount } from '../sync/run.js';

/**
 * `--emulator`: starts the built-in emulator of every provider in the run, in-process, and points each account
 * at it (its endpoints and the emulator's credentials).
 */
export async function withEmulators(
  accounts: readonly SyncAccount[],
  opts: { seed?: number; scale?: 'tiny' | 'small' | 'medium' | 'large' } = {},
): Promise<{ accounts: SyncAccount[]; close: () => Promise<void> }> {
  const running = new Map<ProviderName, RunningEmulator>();
  for (const p of new Set(accounts.map((a) => a.provider))) {
    running.set(p, await startEmulator(p, { seed: opts.seed ?? 1, scale: opts.scale ?? 'small' }));
  }
  return {
    accounts: accounts.map((a) => {
      const em = running.get(a.provider);
      if (em === undefined) return a;
      return { ...a, endpoints: { ...em.endpoints }, credentials: { ...em.configCredentials } };
    }),
    close: async () => {
      await Promise.all([...running.values()].map((em) => em.close()));
    },
  };
}
