import type { ApiMetrics } from '../providers/types.js';

/** API traffic counters for one run. */
export function createMetrics(): ApiMetrics & { totalCalls(): number; totalRetries(): number } {
  const calls = new Map<string, number>();
  const retries = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    calls,
    retries,
    countCall: (op) => {
      bump(calls, op);
    },
    countRetry: (op) => {
      bump(retries, op);
    },
    totalCalls: () => sum(calls),
    totalRetries: () => sum(retries),
  };
}
