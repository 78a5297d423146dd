import { describe, expect, it } from 'vitest';
import type { AnyRecord } from '../model/index.js';
import { canonicalJson, ContentHash, contentVersion } from './version.js';

const rec = (id: string, extra: Record<string, unknown> = {}): AnyRecord => ({
  id,
  native_id: id,
  name: id,
  provider: 'aws',
  account: 'a',
  region: 'r',
  tags: {},
  ...extra,
});

const records = [
  rec('b'),
  rec('a', { tags: { y: '2', x: '1' } }),
  rec('c', { name: 'ünïcode ✓' }),
  rec('a', { name: 'dup' }),
];

describe('content version', () => {
  it('is the same whatever the order the records arrive in and however they are grouped', () => {
    const v = contentVersion(records);
    expect(v).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(contentVersion([...records].reverse())).toBe(v);
    // Two tasks' accumulations merged into the account's, as the sync does.
    const account = new ContentHash();
    const task1 = new ContentHash();
    const task2 = new ContentHash();
    task1.add(records[2]!);
    task1.add(records[0]!);
    task2.add(records[3]!);
    task2.add(records[1]!);
    account.merge(task2);
    account.merge(task1);
    expect(account.version()).toBe(v);
  });

  it('changes with any content: a field, a repeated record, a missing one; key order does not count', () => {
    const v = contentVersion(records);
    expect(contentVersion([...records, records[0]!])).not.toBe(v);
    expect(contentVersion(records.slice(1))).not.toBe(v);
    expect(contentVersion([rec('b', { name: 'other' }), ...records.slice(1)])).not.toBe(v);
    const reordered = {
      tags: {},
      region: 'r',
      account: 'a',
      provider: 'aws',
      name: 'b',
      native_id: 'b',
      id: 'b',
    };
    expect(canonicalJson(reordered)).toBe(canonicalJson(records[0]));
    expect(contentVersion([reordered as AnyRecord, ...records.slice(1)])).toBe(v);
    expect(contentVersion([])).not.toBe(v);
    expect(contentVersion([])).toBe(new ContentHash().version());
  });

  it('carries sums past 2^32 in each limb (many records)', () => {
    const many = Array.from({ length: 2000 }, (_, i) => rec(`vm-${i}`));
    const forward = new ContentHash();
    for (const r of many) forward.add(r);
    const backward = new ContentHash();
    for (const r of [...many].reverse()) backward.add(r);
    expect(forward.version()).toBe(backward.version());
    expect(forward.version()).not.toBe(contentVersion(many.slice(1)));
  });
});
