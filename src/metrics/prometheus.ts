import type { Inventory } from '../model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../model/index.js';
import type { TaskOutcome } from '../sync/outcome.js';

/** Everything one run reports to node_exporter's textfile collector. */
export interface RunMetrics {
  readonly durationSeconds: number;
  readonly finishedAt: number;
  readonly exitCode: number;
  readonly inventory: Inventory;
  readonly outcomes: readonly TaskOutcome[];
  readonly calls: ReadonlyMap<string, number>;
  readonly retries: ReadonlyMap<string, number>;
  /** Last run in which each account synced with status ok (unix seconds), this run's or from the state. */
  readonly lastSuccess: ReadonlyMap<string, number>;
  /** The push result (`accepted`, `unchanged`, `failed`, `invalid`, `refused_partial`), if a push was configured. */
  readonly push?: { readonly result: string; readonly attempts: number } | undefined;
}

function label(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labels(l: Record<string, string>): string {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${label(v)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** Prometheus text exposition format (version 0.0.4) of a run; every family has HELP and TYPE. */
export function renderMetrics(m: RunMetrics): string {
  const lines: string[] = [];
  const family = (
    name: string,
    help: string,
    samples: readonly (readonly [Record<string, string>, number])[],
  ): void => {
    lines.push(`# HELP deepflow_cloud_${name} ${help}`, `# TYPE deepflow_cloud_${name} gauge`);
    for (const [l, v] of samples) lines.push(`deepflow_cloud_${name}${labels(l)} ${v}`);
  };
  family('run_duration_seconds', 'Wall time of the last run.', [
    [{}, Number(m.durationSeconds.toFixed(3))],
  ]);
  family('run_finished_timestamp_seconds', 'When the last run finished (unix time).', [
    [{}, Math.floor(m.finishedAt / 1000)],
  ]);
  family('run_exit_code', 'Exit code of the last run.', [[{}, m.exitCode]]);
  const records: [Record<string, string>, number][] = [];
  const stale: [Record<string, string>, number][] = [];
  for (const acc of m.inventory.accounts) {
    for (const kind of RESOURCE_KINDS) {
      const list = m.inventory[KIND_KEYS[kind]].filter((r) => r.account === acc.name);
      records.push([{ account: acc.name, kind }, list.length]);
      const n = list.filter((r) => r.stale === true).length;
      if (n > 0) stale.push([{ account: acc.name, kind }, n]);
    }
  }
  family(
    'records',
    'Records in the last inventory per account and kind (carried-forward ones included).',
    records,
  );
  family(
    'stale_records',
    'Records carried forward from the last good sync per account and kind.',
    stale,
  );
  family(
    'account_up',
    'Whether the account synced fully (1), partially (0.5) or failed (0) in the last run.',
    m.inventory.accounts.map(
      (a) =>
        [{ account: a.name }, a.status === 'ok' ? 1 : a.status === 'partial' ? 0.5 : 0] as const,
    ),
  );
  const failed = new Map<string, number>();
  for (const o of m.outcomes) {
    if (o.status === 'ok') continue;
    const key = `${o.kind}\u0000${o.error?.kind ?? 'unknown'}\u0000${o.status}`;
    failed.set(key, (failed.get(key) ?? 0) + 1);
  }
  family(
    'tasks_not_ok',
    'Tasks of the last run that failed or were skipped, per kind, error kind and outcome.',
    [...failed].sort().map(([k, v]) => {
      const [kind = '', errorKind = '', outcome = ''] = k.split('\u0000');
      return [{ kind, error_kind: errorKind, outcome }, v] as const;
    }),
  );
  family(
    'api_calls',
    'API calls of the last run per operation.',
    [...m.calls].sort().map(([op, n]) => [{ operation: op }, n] as const),
  );
  family(
    'api_retries',
    'API retries of the last run per operation.',
    [...m.retries].sort().map(([op, n]) => [{ operation: op }, n] as const),
  );
  family(
    'last_success_timestamp_seconds',
    'Last run in which the account synced with status ok (unix time).',
    [...m.lastSuccess].sort().map(([a, t]) => [{ account: a }, t] as const),
  );
  if (m.push !== undefined) {
    const results = ['accepted', 'unchanged', 'failed', 'invalid', 'refused_partial'];
    family(
      'push_result',
      'Result of the last push (1 for the result that happened).',
      results.map((r) => [{ result: r }, r === m.push?.result ? 1 : 0] as const),
    );
    family('push_attempts', 'HTTP attempts of the last push.', [[{}, m.push.attempts]]);
  }
  return `${lines.join('\n')}\n`;
}
