import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative value imports of a file (type-only imports and re-exports vanish at run time). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms;
  for (const m of text.matchAll(re)) {
    if (m[2] !== undefined) continue;
    const spec = m[3];
    if (spec !== undefined) out.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return out;
}

describe('architecture', () => {
  it('has no import cycles in src/', () => {
    const graph = new Map(sources(SRC).map((f) => [f, valueImports(f)]));
    // The scan must see the real import graph (guards against a regex that matches nothing).
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    expect(graph.get(join(SRC, 'cli', 'main.ts'))).toContain(join(SRC, 'cli', 'program.ts'));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const dep of graph.get(f) ?? []) visit(dep, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps provider folders apart and src free of test imports', () => {
    const problems: string[] = [];
    for (const f of sources(SRC)) {
      const rel = relative(SRC, f);
      const provider = /^providers\/([a-z]+)\//.exec(rel)?.[1];
      for (const dep of valueImports(f)) {
        const to = relative(SRC, dep);
        if (to.startsWith('..')) problems.push(`${rel} imports ${to}`);
        const other = /^providers\/([a-z]+)\//.exec(to)?.[1];
        if (provider && other && other !== provider) problems.push(`${rel} imports ${to}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
