import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountSummary, AnyRecord, ProviderName, ResourceKind } from '../model/index.js';
import { RESOURCE_KINDS } from '../model/index.js';
import { atomicFileSink } from '../output/write.js';
import type { LastPush } from '../push/push.js';

/** Bumped when the layout of the state files changes; other versions are ignored (treated as no state). */
export const STATE_FORMAT = 1;

/** The last good inventory of one account (`<dir>/accounts/<name>.json`). */
export interface AccountState {
  readonly format: typeof STATE_FORMAT;
  readonly account: string;
  readonly provider: ProviderName;
  /** When this state was written (the run's `generated_at`). */
  readonly saved_at: string;
  readonly summary: AccountSummary;
  /** The last run in which the account synced with status ok. */
  readonly last_success_at?: string | undefined;
  /** The account's records per kind, carried-forward ones included (marked `stale`). */
  readonly records: Partial<Record<ResourceKind, AnyRecord[]>>;
}

function accountFile(dir: string, name: string): string {
  return join(dir, 'accounts', `${encodeURIComponent(name)}.json`);
}

/** Writes JSON to `path` atomically (temp file in the same folder, fsync, rename), mode 0600. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const sink = await atomicFileSink(path);
  try {
    await sink.write(`${JSON.stringify(value, null, 1)}\n`);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new Error(
      `state file ${path} is unreadable: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
}

function isAccountState(v: unknown, name: string): v is AccountState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<AccountState>;
  return s.format === STATE_FORMAT && s.account === name && typeof s.records === 'object';
}

/** The state directory: last good inventory per account, the last accepted push, and the run lock. */
export class StateStore {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  async init(): Promise<void> {
    await mkdir(join(this.dir, 'accounts'), { recursive: true, mode: 0o700 });
  }

  async loadAccount(name: string): Promise<AccountState | undefined> {
    const v = await readJson(accountFile(this.dir, name));
    return isAccountState(v, name) ? v : undefined;
  }

  async loadAccounts(names: readonly string[]): Promise<Map<string, AccountState>> {
    const out = new Map<string, AccountState>();
    for (const n of names) {
      const s = await this.loadAccount(n);
      if (s !== undefined) out.set(n, s);
    }
    return out;
  }

  async saveAccount(state: AccountState): Promise<void> {
    await writeJsonAtomic(accountFile(this.dir, state.account), state);
  }

  async loadLastPush(): Promise<LastPush | undefined> {
    const v = (await readJson(join(this.dir, 'last-push.json'))) as Partial<LastPush> | undefined;
    if (v === undefined || typeof v.version !== 'string' || typeof v.accepted_at !== 'string')
      return undefined;
    return v as LastPush;
  }

  async saveLastPush(p: LastPush): Promise<void> {
    await writeJsonAtomic(join(this.dir, 'last-push.json'), p);
  }
}

/** An account's records as one list per kind, in the model's kind order. */
export function recordsOf(state: AccountState): Map<ResourceKind, AnyRecord[]> {
  const out = new Map<ResourceKind, AnyRecord[]>();
  for (const k of RESOURCE_KINDS) {
    const list = state.records[k];
    if (list !== undefined && list.length > 0) out.set(k, list);
  }
  return out;
}
