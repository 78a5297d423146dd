import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/harness.js';
import type { ProviderName } from '../../src/model/index.js';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';
import { testedProviders } from '../helpers/matrix.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

const SLOW = process.env['DEEPFLOW_SLOW'] === '1';
/** Every provider with SIGTERM; the first (and with DEEPFLOW_SLOW=1 every) provider with SIGINT too. */
const CASES = testedProviders().flatMap((p, i): [ProviderName, 'SIGINT' | 'SIGTERM'][] =>
  SLOW || i === 0
    ? [
        [p, 'SIGINT'],
        [p, 'SIGTERM'],
      ]
    : [[p, 'SIGTERM']],
);

/**
 * In-flight requests of the account. Requests already sent when the run notices the signal may still arrive
 * at the emulator afterwards (at most this many); a request that *starts* after the abort would come on top.
 * Above Node's default of 10 listeners, so a signal without `setMaxListeners` would warn.
 */
const CONCURRENCY = 16;
/** Requests sent before the notice that may arrive after it, plus a few on their way to the socket. */
const LATE_ARRIVALS = CONCURRENCY + 4;

describe('e2e: signals', () => {
  it.each(CASES)(
    '%s: %s during a sync aborts the requests, writes no output, releases the lock and exits 130',
    async (provider, signal) => {
      // Slow responses, so the run is surely mid-flight when the signal arrives.
      em = await startEmulator(provider, { scale: 'tiny', latencyMs: 250 });
      const dir = tempDir();
      const config = join(dir, 'config.json');
      const output = join(dir, 'inventory.json');
      writeFileSync(
        config,
        JSON.stringify({
          accounts: [
            {
              name: 'slow',
              provider,
              credentials: em.configCredentials,
              endpoints: em.endpoints,
              concurrency: CONCURRENCY,
            },
          ],
        }),
        { mode: 0o600 },
      );
      const stateDir = join(dir, 'state');
      const child = spawn(
        process.execPath,
        [BIN, 'sync', '--config', config, '--output', output, '--state-dir', stateDir],
        {
          cwd: ROOT,
          env: { PATH: process.env['PATH'] ?? '', HOME: dir },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      // Counted on arrival: the requests in flight at the signal are answered (and recorded) later, and are fine.
      const arrived = (): number => em?.arrived?.() ?? em?.requests.length ?? 0;
      // Requests that had arrived when the run noticed the signal (it says so on stderr): any request arriving
      // later was started after the abort, except the few already on their way.
      let atNotice: number | undefined;
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (atNotice === undefined && stderr.includes(`${signal} received`)) atNotice = arrived();
      });
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      const child$ = { exited: false };
      void closed.then(() => (child$.exited = true));
      // Wait until requests reach the emulator, then interrupt.
      const started = Date.now();
      while (em.requests.length < 3 && !child$.exited && Date.now() - started < 20_000) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const before = arrived();
      child.kill(signal);
      const code = await closed;
      expect(
        before,
        `no request reached the emulator before the signal: ${stderr}`,
      ).toBeGreaterThan(0);
      expect(code).toBe(130);
      expect(stdout).toBe('');
      expect(stderr).toContain(signal);
      expect(existsSync(output)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // The run lock is released, and no state was written for the interrupted run.
      expect(existsSync(join(stateDir, 'lock'))).toBe(false);
      const files = readdirSync(stateDir, { recursive: true, withFileTypes: true }).filter((e) =>
        e.isFile(),
      );
      expect(files.map((e) => e.name)).toEqual([]);
      // Aborted: no queued request starts after the signal (a few may be on their way to the socket).
      expect(atNotice, `the run never said it noticed ${signal}: ${stderr}`).toBeDefined();
      expect(arrived() - (atNotice ?? 0)).toBeLessThan(LATE_ARRIVALS);
      // Many requests listen on the run's signal at once: that is not a leak, and stderr says nothing of it.
      expect(stderr).not.toContain('MaxListenersExceededWarning');
    },
  );
});
