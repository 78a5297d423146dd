import { describe, expect, it } from 'vitest';
import type { AnyRecord } from '../model/index.js';
import { diffRecords, renderDiffJson, renderDiffTable } from './diff.js';

const vm = (n: number, name = `vm-${n}`): AnyRecord => ({
  id: `aws/a/r/vm/i-${n}`,
  native_id: `i-${n}`,
  name,
  provider: 'aws',
  account: 'a',
  region: 'r',
  tags: {},
  state: 'running',
  security_group_ids: [],
});

describe('diff', () => {
  it('lists added, removed and changed ids per kind, ignoring key order', () => {
    const reordered = Object.fromEntries(Object.entries(vm(1)).reverse()) as AnyRecord;
    const d = diffRecords(
      { vms: [vm(1), vm(2), vm(3)] },
      { vms: [reordered, vm(3, 'renamed'), vm(4)] },
    );
    expect(d).toEqual([
      {
        kind: 'vms',
        added: ['aws/a/r/vm/i-4'],
        removed: ['aws/a/r/vm/i-2'],
        changed: ['aws/a/r/vm/i-3'],
      },
    ]);
    expect(renderDiffTable(d)).toContain('vms    1      1        1');
    expect(JSON.parse(renderDiffJson(d))).toMatchObject({
      totals: { added: 1, removed: 1, changed: 1 },
    });
  });

  it('says so when nothing changed', () => {
    expect(diffRecords({ vms: [vm(1)] }, { vms: [vm(1)] })).toEqual([]);
    expect(renderDiffTable([])).toBe('no changes\n');
  });
});
