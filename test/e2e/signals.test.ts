import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/harness.js';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

describe('e2e: signals', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s during a sync aborts the requests, writes no output and exits 130',
    async (signal) => {
      // Slow responses, so the run is surely mid-flight when the signal arrives.
      em = await startEmulator('aws', { scale: 'tiny', latencyMs: 250 });
      const dir = tempDir();
      const config = join(dir, 'config.json');
      const output = join(dir, 'inventory.json');
      writeFileSync(
        config,
        JSON.stringify({
          accounts: [
            {
              name: 'slow',
              provider: 'aws',
              credentials: {
                access_key_id: em.credentials.accessKeyId,
                secret_access_key: em.credentials.secretAccessKey,
              },
              endpoints: em.endpoints,
            },
          ],
        }),
        { mode: 0o600 },
      );
      const child = spawn(process.execPath, [BIN, 'sync', '--config', config, '--output', output], {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Wait until requests reach the emulator, then interrupt.
      const started = Date.now();
      while (em.requests.length < 3 && Date.now() - started < 20_000) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const before = em.requests.length;
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(130);
      expect(stdout).toBe('');
      expect(stderr).toContain(signal);
      expect(existsSync(output)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // Aborted: far fewer requests than a full sync of the world would make.
      expect(em.requests.length - before).toBeLessThan(20);
    },
  );
});
