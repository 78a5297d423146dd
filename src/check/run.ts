/**
 * `deepflow-cloud check`: for each account, verify the identity (`connect`), list regions, then call every
 * operation the sync would call, once, in one region, and classify each call. The operation list is the one
 * the adapter declares (`accountOperations` + `fetchers[].operations`); there is no second list.
 */
import pLimit from 'p-limit';
import { ConfigError, DeepflowCloudError } from '../errors/errors.js';
import { redact } from '../log/logger.js';
import type { ErrorKind, ProviderName, ResourceKind } from '../model/index.js';
import { RESOURCE_KINDS } from '../model/index.js';
import type { AccountContext, CallFn, Operation, ResourceFetcher } from '../providers/types.js';
import { operationKey } from '../providers/types.js';
import { filterRegions, unmatchedError } from '../regions/filter.js';
import type { AnyAdapter, RunEnv, SyncAccount } from '../sync/account.js';
import { accountContext, asError, loadAdapter } from '../sync/account.js';
import { kindsOf } from '../sync/plan.js';

/** The result of one call. `skipped`: not called (nothing to call it with, or an earlier step failed). */
export type CheckResult =
  'ok' | 'denied' | 'auth_failed' | 'not_enabled' | 'throttled' | 'error' | 'skipped';

/** How the operation was exercised. */
export type CheckVia =
  'connect' | 'list_regions' | 'page' | 'item' | 'placeholder' | 'fetch' | 'not_called';

export interface CheckRow {
  readonly kind: ResourceKind | 'account';
  readonly service: string;
  readonly action: string;
  readonly version?: string;
  readonly required: boolean;
  readonly permission: string;
  readonly result: CheckResult;
  readonly via: CheckVia;
  /** Our error kind, when the call failed. */
  readonly errorKind?: ErrorKind;
  /** The provider's error code (or the not-found code that proved a placeholder probe). */
  readonly code?: string;
  /** Why it failed or was skipped; secrets redacted. */
  readonly message?: string;
}

export interface AccountCheck {
  readonly account: string;
  readonly provider: ProviderName;
  readonly accountId?: string;
  readonly region?: string;
  readonly rows: readonly CheckRow[];
  /** A failure outside any one call (e.g. `--expect-account-id` mismatch, an unexpected answer). */
  readonly problem?: { readonly kind: ErrorKind | 'account_mismatch'; readonly message: string };
}

export interface CheckOptions {
  /** Probe this region instead of the first one the account's filter selects. */
  readonly region?: string | undefined;
  /** Fail the account unless its identity resolves to this account id. */
  readonly expectAccountId?: string | undefined;
}

const RESULT_OF: Partial<Readonly<Record<ErrorKind, CheckResult>>> = {
  permission_denied: 'denied',
  auth_failed: 'auth_failed',
  region_unavailable: 'not_enabled',
  throttled: 'throttled',
};

/** Our error kind → the check result (every other kind is `error`). */
export function resultOf(kind: ErrorKind): CheckResult {
  return RESULT_OF[kind] ?? 'error';
}

type Outcome =
  | { readonly ok: true; readonly via: CheckVia; readonly code?: string | undefined }
  | { readonly ok: false; readonly error: DeepflowCloudError };

function rowOf(kind: CheckRow['kind'], op: Operation, outcome: Outcome | string): CheckRow {
  const base = {
    kind,
    service: op.service,
    action: op.action,
    ...(op.version === undefined ? {} : { version: op.version }),
    required: op.required,
    permission: op.permission,
  };
  if (typeof outcome === 'string') {
    return { ...base, result: 'skipped', via: 'not_called', message: outcome };
  }
  if (outcome.ok) {
    return {
      ...base,
      result: 'ok',
      via: outcome.via,
      ...(outcome.code === undefined ? {} : { code: outcome.code }),
    };
  }
  const e = outcome.error;
  return {
    ...base,
    result: resultOf(e.kind),
    via: 'not_called',
    errorKind: e.kind,
    ...(e.providerCode === undefined ? {} : { code: e.providerCode }),
    message: redact(e.message),
  };
}

/** A call wrapper that remembers the outcome of each operation (the first failure wins). */
function recording(
  ctx: AccountContext,
  via: CheckVia,
): {
  ctx: AccountContext;
  seen: Map<string, Outcome>;
} {
  const seen = new Map<string, Outcome>();
  const call: CallFn = async (op, region, fn) => {
    const key = operationKey(op);
    try {
      const out = await ctx.call(op, region, fn);
      if (!seen.has(key)) seen.set(key, { ok: true, via });
      return out;
    } catch (e) {
      const prev = seen.get(key);
      if (e instanceof DeepflowCloudError && (prev === undefined || prev.ok)) {
        seen.set(key, { ok: false, error: e });
      }
      throw e;
    }
  };
  return { ctx: { ...ctx, call }, seen };
}

function rethrowAbort(e: unknown): void {
  if (e instanceof DeepflowCloudError && e.kind === 'aborted') throw e;
}

/** Every fetcher operation once (the first fetcher that declares it), with the fetcher that declares it. */
function fetcherOperations(
  adapter: AnyAdapter,
  selected: ReadonlySet<ResourceKind>,
  skip: ReadonlySet<string>,
): { fetcher: ResourceFetcher<unknown>; op: Operation }[] {
  const out: { fetcher: ResourceFetcher<unknown>; op: Operation }[] = [];
  const keys = new Set(skip);
  for (const fetcher of adapter.fetchers) {
    if (!kindsOf(fetcher).some((k) => selected.has(k))) continue;
    for (const op of fetcher.operations) {
      const key = operationKey(op);
      if (keys.has(key)) continue;
      keys.add(key);
      out.push({ fetcher, op });
    }
  }
  return out;
}

/** Runs a fetcher until its first record (for operations without a probe) and records what it called. */
async function runFetcherOnce(
  fetcher: ResourceFetcher<unknown>,
  ctx: AccountContext,
  session: unknown,
  region: string,
  account: string,
): Promise<Map<string, Outcome>> {
  const rec = recording(ctx, 'fetch');
  const iterator = fetcher
    .fetch({
      ...rec.ctx,
      session,
      region,
      map: { provider: ctx.provider, account, region },
    })
    [Symbol.asyncIterator]();
  try {
    await iterator.next();
  } catch (e) {
    rethrowAbort(e);
  } finally {
    await iterator.return?.().catch(() => undefined);
  }
  return rec.seen;
}

/** Picks the region to probe: `--region`, else the first the account's filter selects. */
function chooseRegion(
  account: SyncAccount,
  adapter: AnyAdapter,
  listed: readonly { id: string; localName?: string | undefined; enabled: boolean }[] | undefined,
  wanted: string | undefined,
): string | undefined {
  if (listed === undefined) {
    // Listing regions failed: trust `--region`, else the first include entry that is a known region id.
    const known = new Set(adapter.spec.knownRegions.map((r) => r.id));
    return wanted ?? account.regions.include.find((id) => known.has(id));
  }
  if (wanted !== undefined) {
    if (!listed.some((r) => r.id === wanted)) {
      throw new ConfigError(
        '--region',
        `'${wanted}' is not a region of account '${account.name}' (see \`deepflow-cloud regions\`)`,
      );
    }
    return wanted;
  }
  const decision = filterRegions(listed, account.regions, adapter.spec.knownRegions);
  const bad = unmatchedError(
    decision.unmatched,
    account.regionsPath ?? `account '${account.name}' regions`,
  );
  if (bad) throw bad;
  return decision.selected[0];
}

/**
 * Checks one account with its provider's adapter. Throws only config errors and interruption; everything
 * else becomes rows.
 */
export async function checkAccount(
  account: SyncAccount,
  adapter: AnyAdapter,
  env: RunEnv,
  opts: CheckOptions = {},
): Promise<AccountCheck> {
  const base = accountContext(account, adapter, env, env.log.child({ account: account.name }));
  const head = { account: account.name, provider: account.provider };
  const creds = adapter.spec.credentials.parse(account.credentials);
  const selected = new Set<ResourceKind>(account.resources ?? RESOURCE_KINDS);
  const accountOps = adapter.accountOperations;
  const ops = fetcherOperations(adapter, selected, new Set(accountOps.map(operationKey)));
  const skipAll = (why: string): CheckRow[] =>
    ops.map(({ fetcher, op }) => rowOf(fetcher.kind, op, why));

  // 1. Identity (and the role, when one is configured).
  const connecting = recording(base, 'connect');
  let session: unknown;
  let connectError: DeepflowCloudError | undefined;
  try {
    session = await adapter.connect(creds, connecting.ctx);
  } catch (e) {
    rethrowAbort(e);
    connectError = asError(e, account.provider, account.name);
  }
  // 2. Regions.
  const listing = recording(base, 'list_regions');
  let listed: Awaited<ReturnType<AnyAdapter['listRegions']>> | undefined;
  if (connectError === undefined) {
    try {
      listed = await adapter.listRegions(session, listing.ctx);
    } catch (e) {
      rethrowAbort(e);
    }
  }
  const accountRows = accountOps.map((op) => {
    const key = operationKey(op);
    const outcome = connecting.seen.get(key) ?? listing.seen.get(key);
    if (outcome !== undefined) return rowOf('account', op, outcome);
    return rowOf(
      'account',
      op,
      connectError === undefined
        ? 'not called with this account configuration'
        : 'not called: an earlier step of connecting failed',
    );
  });
  if (connectError !== undefined) {
    const recorded = [...connecting.seen.values()].some((o) => !o.ok);
    return {
      ...head,
      rows: [
        ...accountRows,
        ...skipAll(
          connectError.kind === 'auth_failed'
            ? 'not called: authentication failed'
            : 'not called: connecting failed',
        ),
      ],
      ...(recorded
        ? {}
        : { problem: { kind: connectError.kind, message: redact(connectError.message) } }),
    };
  }
  const accountId = adapter.accountId(session);
  const mismatch =
    opts.expectAccountId !== undefined && accountId !== opts.expectAccountId
      ? {
          kind: 'account_mismatch' as const,
          message: `the credentials belong to account ${accountId ?? '(unknown)'}, expected ${opts.expectAccountId}`,
        }
      : undefined;
  const region = chooseRegion(account, adapter, listed, opts.region);
  const withId = {
    ...head,
    ...(accountId === undefined ? {} : { accountId }),
    ...(mismatch === undefined ? {} : { problem: mismatch }),
  };
  if (region === undefined) {
    const why =
      listed === undefined
        ? 'not called: listing regions failed; pass --region'
        : 'not called: the region filter selects no region';
    return { ...withId, rows: [...accountRows, ...skipAll(why)] };
  }

  // 3. Every fetcher operation once, in parallel within the account's request limit.
  const probeCtx = { ...base, session, region };
  const fallbacks = new Map<ResourceFetcher<unknown>, Promise<Map<string, Outcome>>>();
  const limit = pLimit(Math.max(1, account.concurrency));
  const rows = await Promise.all(
    ops.map(({ fetcher, op }) =>
      limit(async (): Promise<CheckRow> => {
        const probe = adapter.probes?.[operationKey(op)];
        if (probe === undefined) {
          let run = fallbacks.get(fetcher);
          if (run === undefined) {
            run = runFetcherOnce(fetcher, base, session, region, account.name);
            fallbacks.set(fetcher, run);
          }
          const outcome = (await run).get(operationKey(op));
          return rowOf(
            fetcher.kind,
            op,
            outcome ?? 'not called: the sync had nothing to call it for in this region',
          );
        }
        try {
          const res = await probe.run(probeCtx, op);
          return rowOf(fetcher.kind, op, { ok: true, via: res.via, code: res.code });
        } catch (e) {
          rethrowAbort(e);
          return rowOf(fetcher.kind, op, {
            ok: false,
            error: asError(e, account.provider, account.name, region),
          });
        }
      }),
    ),
  );
  return { ...withId, region, rows: [...accountRows, ...rows] };
}

/** Checks every account (in parallel, each within its own request limit). */
export async function runCheck(
  accounts: readonly SyncAccount[],
  env: RunEnv,
  opts: CheckOptions = {},
): Promise<AccountCheck[]> {
  const limit = pLimit(4);
  return Promise.all(
    accounts.map((a) =>
      limit(async () => checkAccount(a, await loadAdapter(a.provider), env, opts)),
    ),
  );
}
