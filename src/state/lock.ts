import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import type { Clock } from '../transport/clock.js';

/** What the lock file holds: who holds it. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly started_at: string;
  readonly token: string;
}

/** Another run holds the lock (the CLI exits with its own code). */
export class LockHeldError extends Error {
  override readonly name = 'LockHeldError';
  readonly path: string;
  readonly holder: LockHolder | undefined;
  constructor(path: string, holder: LockHolder | undefined) {
    super(
      holder === undefined
        ? `another run holds the lock ${path}`
        : `another run holds the lock ${path} (pid ${holder.pid} on ${holder.hostname}, since ${holder.started_at})`,
    );
    this.path = path;
    this.holder = holder;
  }
}

export interface LockOptions {
  readonly pid: number;
  readonly hostname: string;
  readonly clock: Clock;
  readonly log: Logger;
  /** Whether a process of this host is alive (the CLI: `process.kill(pid, 0)`). */
  readonly isAlive: (pid: number) => boolean;
  /** How long to wait for the lock; 0: fail at once. */
  readonly waitMs: number;
  /** A lock whose heartbeat (mtime) is older than this is stale, whatever host holds it. */
  readonly staleAfterMs?: number;
  readonly signal?: AbortSignal;
}

export interface HeldLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Default age after which a lock that is no longer refreshed is taken over (its holder died elsewhere). */
export const LOCK_STALE_AFTER_MS = 120_000;
const HEARTBEAT_MS = 15_000;
const POLL_MS = 100;

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    return typeof v.pid === 'number' && typeof v.token === 'string' ? (v as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

function errno(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | undefined)?.code;
  return typeof c === 'string' ? c : undefined;
}

/**
 * Takes `<dir>/lock`: the holder's JSON is written to a temp file and hard-linked into place, so the lock
 * appears atomically with its content (never half-written) and only one run can create it. A lock whose
 * holder is dead (same host, pid gone) or whose heartbeat stopped (mtime older than `staleAfterMs`) is
 * taken over. The holder refreshes the mtime while it runs.
 */
export async function acquireLock(dir: string, opts: LockOptions): Promise<HeldLock> {
  const path = join(dir, 'lock');
  const staleAfter = opts.staleAfterMs ?? LOCK_STALE_AFTER_MS;
  const holder: LockHolder = {
    pid: opts.pid,
    hostname: opts.hostname,
    started_at: new Date(opts.clock.now()).toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const tmp = join(dir, `.lock.${holder.token}.tmp`);
  await writeFile(tmp, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  const deadline = opts.clock.now() + opts.waitMs;
  try {
    for (;;) {
      try {
        await link(tmp, path);
        break;
      } catch (e) {
        if (errno(e) !== 'EEXIST') throw e;
      }
      const other = await readHolder(path);
      if (await isStale(path, other, opts, staleAfter)) {
        opts.log.warn('taking over a stale lock', {
          lock: path,
          pid: other?.pid,
          host: other?.hostname,
          since: other?.started_at,
        });
        await breakLock(path, other);
        continue;
      }
      if (opts.clock.now() >= deadline) throw new LockHeldError(path, other);
      await opts.clock.sleep(POLL_MS, opts.signal);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  const stop = new AbortController();
  const beat = async (): Promise<void> => {
    for (;;) {
      const slept = await opts.clock.sleep(HEARTBEAT_MS, stop.signal).then(
        () => true,
        () => false,
      );
      if (!slept) return;
      const t = new Date(opts.clock.now());
      await utimes(path, t, t).catch(() => undefined);
    }
  };
  void beat();
  return {
    path,
    release: async () => {
      stop.abort();
      const current = await readHolder(path);
      if (current?.token === holder.token) await unlink(path).catch(() => undefined);
    },
  };
}

async function isStale(
  path: string,
  holder: LockHolder | undefined,
  opts: LockOptions,
  staleAfter: number,
): Promise<boolean> {
  if (holder?.hostname === opts.hostname && !opts.isAlive(holder.pid)) {
    return true;
  }
  try {
    const { mtimeMs } = await stat(path);
    return opts.clock.now() - mtimeMs > staleAfter;
  } catch (e) {
    return errno(e) === 'ENOENT'
      ? false
      : Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

/**
 * Removes a stale lock. It is renamed aside first (atomic: of two runs recovering at once only one wins),
 * then checked: if what was moved is not the lock judged stale (another run took it meanwhile), it is put back.
 */
async function breakLock(path: string, stale: LockHolder | undefined): Promise<void> {
  const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (e) {
    if (errno(e) === 'ENOENT') return;
    throw e;
  }
  const moved = await readHolder(aside);
  if (stale !== undefined && moved !== undefined && moved.token !== stale.token) {
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}
