import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from './heap.js';

describe('heapGrowthFlag', () => {
  it('holds the heap growing factor by default', () => {
    expect(heapGrowthFlag([], undefined)).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--enable-source-maps'], '--max-old-space-size=4096')).toBe(
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
    );
  });

  it("leaves the user's own choice alone, on the command line or in NODE_OPTIONS, in either spelling", () => {
    expect(heapGrowthFlag(['--heap-growing-percent=30'], undefined)).toBeUndefined();
    expect(
      heapGrowthFlag([], '--max-old-space-size=512 --heap_growing_percent=50'),
    ).toBeUndefined();
    expect(heapGrowthFlag([], '--heap-growing-percent')).toBeUndefined();
    // A different flag that merely starts alike is not it.
    expect(heapGrowthFlag([], '--heap-growing-percentage=5')).toBe(
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
    );
  });
});
