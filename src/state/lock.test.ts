import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.js';
import { systemClock } from '../transport/clock.js';
import type { LockOptions } from './lock.js';
import { acquireLock, LockHeldError } from './lock.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'dfc-lock-'));
const opts = (o: Partial<LockOptions> = {}): LockOptions => ({
  pid: 100,
  hostname: 'host-a',
  clock: systemClock,
  log: silentLogger,
  isAlive: () => true,
  waitMs: 0,
  ...o,
});

describe('state/lock', () => {
  it('lets one holder in; a second one is refused naming the holder; release frees it', async () => {
    const d = dir();
    const held = await acquireLock(d, opts());
    const err = await acquireLock(d, opts({ pid: 200 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockHeldError);
    expect((err as Error).message).toContain('pid 100 on host-a');
    await held.release();
    const again = await acquireLock(d, opts({ pid: 200 }));
    await again.release();
    expect(readdirSync(d)).toEqual([]);
  });

  it('takes over the lock of a dead process on the same host', async () => {
    const d = dir();
    await acquireLock(d, opts({ pid: 100 })); // never released: the holder "died"
    const held = await acquireLock(d, opts({ pid: 200, isAlive: (pid) => pid !== 100 }));
    await held.release();
  });

  it('takes over a lock whose heartbeat stopped, on any host', async () => {
    const d = dir();
    await acquireLock(d, opts({ hostname: 'host-b' }));
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(join(d, 'lock'), old, old);
    const held = await acquireLock(d, opts({ pid: 200, staleAfterMs: 60_000 }));
    await held.release();
  });

  it('treats an unreadable lock that is still fresh as held', async () => {
    const d = dir();
    writeFileSync(join(d, 'lock'), '');
    await expect(acquireLock(d, opts())).rejects.toBeInstanceOf(LockHeldError);
  });

  it('waits for the holder with waitMs', async () => {
    const d = dir();
    const first = await acquireLock(d, opts());
    setTimeout(() => void first.release(), 150);
    const second = await acquireLock(d, opts({ pid: 200, waitMs: 5_000 }));
    await second.release();
  });
});
