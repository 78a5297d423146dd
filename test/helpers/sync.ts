import type { RunningEmulator } from '../../src/emulator/harness.js';
import { silentLogger } from '../../src/log/logger.js';
import type { Inventory, ProviderName } from '../../src/model/index.js';
import { buildInventory } from '../../src/output/document.js';
import { syncExitCode } from '../../src/cli/exit.js';
import { createMetrics } from '../../src/sync/metrics.js';
import type { SyncAccount, SyncResult } from '../../src/sync/run.js';
import { runSync } from '../../src/sync/run.js';
import { systemClock } from '../../src/transport/clock.js';
import type { RetryPolicy } from '../../src/transport/retry.js';

/** Our retry policy with delays small enough for tests (the shape stays the same). */
export const FAST_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1,
  throttleBaseDelayMs: 5,
  maxDelayMs: 50,
  budget: 200,
};

export interface EmulatedSync {
  inventory: Inventory;
  result: SyncResult;
  exitCode: number;
  calls: Map<string, number>;
  retries: Map<string, number>;
}

/** Provider options an emulated account gets by default (where account-wide calls are asked). */
const EMULATED_OPTIONS: Readonly<Record<ProviderName, Record<string, unknown>>> = {
  aws: { default_region: 'us-east-1' },
  aliyun: { default_region: 'cn-hangzhou' },
  azure: {},
  baidu: {},
  huawei: {},
  qingcloud: {},
  tencent: {},
  volcengine: {},
};

/** One account pointed at a running emulator (the real adapter and SDK over HTTP). */
export function emulatedAccount(
  em: RunningEmulator,
  overrides: Partial<SyncAccount> = {},
): SyncAccount {
  return {
    name: 'test',
    provider: em.provider,
    credentials: { ...em.configCredentials },
    regions: { include: [], exclude: [] },
    endpoints: em.endpoints,
    concurrency: 8,
    options: { ...EMULATED_OPTIONS[em.provider] },
    ...overrides,
  };
}

/** Runs the real sync in-process against the emulator and builds the document. */
export async function syncAgainst(
  accounts: SyncAccount[],
  opts: { requestTimeoutMs?: number; retry?: RetryPolicy; signal?: AbortSignal } = {},
): Promise<EmulatedSync> {
  const metrics = createMetrics();
  const signal = opts.signal ?? new AbortController().signal;
  const result = await runSync({
    accounts,
    requestTimeoutMs: opts.requestTimeoutMs ?? 5_000,
    retry: opts.retry ?? FAST_RETRY,
    clock: systemClock,
    log: silentLogger,
    signal,
    metrics,
  });
  const inventory = buildInventory(result, {
    toolVersion: 'test',
    generatedAt: '2026-11-22T00:00:00.000Z',
  });
  return {
    inventory,
    result,
    exitCode: syncExitCode(result, signal.aborted),
    calls: metrics.calls,
    retries: metrics.retries,
  };
}
