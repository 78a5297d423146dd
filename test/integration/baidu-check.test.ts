import { afterEach, describe, expect, it } from 'vitest';
import { checkExitCode } from '../../src/check/report.js';
import type { AccountCheck } from '../../src/check/run.js';
import { runCheck } from '../../src/check/run.js';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/harness.js';
import { silentLogger } from '../../src/log/logger.js';
import { adapter } from '../../src/providers/baidu/index.js';
import { operationKey } from '../../src/providers/types.js';
import { createMetrics } from '../../src/sync/metrics.js';
import { systemClock } from '../../src/transport/clock.js';
import { RetryBudget } from '../../src/transport/retry.js';
import { FAST_RETRY, emulatedAccount } from '../helpers/sync.js';

let em: RunningEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function check(opts: EmulatorOptions = {}): Promise<{ account: AccountCheck; code: number }> {
  em = await startEmulator('baidu', { scale: 'tiny', ...opts });
  const results = await runCheck([emulatedAccount(em)], {
    requestTimeoutMs: 5_000,
    retry: FAST_RETRY,
    budget: new RetryBudget(FAST_RETRY.budget),
    clock: systemClock,
    log: silentLogger,
    signal: new AbortController().signal,
    metrics: createMetrics(),
  });
  const account = results[0];
  if (account === undefined) throw new Error('no account checked');
  return { account, code: checkExitCode(results, false) };
}

describe('baidu check (probes against the emulator)', () => {
  it('has a probe for every declared operation and proves each one', async () => {
    const declared = new Set(adapter.fetchers.flatMap((f) => f.operations).map(operationKey));
    expect([...declared].filter((k) => adapter.probes?.[k] === undefined)).toEqual([]);
    const { account, code } = await check();
    expect(code).toBe(0);
    expect(account.rows.filter((r) => r.result !== 'ok')).toEqual([]);
    expect(account.rows.find((r) => r.action === 'ListEnis')?.via).toBe('item');
  });

  it('reports an IAM denial of an optional operation without failing the required ones', async () => {
    const { account } = await check({ faults: [{ op: 'ListEips', respond: 'forbidden' }] });
    expect(account.rows.find((r) => r.action === 'ListEips')?.result).toBe('denied');
    expect(account.rows.filter((r) => r.required && r.result !== 'ok')).toEqual([]);
  });
});
