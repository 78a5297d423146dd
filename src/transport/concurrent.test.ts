import { describe, expect, it } from 'vitest';
import { collectInOrder, mapInOrder } from './concurrent.js';

describe('transport/concurrent', () => {
  it('starts up to the window ahead and yields in the items order', async () => {
    const started: number[] = [];
    const resolvers = new Map<number, (v: string) => void>();
    const gen = mapInOrder(
      [1, 2, 3, 4],
      (n) => {
        started.push(n);
        if (n > 2) return Promise.resolve(String.fromCharCode(96 + n));
        return new Promise<string>((resolve) => resolvers.set(n, resolve));
      },
      2,
    );
    const first = gen.next();
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    resolvers.get(2)?.('b');
    resolvers.get(1)?.('a');
    expect((await first).value).toBe('a');
    expect(started).toEqual([1, 2, 3]);
    const rest: string[] = [];
    for await (const v of gen) rest.push(v);
    expect(rest).toEqual(['b', 'c', 'd']);
  });

  it('throws the first failure in order', async () => {
    await expect(
      collectInOrder([1, 2, 3], (n) =>
        n === 2 ? Promise.reject(new Error('two')) : Promise.resolve(n),
      ),
    ).rejects.toThrow('two');
  });

  it('handles no items', async () => {
    expect(await collectInOrder([], () => Promise.resolve(1))).toEqual([]);
  });
});
