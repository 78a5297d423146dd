import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeSpillFiles, SpillFile } from './spill-file.js';

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
});
