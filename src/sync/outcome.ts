import type { DeepflowCloudError } from '../errors/errors.js';
import type { ErrorEntry, ProviderName, ResourceKind } from '../model/index.js';
import type { Operation } from '../providers/types.js';

export type TaskStatus = 'ok' | 'skipped' | 'failed';

export interface TaskOutcome {
  readonly account: string;
  readonly provider: ProviderName;
  readonly region: string;
  readonly kind: ResourceKind;
  /** Every kind the task is responsible for (its fetcher's kind and what it also emits, if selected). */
  readonly kinds?: readonly ResourceKind[];
  readonly status: TaskStatus;
  readonly records: number;
  readonly error?: DeepflowCloudError;
}

/**
 * What becomes of a task that raised `err`: a permission denied on an optional operation, or a region that is
 * not available, skips it; everything else (a required operation denied included) fails it.
 */
export function statusOf(
  err: DeepflowCloudError,
  op: Operation | undefined,
): Exclude<TaskStatus, 'ok'> {
  if (err.kind === 'region_unavailable') return 'skipped';
  if (err.kind === 'permission_denied' && op !== undefined && !op.required) return 'skipped';
  return 'failed';
}

/** The `errors[]` entry of a non-ok task or account-level failure. Never carries secrets: only error fields. */
export function errorEntry(
  base: { account: string; provider: ProviderName; region?: string; kind?: ResourceKind },
  err: DeepflowCloudError,
  outcome: Exclude<TaskStatus, 'ok'>,
): ErrorEntry {
  const entry: ErrorEntry = {
    account: base.account,
    provider: base.provider,
    error_kind: err.kind,
    outcome,
    message: err.message,
  };
  if (base.region !== undefined) entry.region = base.region;
  if (base.kind !== undefined) entry.kind = base.kind;
  if (err.operation !== undefined) entry.operation = err.operation;
  if (err.providerCode !== undefined) entry.code = err.providerCode;
  if (err.requestId !== undefined) entry.request_id = err.requestId;
  return entry;
}
