import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.js';
import { createProgress } from './progress.js';

describe('output/progress', () => {
  it('redraws one line on a TTY and clears it at the end', () => {
    const out: string[] = [];
    const p = createProgress({
      tty: true,
      accounts: 1,
      log: silentLogger,
      write: (s) => out.push(s),
      calls: () => 42,
    });
    p.regionsPlanned?.('a', ['r1', 'r2'], 4);
    p.taskDone?.({
      account: 'a',
      provider: 'aws',
      region: 'r1',
      kind: 'vpc',
      status: 'ok',
      records: 3,
    });
    p.taskDone?.({
      account: 'a',
      provider: 'aws',
      region: 'r2',
      kind: 'vpc',
      status: 'failed',
      records: 0,
    });
    p.stop();
    expect(out.at(-2)).toContain('tasks 2/4  records 3  errors 1  calls 42');
    expect(out.at(-1)).toBe('\r\x1b[2K');
    expect(out.every((s) => s.startsWith('\r'))).toBe(true);
  });

  it('writes nothing but log lines when stderr is not a TTY', () => {
    const out: string[] = [];
    const logged: string[] = [];
    const log = { ...silentLogger, info: (m: string) => logged.push(m) };
    const p = createProgress({
      tty: false,
      accounts: 1,
      log,
      write: (s) => out.push(s),
      calls: () => 0,
    });
    p.regionsPlanned?.('a', ['r1'], 1);
    p.stop();
    expect(out).toEqual([]);
    expect(logged).toEqual(['regions selected']);
  });
});
