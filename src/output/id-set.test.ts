import { describe, expect, it } from 'vitest';
import { IdSet } from './id-set.js';

describe('IdSet', () => {
  it('answers like a Set of (kind, id) pairs, through many growths', () => {
    const ids = new IdSet();
    const reference = new Set<string>();
    // 20,000 pairs, each added three times in a shuffled-looking order; ids repeat across kinds.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20_000; i++) {
        const n = (i * 7919 + round * 104_729) % 20_000;
        const kind = n % 3 === 0 ? 'vm' : 'network_interface';
        const id = `aws/acct/us-east-1/${kind}/id-${n % 10_000}`;
        const key = `${kind}\u0000${id}`;
        expect(ids.add(kind, id)).toBe(!reference.has(key));
        reference.add(key);
      }
    }
    expect(ids.size).toBe(reference.size);
  });

  it('keeps kinds apart and treats ids as exact strings', () => {
    const ids = new IdSet();
    expect(ids.add('vm', 'a')).toBe(true);
    expect(ids.add('vm', 'a')).toBe(false);
    expect(ids.add('vpc', 'a')).toBe(true);
    expect(ids.add('vm', 'A')).toBe(true);
    expect(ids.add('vm', 'a ')).toBe(true);
    // The separator cannot be forged by moving characters between kind and id.
    expect(ids.add('v', 'm\u0000a')).toBe(true);
    expect(ids.add('vm', 'ü')).toBe(true);
    expect(ids.size).toBe(6);
  });
});
