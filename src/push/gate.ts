import type { UncoveredSlice } from '../state/carry.js';
import { needsCarry } from '../state/carry.js';
import type { SyncResult } from '../sync/run.js';
import type { PushOutcome } from './push.js';

/**
 * DESIGN §7: a push never sends a partial snapshot as if it were whole. Returns the `refused_partial` outcome
 * when some slice failed and could not be carried forward (no state, or no state yet for its account), unless
 * `allowPartial`; undefined when the push may go ahead.
 */
export function partialGate(
  result: SyncResult,
  uncovered: readonly UncoveredSlice[] | undefined,
  hasState: boolean,
  allowPartial: boolean,
): PushOutcome | undefined {
  const holes: readonly UncoveredSlice[] =
    uncovered ??
    result.accounts.flatMap((a) =>
      a.fatal !== undefined
        ? [{ account: a.summary.name, region: '*', kind: '*' as const }]
        : a.outcomes
            .filter(needsCarry)
            .map((o): UncoveredSlice => ({ account: o.account, region: o.region, kind: o.kind })),
    );
  if (holes.length === 0 || allowPartial) return undefined;
  const first = holes[0];
  return {
    result: 'refused_partial',
    attempts: 0,
    message:
      `not pushed: ${holes.length} slice(s) failed (first: ${first?.account ?? ''}/${first?.region ?? ''}/${first?.kind ?? ''}) ` +
      `and there is no ${hasState ? 'last good state for them' : '--state-dir'} to carry them forward from; ` +
      'the server would delete what this run did not see (--allow-partial pushes anyway)',
  };
}
