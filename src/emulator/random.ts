/** Deterministic randomness for the emulator world: no Math.random, every value derives from the seed. */

/** 32-bit avalanche mix (murmur3 finalizer). */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes numbers and strings into one 32-bit value; order matters. */
export function hash32(...parts: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    if (typeof part === 'number') {
      h = mix32(h ^ mix32(part >>> 0) ^ Math.floor(part / 0x100000000));
    } else {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
      h = mix32(h ^ part.length);
    }
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random stream with the few helpers the generator needs. */
export class Rng {
  private readonly next: () => number;

  constructor(...seedParts: readonly (number | string)[]) {
    this.next = mulberry32(hash32(...seedParts));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return pickAt(items, this.int(items.length));
  }
}

/** `items[i]`, throwing on an out-of-range index (keeps noUncheckedIndexedAccess honest). */
export function pickAt<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`index ${i} out of range (${items.length} items)`);
  return item;
}

/**
 * A keyed bijection on 64-bit values held as two 32-bit halves (4-round Feistel network). Distinct inputs
 * give distinct outputs for any keys, so ids built from (region, kind, n) never collide yet look random.
 */
export function permute64(hi: number, lo: number, keys: readonly number[]): [number, number] {
  let l = hi >>> 0;
  let r = lo >>> 0;
  for (const key of keys) {
    const f = mix32((r ^ key) >>> 0);
    const next = (l ^ f) >>> 0;
    l = r;
    r = next;
  }
  return [l, r];
}

const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** 8 lower-case hex digits (table-driven: ids are rendered for every item of every page). */
export function hex32(x: number): string {
  const byte = (shift: number): string => BYTE_HEX[(x >>> shift) & 255] ?? '00';
  return byte(24) + byte(16) + byte(8) + byte(0);
}
