import pLimit from 'p-limit';
import { ConfigError, DeepflowCloudError, InternalError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import type { ErrorEntry, ProviderName, ResourceKind } from '../model/index.js';
import { registry } from '../providers/registry.js';
import type { AccountContext, CallFn, ProviderAdapter, RegionInfo } from '../providers/types.js';
import type { RawDump } from '../transport/dump.js';
import { createCall } from './call.js';
import { errorEntry } from './outcome.js';
import { RateLimiter } from './rate-limit.js';

/** An account as the sync needs it (the config's resolved account). */
export interface SyncAccount {
  readonly name: string;
  readonly provider: ProviderName;
  readonly credentials: Readonly<Record<string, string>>;
  readonly regions: { readonly include: readonly string[]; readonly exclude: readonly string[] };
  /** Where the region lists came from (`accounts[0].regions.include`, `--regions`), for error messages. */
  readonly regionsPath?: { readonly include: string; readonly exclude: string } | undefined;
  readonly resources?: readonly ResourceKind[] | undefined;
  readonly endpoints: Readonly<Record<string, string>>;
  readonly concurrency: number;
  readonly options: Readonly<Record<string, unknown>>;
}

/** What every account of a run shares (the account context minus what is per account). */
export type RunEnv = Pick<
  AccountContext,
  'requestTimeoutMs' | 'retry' | 'budget' | 'clock' | 'log' | 'signal' | 'metrics'
> & { readonly dump?: RawDump | undefined };

/** `--dump-raw`: every successful response of `call` also goes to the dump (`<Action>.<service>-<n>.json`). */
function withDump(dump: RawDump | undefined, provider: ProviderName, call: CallFn): CallFn {
  if (dump === undefined) return call;
  return (op, region, fn) =>
    call(op, region, async (signal) => {
      const out = await fn(signal);
      dump.write(provider, region, `${op.action}.${op.service}`, out);
      return out;
    });
}

export type AnyAdapter = ProviderAdapter<unknown, unknown>;

export async function loadAdapter(p: ProviderName): Promise<AnyAdapter> {
  const load = registry[p];
  if (load === null) {
    throw new ConfigError('provider', `provider '${p}' is not available in this version`);
  }
  const mod = await load();
  return mod.adapter;
}

/** Requests of `bulky` operations in flight per account (their pages are parsed one at a time anyway). */
export const BULKY_CONCURRENCY = 8;

/** The adapter's context for one account: limits, timeouts, retries, classification. */
export function accountContext(
  account: SyncAccount,
  adapter: AnyAdapter,
  env: RunEnv,
  log: Logger,
): AccountContext {
  return {
    provider: account.provider,
    account: account.name,
    endpoints: account.endpoints,
    options: account.options,
    requestTimeoutMs: env.requestTimeoutMs,
    retry: env.retry,
    budget: env.budget,
    clock: env.clock,
    log,
    signal: env.signal,
    metrics: env.metrics,
    call: withDump(
      env.dump,
      account.provider,
      createCall({
        retries: adapter.retries,
        classify: (e, op, region) => adapter.classify(e, op, region),
        limiter: pLimit(account.concurrency),
        bulkyLimiter: pLimit(Math.min(account.concurrency, BULKY_CONCURRENCY)),
        metrics: env.metrics,
        clock: env.clock,
        retry: env.retry,
        budget: env.budget,
        requestTimeoutMs: env.requestTimeoutMs,
        signal: env.signal,
        log,
        ...(adapter.rateLimits === undefined || adapter.rateLimits.length === 0
          ? {}
          : { rateLimiter: new RateLimiter(adapter.rateLimits, env.clock) }),
      }),
    ),
  };
}

export interface OpenedAccount {
  readonly session: unknown;
  readonly accountId: string | undefined;
  readonly regions: RegionInfo[];
}

/**
 * Connects (verifies the credentials, resolves the account id) and lists regions. When listing regions is
 * denied and the account names its regions explicitly, those ids are trusted and the denial is reported
 * in `errors` (DESIGN §4). Any other failure is thrown: it fails the account.
 */
export async function openAccount(
  account: SyncAccount,
  adapter: AnyAdapter,
  ctx: AccountContext,
  errors: ErrorEntry[],
): Promise<OpenedAccount> {
  const creds = adapter.spec.credentials.parse(account.credentials);
  const session = await adapter.connect(creds, ctx);
  const accountId = adapter.accountId(session);
  try {
    return { session, accountId, regions: await adapter.listRegions(session, ctx) };
  } catch (e) {
    if (!(e instanceof DeepflowCloudError) || e.kind !== 'permission_denied') throw e;
    if (account.regions.include.length === 0) throw e;
    errors.push(
      errorEntry(
        { account: account.name, provider: account.provider, kind: 'region' },
        e,
        'skipped',
      ),
    );
    ctx.log.warn('listing regions denied; syncing the include list as given', { error: e.message });
    const known = new Map(adapter.spec.knownRegions.map((r) => [r.id, r]));
    const regions = account.regions.include.map((id) => ({
      id,
      localName: known.get(id)?.localName,
      enabled: true,
    }));
    return { session, accountId, regions };
  }
}

/** Any thrown value as our typed error (an unexpected one is internal: a bug to report). */
export function asError(
  e: unknown,
  provider: ProviderName,
  account: string,
  region?: string,
): DeepflowCloudError {
  if (e instanceof DeepflowCloudError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new InternalError(`unexpected error: ${message} (please file an issue)`, {
    provider,
    account,
    region,
    cause: e,
  });
}
