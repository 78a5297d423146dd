import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyRecord, KindRecord } from '../model/index.js';
import { SCHEMA_VERSION } from '../model/index.js';
import { openNdjsonStream } from './stream.js';
import type { Sink } from './write.js';
import { atomicFileSink } from './write.js';

const header = {
  schema_version: SCHEMA_VERSION,
  tool: { name: 'deepflow-cloud', version: '0.0.0' },
  generated_at: '2026-11-22T00:00:00.000Z',
} as Parameters<typeof openNdjsonStream>[1];
const vpc = (id: string, region = 'r1'): KindRecord =>
  ({
    kind: 'vpc',
    record: { id, native_id: id, name: id, provider: 'aws', account: 'a', region, tags: {} },
  }) as unknown as KindRecord;

function memorySink(): Sink & { chunks: string[]; committed: boolean } {
  const s = {
    chunks: [] as string[],
    committed: false,
    write: (c: string) => {
      s.chunks.push(c);
      return Promise.resolve();
    },
    commit: () => {
      s.committed = true;
      return Promise.resolve();
    },
    abort: () => Promise.resolve(),
  };
  return s;
}
const lines = (chunks: string[]) =>
  chunks
    .join('')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { type: string; data: { id?: string } });

describe('ndjson stream', () => {
  it('writes the header at once and records as they arrive, before the run ends', async () => {
    const sink = memorySink();
    const stream = await openNdjsonStream(sink, header, 1);
    expect(lines(sink.chunks).map((l) => l.type)).toEqual(['header']);
    stream.records([vpc('v1'), vpc('v2')]);
    // A later task is still running: what arrived is already on its way out.
    await new Promise((r) => setTimeout(r, 0));
    expect(lines(sink.chunks).map((l) => l.data.id ?? l.type)).toEqual(['header', 'v1', 'v2']);
    expect(sink.committed).toBe(false);
    stream.records([vpc('v3'), vpc('v1')]);
    await stream.finish({ accounts: [], errors: [] });
    // Each id once (the second v1 is dropped), in arrival order, then the trailer; committed.
    expect(lines(sink.chunks).map((l) => l.data.id ?? l.type)).toEqual([
      'header',
      'v1',
      'v2',
      'v3',
    ]);
    expect(sink.committed).toBe(true);
  });

  it('tallies records per kind with shared stand-ins carrying only account and region', async () => {
    const stream = await openNdjsonStream(memorySink(), header);
    stream.records([vpc('v1'), vpc('v2'), vpc('v3', 'r2')]);
    const t = stream.tally();
    expect(t.vpcs).toHaveLength(3);
    expect(t.vms).toEqual([]);
    expect(t.vpcs[0]).toBe(t.vpcs[1]);
    expect(t.vpcs[2]).toEqual({ account: 'a', region: 'r2' } as unknown as AnyRecord);
  });

  it('writes the trailer last, and reports a failed write at finish', async () => {
    const sink = memorySink();
    const stream = await openNdjsonStream(sink, header, 1);
    stream.records([vpc('v1')]);
    await stream.finish({
      accounts: [
        {
          name: 'a',
          provider: 'aws',
          status: 'ok',
          regions: ['r1'],
          disabled_regions: [],
          version: 'x',
        },
      ],
      errors: [],
    });
    expect(lines(sink.chunks).map((l) => l.type)).toEqual(['header', 'vpc', 'account']);

    const broken = memorySink();
    let n = 0;
    broken.write = () => (++n > 1 ? Promise.reject(new Error('disk full')) : Promise.resolve());
    const s2 = await openNdjsonStream(broken, header, 1);
    s2.records([vpc('v1')]);
    await expect(s2.finish({ accounts: [], errors: [] })).rejects.toThrow('disk full');
  });

  it('leaves no file behind when aborted (the --output temp file is removed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dfc-stream-'));
    const path = join(dir, 'inventory.ndjson');
    const stream = await openNdjsonStream(await atomicFileSink(path), header, 1);
    stream.records([vpc('v1')]);
    await stream.abort();
    expect(readdirSync(dir)).toEqual([]);
    const ok = await openNdjsonStream(await atomicFileSink(path), header, 1);
    ok.records([vpc('v1')]);
    await ok.finish({ accounts: [], errors: [] });
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
  });
});
