/** How many per-item requests a fetcher starts ahead of the one it is waiting for. */
export const ITEM_WINDOW = 64;

/**
 * Calls `fn` on every item concurrently (at most `window` started ahead of the one being yielded) and yields
 * the results in the items' order. Meant for per-item API calls (listeners of one LB, attributes of one
 * security group): each request still goes through `ctx.call`, so the account's in-flight limit and the rate
 * limiter decide how many are really on the wire; the window only bounds what is held in memory.
 * The first failure is thrown when its turn comes; the others' failures are then ignored.
 */
export async function* mapInOrder<T, R>(
  items: Iterable<T>,
  fn: (item: T) => Promise<R>,
  window = ITEM_WINDOW,
): AsyncGenerator<R, void, undefined> {
  const it = items[Symbol.iterator]();
  const pending: Promise<R>[] = [];
  let done = false;
  const fill = (): void => {
    while (!done && pending.length < Math.max(1, window)) {
      const next = it.next();
      if (next.done === true) {
        done = true;
        return;
      }
      const p = fn(next.value);
      // Awaited in order below; this only keeps an early failure from being reported as unhandled.
      p.catch(() => undefined);
      pending.push(p);
    }
  };
  fill();
  for (let head = pending.shift(); head !== undefined; head = pending.shift()) {
    const value = await head;
    fill();
    yield value;
  }
}

/** Every result of `mapInOrder`, as an array in the items' order. */
export async function collectInOrder<T, R>(
  items: Iterable<T>,
  fn: (item: T) => Promise<R>,
  window = ITEM_WINDOW,
): Promise<R[]> {
  const out: R[] = [];
  for await (const r of mapInOrder(items, fn, window)) out.push(r);
  return out;
}

/** Every item of an async iterable, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
