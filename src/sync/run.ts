import pLimit from 'p-limit';
import type { DeepflowCloudError } from '../errors/errors.js';
import { ConfigError, InternalError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import type {
  AccountSummary,
  AnyRecord,
  ErrorEntry,
  KindRecord,
  ProviderName,
  Region,
  ResourceKind,
} from '../model/index.js';
import { KIND_SCHEMAS, RESOURCE_KINDS, nameOrId, resourceId, validatedBy } from '../model/index.js';
import type { AccountContext, ApiMetrics, FetchContext, RegionInfo } from '../providers/types.js';
import { filterRegions, formatUnmatched } from '../regions/filter.js';
import type { Clock } from '../transport/clock.js';
import type { RetryPolicy } from '../transport/retry.js';
import { RetryBudget } from '../transport/retry.js';
import type { RawDump } from '../transport/dump.js';
import type { AnyAdapter, RunEnv, SyncAccount } from './account.js';
import { accountContext, asError, loadAdapter, openAccount } from './account.js';
import { operationOf } from './call.js';
import type { TaskOutcome } from './outcome.js';
import { errorEntry, statusOf } from './outcome.js';
import type { Task } from './plan.js';
import { planTasks } from './plan.js';
import { ContentHash, contentVersion } from './version.js';
import type { RecordStage } from '../output/stream.js';

export type { SyncAccount } from './account.js';

/** Progress notifications for the display and the logs. */
export interface SyncObserver {
  accountStarted?(account: string, provider: ProviderName): void;
  regionsPlanned?(account: string, regions: readonly string[], tasks: number): void;
  taskDone?(outcome: TaskOutcome): void;
  accountDone?(summary: AccountSummary): void;
  /** Records of a task that completed, in arrival order (for streaming sinks). */
  records?(records: readonly KindRecord[]): void;
  /**
   * With `keepRecords: false`: a stage per task. Each valid record is added as it arrives (the sink keeps it
   * compactly: spilled or serialised), committed when the task succeeds and discarded when it fails, so a
   * task's records are never held as objects until it ends. `records` still receives the region records.
   */
  stage?(): RecordStage;
}

export interface SyncOptions {
  readonly accounts: readonly SyncAccount[];
  readonly requestTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly metrics: ApiMetrics;
  /** Bounds running tasks per account, in multiples of the account's request concurrency. */
  readonly taskFactor?: number;
  readonly observer?: SyncObserver;
  /** Where adapters come from (default: the lazy registry); tests pass in-memory adapters. */
  readonly loadAdapter?: (p: ProviderName) => Promise<AnyAdapter>;
  /** `--dump-raw`: where successful responses are written (redacted). */
  readonly dump?: RawDump | undefined;
  /**
   * False when the caller streams the records as they arrive (`observer.records`) and needs no document at the
   * end: `records` of the result stay empty, so memory does not grow with the inventory. Versions are the same.
   */
  readonly keepRecords?: boolean;
}

export interface AccountResult {
  readonly summary: AccountSummary;
  readonly records: Map<ResourceKind, AnyRecord[]>;
  readonly outcomes: TaskOutcome[];
  readonly errors: ErrorEntry[];
  /** Why the whole account failed (connect or region listing), if it did. */
  readonly fatal?: DeepflowCloudError;
}

export interface SyncResult {
  readonly accounts: AccountResult[];
}

/** Runs every account in parallel; one account's failure never stops another. */
export async function runSync(opts: SyncOptions): Promise<SyncResult> {
  const env: RunEnv = { ...opts, budget: new RetryBudget(opts.retry.budget) };
  const accounts = await Promise.all(opts.accounts.map((a) => syncAccount(a, opts, env)));
  return { accounts };
}

async function syncAccount(
  account: SyncAccount,
  opts: SyncOptions,
  env: RunEnv,
): Promise<AccountResult> {
  const { name, provider } = account;
  const log = opts.log.child({ account: name, provider });
  opts.observer?.accountStarted?.(name, provider);
  const records = new Map<ResourceKind, AnyRecord[]>();
  // When records are not kept, their canonical JSON goes to a temp file for the account's version.
  const versions = opts.keepRecords === false ? new ContentHash() : undefined;
  const outcomes: TaskOutcome[] = [];
  const errors: ErrorEntry[] = [];
  const selected = new Set<ResourceKind>(account.resources ?? RESOURCE_KINDS);
  let regions: string[] = [];
  let disabled: string[] = [];
  let accountId: string | undefined;

  const finish = (fatal?: DeepflowCloudError): AccountResult => {
    const failedTasks = outcomes.filter((o) => o.status !== 'ok').length;
    const status: AccountSummary['status'] =
      fatal !== undefined || (outcomes.length > 0 && outcomes.every((o) => o.status === 'failed'))
        ? 'failed'
        : failedTasks > 0 || errors.length > 0
          ? 'partial'
          : 'ok';
    const summary: AccountSummary = {
      name,
      provider,
      status,
      regions,
      disabled_regions: disabled,
      version: versions?.version() ?? contentVersion([...records.values()].flat()),
    };
    if (accountId !== undefined) summary.account_id = accountId;
    opts.observer?.accountDone?.(summary);
    return fatal === undefined
      ? { summary, records, outcomes, errors }
      : { summary, records, outcomes, errors, fatal };
  };

  const adapter = await (opts.loadAdapter ?? loadAdapter)(provider);
  const ctx = accountContext(account, adapter, env, log);

  // Connect and list regions: failures here fail the account.
  let session: unknown;
  let listed: RegionInfo[];
  try {
    const opened = await openAccount(account, adapter, ctx, errors);
    session = opened.session;
    accountId = opened.accountId;
    listed = opened.regions;
  } catch (e) {
    const err = asError(e, provider, name);
    log.error('account failed', { error_kind: err.kind, error: err.message });
    errors.push(errorEntry({ account: name, provider }, err, 'failed'));
    return finish(err);
  }

  const decision = filterRegions(listed, account.regions, adapter.spec.knownRegions);
  if (decision.unmatched.length > 0) {
    throw new ConfigError(
      '',
      formatUnmatched(decision.unmatched, account.regionsPath ?? `account '${name}' regions`),
    );
  }
  regions = decision.selected;
  disabled = decision.decisions.filter((d) => d.status === 'disabled').map((d) => d.id);
  if (selected.has('region')) {
    const byId = new Map(listed.map((r) => [r.id, r]));
    const list = regions.map((id) =>
      regionRecord(provider, name, byId.get(id) ?? { id, enabled: true }),
    );
    for (const r of list) versions?.add(r);
    if (opts.keepRecords !== false) records.set('region', list);
    opts.observer?.records?.(list.map((record) => ({ kind: 'region', record })));
  }

  const tasks = planTasks(adapter.fetchers, regions, selected);
  opts.observer?.regionsPlanned?.(name, regions, tasks.length);
  const taskLimit = pLimit(Math.max(1, account.concurrency * (opts.taskFactor ?? 2)));
  await Promise.all(
    tasks.map((task) =>
      taskLimit(async () => {
        const outcome = await runTask(task, session, ctx, { records, versions }, errors, opts, log);
        outcomes.push(outcome);
        opts.observer?.taskDone?.(outcome);
      }),
    ),
  );
  return finish();
}

async function runTask(
  task: Task<unknown>,
  session: unknown,
  actx: AccountContext,
  kept: { records: Map<ResourceKind, AnyRecord[]>; versions: ContentHash | undefined },
  errors: ErrorEntry[],
  opts: SyncOptions,
  log: Logger,
): Promise<TaskOutcome> {
  const { provider, account } = actx;
  const kind = task.fetcher.kind;
  const ctx: FetchContext<unknown> = {
    ...actx,
    session,
    region: task.region,
    map: { provider, account, region: task.region },
    call: (op, region, fn) => actx.call(op, region, fn),
  };
  // Records are buffered per task: a task that fails contributes nothing, never a part presented as whole.
  const buffer: KindRecord[] = [];
  const staging =
    kept.versions === undefined
      ? undefined
      : (opts.observer?.stage?.() ?? collectingStage(opts.observer));
  const staged = new ContentHash();
  const invalid: ErrorEntry[] = [];
  let count = 0;
  try {
    for await (const kr of task.fetcher.fetch(ctx)) {
      if (!task.kinds.includes(kr.kind)) continue;
      if (kept.versions === undefined) {
        buffer.push(kr);
        continue;
      }
      // Not held: validated and handed out as it arrives (written to the spill / serialised).
      const problem = schemaProblem(kr, actx, task.region);
      if (problem !== undefined) {
        invalid.push(problem);
        continue;
      }
      // A flat copy of the id: the stores keep it, and a sliced or concatenated id would keep its
      // response body or parts alive.
      (kr.record as { id: string }).id = flatCopy(kr.record.id);
      staged.add(kr.record);
      staging?.add(kr);
      count += 1;
    }
  } catch (e) {
    staging?.discard();
    const err = asError(e, provider, account, task.region);
    const status = statusOf(err, operationOf(err));
    errors.push(errorEntry({ account, provider, region: task.region, kind }, err, status));
    log.warn(`task ${status}`, {
      region: task.region,
      kind,
      error_kind: err.kind,
      error: err.message,
    });
    return {
      account,
      provider,
      region: task.region,
      kind,
      kinds: task.kinds,
      status,
      records: 0,
      error: err,
    };
  }
  if (kept.versions !== undefined) {
    kept.versions.merge(staged);
    errors.push(...invalid);
    await staging?.commit();
    return {
      account,
      provider,
      region: task.region,
      kind,
      kinds: task.kinds,
      status: 'ok',
      records: count,
    };
  }
  const valid: KindRecord[] = [];
  for (const kr of buffer) {
    const problem = schemaProblem(kr, actx, task.region);
    if (problem !== undefined) {
      errors.push(problem);
      continue;
    }
    const copy = { kind: kr.kind, record: detached(kr.record) } as KindRecord;
    valid.push(copy);
    const list = kept.records.get(kr.kind) ?? [];
    list.push(copy.record);
    kept.records.set(kr.kind, list);
  }
  opts.observer?.records?.(valid);
  return {
    account,
    provider,
    region: task.region,
    kind,
    kinds: task.kinds,
    status: 'ok',
    records: valid.length,
  };
}

function regionRecord(provider: ProviderName, account: string, info: RegionInfo): Region {
  const r: Region = {
    id: resourceId({ provider, account, region: info.id }, 'region', info.id),
    native_id: info.id,
    name: nameOrId(info.localName, info.id),
    provider,
    account,
    region: info.id,
    tags: {},
  };
  if (info.localName !== undefined) r.local_name = info.localName;
  if (info.endpoint !== undefined) r.endpoint = info.endpoint;
  return r;
}

/** Fields whose values repeat across records (references, enums, scopes): kept once each. */
const SHARED_FIELDS = new Set([
  'provider',
  'account',
  'region',
  'state',
  'type',
  'scheme',
  'engine',
  'vpc_id',
  'subnet_id',
  'zone_id',
  'instance_type',
  'image_id',
  'device_kind',
  'device_id',
  'vm_id',
  'interface_id',
  'security_group_ids',
  'subnet_ids',
  'zone_ids',
  'vpc_ids',
  'created_at',
]);

/** Distinct values of `SHARED_FIELDS` seen in the run (bounded: restarted when it grows too big). */
const shared = new Map<string, string>();
const SHARED_MAX = 200_000;

function share(value: string): string {
  const hit = shared.get(value);
  if (hit !== undefined) return hit;
  if (shared.size >= SHARED_MAX) shared.clear();
  shared.set(value, value);
  return value;
}

/**
 * A copy of a record in the least memory, sharing nothing with the response it was mapped from: ids built by
 * concatenation are trees of pieces (V8 cons strings, several times the size of their text), strings a parser
 * cuts out of a response body are slices that keep the body alive, and references repeat in every record of a
 * region. A JSON round trip yields flat, independent strings (the same record, key order included); repeated
 * values are then kept once. A large account's records take half the memory this way (docs/performance.md).
 */
function detached(record: AnyRecord): AnyRecord {
  const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
  for (const key of Object.keys(copy)) {
    if (!SHARED_FIELDS.has(key)) continue;
    const value = copy[key];
    if (typeof value === 'string') copy[key] = share(value);
    else if (Array.isArray(value)) {
      copy[key] = value.map((v: unknown) => (typeof v === 'string' ? share(v) : v));
    }
  }
  return copy as unknown as AnyRecord;
}

/** The error entry of a record that does not match its schema, or undefined when it does. */
function schemaProblem(
  kr: KindRecord,
  actx: AccountContext,
  region: string,
): ErrorEntry | undefined {
  const schema = KIND_SCHEMAS[kr.kind];
  // Checked against this very schema by its guarded mapper a moment ago (src/model/validated.ts).
  if (validatedBy(kr.record) === schema) return undefined;
  const parsed = schema.safeParse(kr.record);
  if (parsed.success) return undefined;
  const { provider, account } = actx;
  const issue = parsed.error.issues[0];
  const err = new InternalError(
    `${kr.kind} ${kr.record.native_id} does not match the schema: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''} (please file an issue)`,
    { provider, region, kind: kr.kind },
  );
  return errorEntry({ account, provider, region, kind: kr.kind }, err, 'failed');
}

/** Without a stage from the observer: a task's records are collected and handed to `records` at its end. */
function collectingStage(observer: SyncObserver | undefined): RecordStage {
  let list: KindRecord[] = [];
  return {
    add: (kr) => list.push(kr),
    commit: () => {
      observer?.records?.(list);
      list = [];
    },
    discard: () => {
      list = [];
    },
  };
}

/** An independent, flat copy of a string (no reference to a parent string or to concatenated parts). */
function flatCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
