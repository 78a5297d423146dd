import { describe, expect, it } from 'vitest';
import type { Inventory } from '../model/index.js';
import type { Sink } from './write.js';
import {
  ndjsonHeader,
  ndjsonTrailer,
  renderJson,
  renderNdjsonRecords,
  writeJson,
  writeNdjson,
} from './write.js';

function memorySink(): Sink & { text: () => string } {
  const parts: string[] = [];
  return {
    write: (chunk) => {
      parts.push(chunk);
      return Promise.resolve();
    },
    commit: () => Promise.resolve(),
    abort: () => Promise.resolve(),
    text: () => parts.join(''),
  };
}

const vm = (n: number) => ({
  id: `aws/a/r/vm/i-${n}`,
  native_id: `i-${n}`,
  name: `vm "${n}"\nline`,
  provider: 'aws',
  account: 'a',
  region: 'r',
  tags: n === 1 ? {} : { k: 'v' },
  security_group_ids: [],
  nested: { list: [1, 2], empty: {} },
});

const INVENTORY = {
  schema_version: '1',
  tool: { name: 'deepflow-cloud', version: '0.1.0' },
  generated_at: '2026-11-22T00:00:00.000Z',
  accounts: [{ name: 'a', provider: 'aws', status: 'ok', regions: ['r'], version: 'v' }],
  regions: [],
  vms: [vm(1), vm(2), vm(3)],
  errors: [],
} as unknown as Inventory;

describe('output/write', () => {
  it('streams the same JSON text as the whole-document render', async () => {
    const sink = memorySink();
    await writeJson(INVENTORY, sink);
    expect(sink.text()).toBe(renderJson(INVENTORY));
  });

  it('streams the same ndjson as the whole-document render', async () => {
    const full = { ...INVENTORY, zones: [], subnets: [] } as unknown as Inventory;
    const sink = memorySink();
    await writeNdjson(
      new Proxy(full, {
        get: (t, k) => (t as unknown as Record<string | symbol, unknown>)[k] ?? [],
      }),
      sink,
    );
    const all = new Proxy(full, {
      get: (t, k) => (t as unknown as Record<string | symbol, unknown>)[k] ?? [],
    });
    expect(sink.text()).toBe(ndjsonHeader(all) + renderNdjsonRecords(all) + ndjsonTrailer(all));
  });
});
