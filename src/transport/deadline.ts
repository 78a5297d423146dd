/**
 * A per-attempt deadline that cannot be lost.
 *
 * `AbortSignal.any([parent, AbortSignal.timeout(ms)])` handed to an SDK is not enough on Node 20: the timeout
 * signal and the composite are held only weakly (by the timer and by undici's request, which follows its signal
 * through weak references, nodejs/node#55428), so under garbage-collection pressure a hanging request could
 * lose its timeout and never end. Found by the fault matrix: the hang cell, run beside other cells, waited
 * forever. Here the timer holds the controller strongly, and the attempt is raced against the signal, so it
 * ends at the deadline even when the code underneath ignores or loses the signal.
 */

/** The reason the attempt is aborted with at its deadline: what `AbortSignal.timeout` uses. */
export function timeoutReason(ms: number): DOMException {
  return new DOMException(`no answer within ${ms} ms`, 'TimeoutError');
}

/**
 * Runs `fn` with a signal that aborts when `parent` aborts (with the parent's reason) or after `ms` (with a
 * `TimeoutError` DOMException). The returned promise settles with `fn`'s result, or rejects with the abort
 * reason as soon as the signal aborts, whether or not `fn` honours it. The timer and listener are released
 * when it settles.
 */
export function withDeadline<T>(
  parent: AbortSignal,
  ms: number,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (parent.aborted) return Promise.reject(parent.reason as Error);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onParentAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    const abort = (reason: unknown): void => {
      controller.abort(reason);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the aborter's own reason, as fetch rejects
      reject(reason);
    };
    timer = setTimeout(() => {
      abort(timeoutReason(ms));
    }, ms);
    onParentAbort = () => {
      abort(parent.reason);
    };
    parent.addEventListener('abort', onParentAbort, { once: true });
  });
  // The race below observes `aborted`; this keeps a rejection after `fn` has settled from being unhandled.
  aborted.catch(() => undefined);
  let attempt: Promise<T>;
  try {
    attempt = fn(controller.signal);
  } catch (e) {
    attempt = Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  return Promise.race([attempt, aborted]).finally(() => {
    clearTimeout(timer);
    if (onParentAbort !== undefined) parent.removeEventListener('abort', onParentAbort);
    // An attempt that lost the race may still reject later; it was already reported through `aborted`.
    attempt.catch(() => undefined);
  });
}
