import type { DeepflowCloudError } from '../errors/errors.js';
import type { ErrorEntry, ProviderName } from '../model/index.js';
import type { RegionDecision } from '../regions/filter.js';
import { filterRegions, formatUnmatched } from '../regions/filter.js';
import { RetryBudget } from '../transport/retry.js';
import type { RunEnv, SyncAccount } from './account.js';
import { accountContext, asError, loadAdapter, openAccount } from './account.js';
import { createMetrics } from './metrics.js';

export interface AccountRegions {
  readonly account: string;
  readonly provider: ProviderName;
  readonly decisions: readonly RegionDecision[];
  readonly unmatchedMessage?: string;
  readonly error?: DeepflowCloudError;
  readonly errors: readonly ErrorEntry[];
}

/** `deepflow-cloud regions`: connect, list and filter the regions of each account, with the rule that decided. */
export async function listAccountRegions(
  accounts: readonly SyncAccount[],
  env: Omit<RunEnv, 'budget' | 'metrics'>,
): Promise<AccountRegions[]> {
  const full: RunEnv = {
    ...env,
    budget: new RetryBudget(env.retry.budget),
    metrics: createMetrics(),
  };
  return Promise.all(
    accounts.map(async (account): Promise<AccountRegions> => {
      const errors: ErrorEntry[] = [];
      const base = { account: account.name, provider: account.provider, errors };
      try {
        const adapter = await loadAdapter(account.provider);
        const ctx = accountContext(
          account,
          adapter,
          full,
          env.log.child({ account: account.name }),
        );
        const opened = await openAccount(account, adapter, ctx, errors);
        const d = filterRegions(opened.regions, account.regions, adapter.spec.knownRegions);
        return d.unmatched.length > 0
          ? {
              ...base,
              decisions: d.decisions,
              unmatchedMessage: formatUnmatched(
                d.unmatched,
                account.regionsPath ?? `account '${account.name}' regions`,
              ),
            }
          : { ...base, decisions: d.decisions };
      } catch (e) {
        return { ...base, decisions: [], error: asError(e, account.provider, account.name) };
      }
    }),
  );
}
