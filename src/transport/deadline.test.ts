import { describe, expect, it } from 'vitest';
import { withDeadline } from './deadline.js';

const never = (): Promise<never> => new Promise<never>(() => undefined);

describe('withDeadline', () => {
  it('resolves with the attempt and aborts nothing', async () => {
    let seen: AbortSignal | undefined;
    const v = await withDeadline(new AbortController().signal, 1_000, (s) => {
      seen = s;
      return Promise.resolve(42);
    });
    expect(v).toBe(42);
    expect(seen?.aborted).toBe(false);
  });

  it('rejects at the deadline with a TimeoutError even when the attempt ignores its signal', async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    const err = await withDeadline(new AbortController().signal, 50, (s) => {
      seen = s;
      return never();
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('TimeoutError');
    expect(seen?.aborted).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('keeps its deadline under garbage-collection pressure (the signal is held strongly)', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    const pending = Array.from({ length: 20 }, () =>
      withDeadline(new AbortController().signal, 30, () => never()).catch((e: unknown) => e),
    );
    // Allocate and (when exposed) collect while the deadlines run.
    for (let i = 0; i < 5; i++) {
      Array.from({ length: 50_000 }, (_, j) => ({ j, s: `x${j}` }));
      gc?.();
      await new Promise((r) => setTimeout(r, 5));
    }
    const errs = await Promise.all(pending);
    for (const e of errs) expect((e as DOMException).name).toBe('TimeoutError');
  });

  it("rejects with the parent's reason when the parent aborts, and at once when it already has", async () => {
    const parent = new AbortController();
    const p = withDeadline(parent.signal, 10_000, () => never());
    parent.abort(new Error('interrupted'));
    await expect(p).rejects.toThrow('interrupted');
    await expect(withDeadline(parent.signal, 10_000, () => never())).rejects.toThrow('interrupted');
  });

  it('passes on a rejection of the attempt, and one thrown synchronously', async () => {
    const signal = new AbortController().signal;
    await expect(
      withDeadline(signal, 1_000, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(
      withDeadline(signal, 1_000, () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
  });

  it('releases its listener on the parent when it settles', async () => {
    const parent = new AbortController();
    let added = 0;
    let removed = 0;
    const add = parent.signal.addEventListener.bind(parent.signal);
    const remove = parent.signal.removeEventListener.bind(parent.signal);
    parent.signal.addEventListener = (...a: Parameters<typeof add>) => {
      added++;
      add(...a);
    };
    parent.signal.removeEventListener = (...a: Parameters<typeof remove>) => {
      removed++;
      remove(...a);
    };
    await withDeadline(parent.signal, 1_000, () => Promise.resolve(1));
    await withDeadline(parent.signal, 20, () => never()).catch(() => undefined);
    expect(added).toBe(2);
    expect(removed).toBe(2);
  });
});
