import { describe, expect, it } from 'vitest';
import { TruncatedError } from '../errors/errors.js';
import { listByPageNumber, MAX_PAGES, pagesByToken } from './paging.js';

interface Page {
  total: number;
  items: string[];
  size?: number;
}

/** A list of `total` items served `served` a page, recording which pages were asked and when. */
function numbered(
  total: number,
  served: number,
  opts: { usedSize?: boolean; repeat?: boolean } = {},
) {
  const asked: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const request = async (n: number): Promise<Page> => {
    asked.push(n);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    const from = opts.repeat === true && n > 1 ? 0 : (n - 1) * served;
    const items = Array.from(
      { length: Math.max(0, Math.min(served, total - from)) },
      (_, i) => `i${from + i}`,
    );
    return { total, items, ...(opts.usedSize === true ? { size: served } : {}) };
  };
  return {
    asked,
    maxInFlight: () => maxInFlight,
    list: {
      request,
      pageSize: 100,
      total: (p: Page) => p.total,
      usedSize: (p: Page) => p.size,
      items: (p: Page) => p.items,
      idOf: (i: string) => i,
      totalName: 'TotalCount',
      details: { provider: 'aliyun' as const, operation: 'ecs:List' },
    },
  };
}

const all = async <T>(g: AsyncGenerator<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of g) out.push(x);
  return out;
};

describe('providers/paging listByPageNumber', () => {
  it('asks page 1, then every other page at once, and yields the items in order', async () => {
    const l = numbered(250, 100);
    const items = await all(listByPageNumber(l.list));
    expect(items).toHaveLength(250);
    expect(items[0]).toBe('i0');
    expect(items[249]).toBe('i249');
    expect(l.asked).toEqual([1, 2, 3]);
    expect(l.maxInFlight()).toBe(2);
  });

  it('takes a short first page below the total as the size served, or the size the service reports', async () => {
    const short = numbered(25, 10);
    expect(await all(listByPageNumber(short.list))).toHaveLength(25);
    expect(short.asked).toEqual([1, 2, 3]);
    const reported = numbered(25, 10, { usedSize: true });
    expect(await all(listByPageNumber(reported.list))).toHaveLength(25);
  });

  it('refuses what does not add up: repeated items, a total that is no count or needs too many pages', async () => {
    await expect(all(listByPageNumber(numbered(30, 10, { repeat: true }).list))).rejects.toThrow(
      /page 2 repeats item i0/,
    );
    const bad = numbered(5, 10);
    await expect(
      all(listByPageNumber({ ...bad.list, total: () => 'many' })),
    ).rejects.toBeInstanceOf(TruncatedError);
    const huge = numbered(5, 10);
    await expect(
      all(listByPageNumber({ ...huge.list, total: () => 100 * (MAX_PAGES + 1) })),
    ).rejects.toThrow(/needs more than/);
    const lying = numbered(4, 10);
    await expect(all(listByPageNumber({ ...lying.list, total: () => 2 }))).rejects.toThrow(
      /listed 4 items but TotalCount is 2|more than PageSize/,
    );
  });

  it('reports a failed later page, with no unhandled rejection from the ones in flight', async () => {
    const l = numbered(300, 100);
    const failing = {
      ...l.list,
      request: (n: number) =>
        n >= 2 ? Promise.reject(new Error(`page ${n} failed`)) : l.list.request(n),
    };
    await expect(all(listByPageNumber(failing))).rejects.toThrow('page 2 failed');
  });
});

describe('providers/paging pagesByToken', () => {
  it('follows tokens one page at a time until none, and stops on a repeated token', async () => {
    const tokens = ['a', 'b', undefined];
    const asked: (string | undefined)[] = [];
    const pages = await all(
      pagesByToken({
        request: (t) => {
          asked.push(t);
          return Promise.resolve({ next: tokens[asked.length - 1] });
        },
        next: (p) => p.next,
        details: {},
      }),
    );
    expect(pages).toHaveLength(3);
    expect(asked).toEqual([undefined, 'a', 'b']);
    await expect(
      all(
        pagesByToken({
          request: () => Promise.resolve({ next: 'same' }),
          next: (p) => p.next,
          details: {},
        }),
      ),
    ).rejects.toThrow(/token repeated/);
  });
});
