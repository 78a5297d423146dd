import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Places, removeSpillFiles, SpillFile } from './spill-file.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'dfc-spillfile-'));

describe('spill file', () => {
  it('is created on the first append, private, and reads back each text by place', () => {
    const d = dir();
    const f = new SpillFile(d);
    expect(f.file).toBeUndefined();
    expect(readdirSync(d)).toEqual([]);
    const a = f.append('hello');
    const b = f.append('wörld');
    expect(statSync(f.file ?? '').mode & 0o777).toBe(0o600);
    expect(b).toEqual({ offset: 5, length: Buffer.byteLength('wörld') });
    expect(f.read(b).toString('utf8')).toBe('wörld');
    // A reused buffer large enough is filled in place; a short one is not overrun.
    const buf = Buffer.alloc(64);
    expect(f.read(a, buf).buffer).toBe(buf.buffer);
    expect(f.read(b, Buffer.alloc(2)).toString('utf8')).toBe('wörld');
    f.close();
    f.close();
    expect(readdirSync(d)).toEqual([]);
    expect(() => f.append('x')).toThrow(/closed/);
  });

  it('gathers appends in chunks: every text reads back, across chunk ends and reads between appends', () => {
    const d = dir();
    const f = new SpillFile(d);
    const texts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      // Short, multi-byte (ü, 中) and large (over the chunk on their own) texts, in a fixed mix.
      const big = i % 997 === 0;
      texts.push(big ? `${'中'.repeat(200_000)}${i}` : `{"i":${i},"s":"${'ü中x'.repeat(i % 50)}"}`);
    }
    const places = texts.map((t, i) => {
      const place = f.append(t);
      // A read in the middle of the appends sees what was appended so far.
      if (i % 500 === 250) expect(f.read(place).toString('utf8')).toBe(t);
      return place;
    });
    let offset = 0;
    places.forEach((p, i) => {
      expect(p.offset).toBe(offset);
      offset += p.length;
      expect(f.read(p).toString('utf8')).toBe(texts[i]);
    });
    // After a flush the file holds exactly the texts, in order.
    f.flush();
    expect(readFileSync(f.file ?? '', 'utf8')).toBe(texts.join(''));
    f.close();
  });

  it('removeSpillFiles removes every file not closed yet (the exit hook)', () => {
    const d = dir();
    const f = new SpillFile(d);
    f.append('x');
    const path = f.file ?? '';
    expect(existsSync(path)).toBe(true);
    removeSpillFiles();
    expect(existsSync(path)).toBe(false);
    f.close();
  });

  it('Places keep (id, place) in columns; order is by id, stable, and firstOnly keeps the first of an id', () => {
    const p = new Places();
    const ids = ['b', 'a', 'c', 'a', 'b', 'a'];
    ids.forEach((id, i) => {
      p.push(id, { offset: i * 10, length: i + 1 });
    });
    expect(p.size).toBe(6);
    expect(p.id(2)).toBe('c');
    expect(p.place(3)).toEqual({ offset: 30, length: 4 });
    expect(p.order(false)).toEqual([1, 3, 5, 0, 4, 2]);
    expect(p.order(true)).toEqual([1, 0, 2]);
    const sorted = p.reordered(p.order(true));
    expect([0, 1, 2].map((i) => [sorted.id(i), sorted.place(i).offset])).toEqual([
      ['a', 10],
      ['b', 0],
      ['c', 20],
    ]);
    const copy = new Places();
    copy.pushFrom(p, 4);
    expect([copy.id(0), copy.place(0)]).toEqual(['b', { offset: 40, length: 5 }]);
    expect(() => copy.id(1)).toThrow(RangeError);
    p.clear();
    expect(p.size).toBe(0);
    expect(p.order(true)).toEqual([]);
  });
});
