/**
 * The set of (kind, id) pairs an ndjson stream has written, in 16 bytes a pair instead of the id's string.
 *
 * Each pair is kept as the first 128 bits of the SHA-256 of `kind NUL id`, in an open-addressing table of
 * typed arrays. Two different pairs share a fingerprint with a probability of about n² / 2¹²⁹ (1e-27 for a
 * million records): far below anything else that can go wrong on a machine, so a fingerprint seen is taken
 * for the pair seen. Memory: 17 bytes a slot, the table at most three quarters full (linear probing), so
 * 23–45 bytes a pair, instead of the id string and a Set entry (~100 bytes), which was what grew with the
 * records in a streamed run.
 */
import { createHash } from 'node:crypto';

const WORDS = 4;

export class IdSet {
  private table = new Uint32Array(WORDS * 1024);
  private used = new Uint8Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The pair's fingerprint: four 32-bit words (what a caller may keep instead of the id, to add later). */
  static fingerprint(kind: string, id: string): [number, number, number, number] {
    const d = createHash('sha256').update(kind).update('\u0000').update(id).digest();
    return [d.readUInt32LE(0), d.readUInt32LE(4), d.readUInt32LE(8), d.readUInt32LE(12)];
  }

  /** Adds the pair; true when it was not there yet. */
  add(kind: string, id: string): boolean {
    return this.addFingerprint(IdSet.fingerprint(kind, id));
  }

  /** Adds a pair by its fingerprint (`IdSet.fingerprint`); true when it was not there yet. */
  addFingerprint(key: readonly number[]): boolean {
    if (this.find(key) >= 0) return false;
    if ((this.count + 1) * 4 > this.used.length * 3) this.grow();
    this.insert(key);
    this.count += 1;
    return true;
  }

  private slotOf(key: readonly number[]): number {
    return (key[0] ?? 0) & (this.used.length - 1);
  }

  /** The slot holding `key`, or -1. */
  private find(key: readonly number[]): number {
    const mask = this.used.length - 1;
    for (let s = this.slotOf(key); this.used[s] === 1; s = (s + 1) & mask) {
      const at = s * WORDS;
      if (
        this.table[at] === key[0] &&
        this.table[at + 1] === key[1] &&
        this.table[at + 2] === key[2] &&
        this.table[at + 3] === key[3]
      ) {
        return s;
      }
    }
    return -1;
  }

  private insert(key: readonly number[]): void {
    const mask = this.used.length - 1;
    let s = this.slotOf(key);
    while (this.used[s] === 1) s = (s + 1) & mask;
    this.used[s] = 1;
    this.table.set(key, s * WORDS);
  }

  private grow(): void {
    const oldTable = this.table;
    const oldUsed = this.used;
    this.table = new Uint32Array(oldTable.length * 2);
    this.used = new Uint8Array(oldUsed.length * 2);
    for (let s = 0; s < oldUsed.length; s++) {
      if (oldUsed[s] !== 1) continue;
      const at = s * WORDS;
      this.insert([
        oldTable[at] ?? 0,
        oldTable[at + 1] ?? 0,
        oldTable[at + 2] ?? 0,
        oldTable[at + 3] ?? 0,
      ]);
    }
  }
}
