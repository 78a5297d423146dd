import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.js';
import type { RunningEmulator } from '../emulator/harness.js';
import { emulatedAccount, syncAgainst } from '../../test/helpers/sync.js';
import { emulatorStats } from './emulator.js';

describe('emulator --stats-file', () => {
  const started: RunningEmulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((e) => e.close()));
  });

  it('counts requests per operation, the API span and the emulator CPU', async () => {
    const em = await startEmulator('aliyun', { scale: 'tiny', seed: 3 });
    started.push(em);
    const out = await syncAgainst([emulatedAccount(em)]);
    expect(out.exitCode).toBe(0);
    const stats = JSON.parse(emulatorStats(em, 0.01)) as {
      provider: string;
      requests: number;
      throttled: number;
      calls: Record<string, number>;
      first_at: number | null;
      last_at: number | null;
      cpu_s: number;
      serving_cpu_s: number;
    };
    expect(stats.provider).toBe('aliyun');
    expect(stats.requests).toBe(em.requests.length);
    expect(stats.requests).toBeGreaterThan(0);
    expect(Object.values(stats.calls).reduce((a, b) => a + b, 0)).toBe(stats.requests);
    expect(stats.calls['ecs:DescribeRegions']).toBeGreaterThanOrEqual(1);
    expect(stats.throttled).toBe(0);
    expect(stats.first_at).not.toBeNull();
    expect(stats.last_at ?? 0).toBeGreaterThanOrEqual(stats.first_at ?? Infinity);
    expect(stats.cpu_s).toBeGreaterThan(0);
    // The CPU since the emulator listened (here: since the 0.01 s given) is part of the whole.
    expect(stats.serving_cpu_s).toBeCloseTo(stats.cpu_s - 0.01, 1);
  });
});
