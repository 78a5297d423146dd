import { EXIT } from '../errors/exit-codes.js';
import type { ExitCode } from '../errors/exit-codes.js';
import type { SyncResult } from '../sync/run.js';

/**
 * The exit code of a finished sync (DESIGN §2): 130 interrupted; 1 when a record broke our own schema; 3 when
 * authentication failed for every account; 4 when any task failed or was skipped; else 0.
 */
export function syncExitCode(result: SyncResult, interrupted: boolean): ExitCode {
  if (interrupted) return EXIT.interrupted;
  const errors = result.accounts.flatMap((a) => a.errors);
  if (errors.some((e) => e.error_kind === 'internal')) return EXIT.internal;
  const accounts = result.accounts;
  if (accounts.length > 0 && accounts.every((a) => a.fatal?.kind === 'auth_failed'))
    return EXIT.auth;
  if (errors.length > 0 || accounts.some((a) => a.summary.status !== 'ok')) return EXIT.partial;
  return EXIT.ok;
}
