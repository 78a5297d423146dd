import type { Logger } from '../log/logger.js';
import type { AccountSummary, ProviderName } from '../model/index.js';
import type { SyncObserver } from '../sync/run.js';
import type { TaskOutcome } from '../sync/outcome.js';

export interface ProgressCounters {
  accountsTotal: number;
  accountsDone: number;
  regions: number;
  tasksPlanned: number;
  tasksDone: number;
  records: number;
  errors: number;
}

/**
 * Progress reporting. On a TTY: one line rewritten in place (accounts, regions, tasks, records, errors, API
 * calls). Otherwise: structured log lines (one per task at debug, one per account at info).
 */
export function createProgress(opts: {
  tty: boolean;
  accounts: number;
  log: Logger;
  write: (s: string) => void;
  calls: () => number;
}): SyncObserver & { stop(): void } {
  const c: ProgressCounters = {
    accountsTotal: opts.accounts,
    accountsDone: 0,
    regions: 0,
    tasksPlanned: 0,
    tasksDone: 0,
    records: 0,
    errors: 0,
  };
  let drawn = false;
  const draw = (): void => {
    if (!opts.tty) return;
    const line = `accounts ${c.accountsDone}/${c.accountsTotal}  regions ${c.regions}  tasks ${c.tasksDone}/${c.tasksPlanned}  records ${c.records}  errors ${c.errors}  calls ${opts.calls()}`;
    opts.write(`\r\x1b[2K${line}`);
    drawn = true;
  };
  return {
    accountStarted: (account: string, provider: ProviderName) => {
      opts.log.debug('account started', { account, provider });
      draw();
    },
    regionsPlanned: (account: string, regions: readonly string[], tasks: number) => {
      c.regions += regions.length;
      c.tasksPlanned += tasks;
      opts.log.info('regions selected', { account, regions: regions.join(','), tasks });
      draw();
    },
    taskDone: (o: TaskOutcome) => {
      c.tasksDone += 1;
      c.records += o.records;
      if (o.status !== 'ok') c.errors += 1;
      opts.log.debug('task done', {
        account: o.account,
        region: o.region,
        kind: o.kind,
        status: o.status,
        records: o.records,
      });
      draw();
    },
    accountDone: (s: AccountSummary) => {
      c.accountsDone += 1;
      if (drawn) opts.write('\r\x1b[2K');
      opts.log.info('account done', { account: s.name, status: s.status, version: s.version });
      draw();
    },
    stop: () => {
      if (drawn) opts.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
