import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyRecord, Inventory, KindRecord } from '../model/index.js';
import { SCHEMA_VERSION, emptyKindLists } from '../model/index.js';
import { SpillStore, openJsonSpill } from './spill.js';
import type { Sink } from './write.js';
import { jsonItem, writeJson } from './write.js';

const rec = (id: string, extra: Record<string, unknown> = {}): AnyRecord =>
  ({
    id,
    native_id: id,
    name: `n-${id}`,
    provider: 'aws',
    account: 'a',
    region: 'r1',
    tags: { z: 'é', a: '1' },
    ...extra,
  }) as unknown as AnyRecord;

function memorySink(): Sink & { text: () => string; committed: boolean; aborted: boolean } {
  const chunks: string[] = [];
  const s = {
    committed: false,
    aborted: false,
    text: () => chunks.join(''),
    write: (c: string) => {
      chunks.push(c);
      return Promise.resolve();
    },
    commit: () => {
      s.committed = true;
      return Promise.resolve();
    },
    abort: () => {
      s.aborted = true;
      return Promise.resolve();
    },
  };
  return s;
}

const privateDir = (): string => mkdtempSync(join(tmpdir(), 'dfc-spill-'));

describe('spill store', () => {
  it('reads each kind back in id order, the first text of an id winning, from a private file', () => {
    const dir = privateDir();
    const store = new SpillStore(dir);
    // Created on the first write.
    expect(store.file).toBeUndefined();
    store.add('vm', 'c', 'C');
    expect(statSync(store.file ?? '').mode & 0o777).toBe(0o600);
    store.add('vm', 'a', 'A1');
    store.add('vpc', 'b', 'B');
    store.add('vm', 'a', 'A2');
    store.add('vm', 'b', 'ünïcode');
    expect([...store.texts('vm')]).toEqual(['A1', 'ünïcode', 'C']);
    expect([...store.texts('vpc')]).toEqual(['B']);
    expect(store.count('vm')).toBe(3);
    expect([...store.texts('subnet')]).toEqual([]);
    store.close();
    expect(readdirSync(dir)).toEqual([]);
    store.close();
  });

  it('writes json byte-identical to writeJson of the in-memory document, then removes its file', async () => {
    const vms = [rec('vm-3'), rec('vm-1', { nested: { b: [1, 2], a: null } }), rec('vm-2')];
    const vpcs = [rec('vpc-2'), rec('vpc-1')];
    const inv = {
      schema_version: SCHEMA_VERSION,
      tool: { name: 'deepflow-cloud', version: '0.0.0' },
      generated_at: '2026-11-22T00:00:00.000Z',
      accounts: [
        {
          name: 'a',
          provider: 'aws',
          status: 'ok',
          regions: ['r1'],
          disabled_regions: [],
          version: 'v',
        },
      ],
      ...emptyKindLists(),
      vms: [...vms].sort((x, y) => (x.id < y.id ? -1 : 1)),
      vpcs: [...vpcs].sort((x, y) => (x.id < y.id ? -1 : 1)),
      errors: [],
    } as unknown as Inventory;
    const expected = memorySink();
    await writeJson(inv, expected);

    const dir = privateDir();
    const sink = memorySink();
    const spill = openJsonSpill(sink, dir);
    spill.records(vms.map((record) => ({ kind: 'vm', record }) as KindRecord));
    spill.records(vpcs.map((record) => ({ kind: 'vpc', record }) as KindRecord));
    expect(readdirSync(dir)).toHaveLength(1);
    expect(spill.tally().vms).toHaveLength(3);
    await spill.finish(inv);
    expect(sink.text()).toBe(expected.text());
    expect(JSON.parse(sink.text())).toEqual(JSON.parse(JSON.stringify(inv)));
    expect(sink.committed).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes its file and aborts the output when the write fails, and on abort', async () => {
    const dir = privateDir();
    const sink = memorySink();
    sink.write = () => Promise.reject(new Error('disk full'));
    const spill = openJsonSpill(sink, dir);
    spill.records([{ kind: 'vm', record: rec('vm-1') } as KindRecord]);
    await expect(spill.finish({ accounts: [], errors: [] })).rejects.toThrow('disk full');
    expect(sink.aborted).toBe(true);
    expect(readdirSync(dir)).toEqual([]);

    const other = openJsonSpill(memorySink(), dir);
    other.records([{ kind: 'vm', record: rec('vm-1') } as KindRecord]);
    await other.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('spilled text is what the document holds for the record', () => {
    const r = rec('x', { list: [{ a: 1 }] });
    expect(jsonItem(r)).toBe(JSON.stringify(r, null, 2).replaceAll('\n', '\n    '));
  });
});
