import { ConfigError } from '../errors/errors.js';
import type { KnownRegion } from '../providers/types.js';
import { closestMatches, quoteList } from './suggest.js';

/** A region as listed for the account (`RegionInfo` fits). */
export interface RegionCandidate {
  readonly id: string;
  readonly localName?: string | undefined;
  readonly enabled: boolean;
}

/** The account's `regions` rules, defaults applied (`[]` when absent). */
export interface RegionRules {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export type RegionStatus = 'included' | 'excluded' | 'disabled';

/** Why a region was or was not selected; printed by `deepflow-cloud regions`. */
export interface RegionDecision {
  readonly id: string;
  readonly localName?: string;
  readonly enabled: boolean;
  readonly status: RegionStatus;
  /** The rule that decided: `include[1] 'cn-shanghai*' (glob)`, `exclude[0] 'us-west-1'`, `not in include`, ... */
  readonly rule: string;
}

/** A pattern that matches no region, listed or known: a config error (a typo must never sync nothing). */
export interface UnmatchedPattern {
  readonly list: 'include' | 'exclude';
  readonly index: number;
  readonly pattern: string;
  /** Closest region ids and localized names, best first, at most 3. */
  readonly suggestions: string[];
}

export interface RegionFilterResult {
  /** Ids of the regions to sync, in the order the cloud listed them. */
  readonly selected: string[];
  /**
   * One decision per listed region, in the cloud's order, then known regions the cloud did not list but
   * `include` names exactly (status `disabled`).
   */
  readonly decisions: RegionDecision[];
  readonly unmatched: UnmatchedPattern[];
}

type MatchHow = 'id' | 'name' | 'glob';

/** Glob match on code points: `*` is any run (even empty), `?` exactly one; every other character is literal. */
export function globMatch(pattern: string, text: string): boolean {
  const p = Array.from(pattern);
  const t = Array.from(text);
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    const pc = p[pi];
    if (pc !== undefined && pc !== '*' && (pc === '?' || pc === t[ti])) {
      pi += 1;
      ti += 1;
    } else if (pc === '*') {
      star = pi;
      mark = ti;
      pi += 1;
    } else if (star >= 0) {
      pi = star + 1;
      mark += 1;
      ti = mark;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi += 1;
  return pi === p.length;
}

function isGlob(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * How `pattern` matches a region: its id exactly, its localized name exactly, or its id as a glob.
 * Matching is case-sensitive (cloud ids are); a near miss is caught as an unmatched pattern with suggestions.
 */
export function matchRegion(
  pattern: string,
  region: { readonly id: string; readonly localName?: string | undefined },
): MatchHow | undefined {
  if (pattern === region.id) return 'id';
  if (region.localName !== undefined && pattern === region.localName) return 'name';
  if (isGlob(pattern) && globMatch(pattern, region.id)) return 'glob';
  return undefined;
}

function describe(
  list: 'include' | 'exclude',
  index: number,
  pattern: string,
  how: MatchHow,
): string {
  const base = `${list}[${index}] '${pattern}'`;
  return how === 'id' ? base : `${base} (${how})`;
}

/** The first rule of `patterns` that matches the region, described. */
function firstMatch(
  list: 'include' | 'exclude',
  patterns: readonly string[],
  region: RegionCandidate,
): string | undefined {
  for (const [index, pattern] of patterns.entries()) {
    const how = matchRegion(pattern, region);
    if (how) return describe(list, index, pattern, how);
  }
  return undefined;
}

function decide(region: RegionCandidate, rules: RegionRules): RegionDecision {
  const head = {
    id: region.id,
    ...(region.localName === undefined ? {} : { localName: region.localName }),
    enabled: region.enabled,
  };
  const byInclude = firstMatch('include', rules.include, region);
  const byExclude = firstMatch('exclude', rules.exclude, region);
  if (!region.enabled) {
    const wanted = byInclude ? ` (matched by ${byInclude})` : '';
    return { ...head, status: 'disabled', rule: `not enabled for this account${wanted}` };
  }
  if (rules.include.length > 0) {
    if (!byInclude) return { ...head, status: 'excluded', rule: 'not in include' };
    const wins = byExclude ? `, wins over ${byExclude}` : '';
    return { ...head, status: 'included', rule: `${byInclude}${wins}` };
  }
  if (byExclude) return { ...head, status: 'excluded', rule: byExclude };
  return { ...head, status: 'included', rule: 'all enabled regions (no include)' };
}

/**
 * Known regions the cloud did not list but `include` names exactly (id or name): reported as disabled,
 * so that an explicit include never vanishes without a trace. Globs do not reach unlisted regions.
 */
function unlisted(
  regions: readonly RegionCandidate[],
  rules: RegionRules,
  known: readonly KnownRegion[],
): RegionDecision[] {
  const listed = new Set(regions.map((r) => r.id));
  const out: RegionDecision[] = [];
  for (const k of known) {
    if (listed.has(k.id)) continue;
    const index = rules.include.findIndex((p) => p === k.id || p === k.localName);
    const pattern = rules.include[index];
    if (pattern === undefined) continue;
    listed.add(k.id);
    out.push({
      id: k.id,
      ...(k.localName === undefined ? {} : { localName: k.localName }),
      enabled: false,
      status: 'disabled',
      rule: `not offered to this account (matched by ${describe('include', index, pattern, pattern === k.id ? 'id' : 'name')})`,
    });
  }
  return out;
}

function findUnmatched(
  list: 'include' | 'exclude',
  patterns: readonly string[],
  universe: readonly RegionCandidate[],
  known: readonly KnownRegion[],
): UnmatchedPattern[] {
  const out: UnmatchedPattern[] = [];
  for (const [index, pattern] of patterns.entries()) {
    const hit =
      universe.some((r) => matchRegion(pattern, r)) || known.some((r) => matchRegion(pattern, r));
    if (hit) continue;
    const names: string[] = [];
    for (const r of [...universe, ...known]) {
      names.push(r.id);
      if (r.localName !== undefined) names.push(r.localName);
    }
    const word = isGlob(pattern) ? pattern.replace(/[*?]/g, '') : pattern;
    out.push({ list, index, pattern, suggestions: closestMatches(word, names, 3) });
  }
  return out;
}

/**
 * The region filter (DESIGN §4), pure. `include` non-empty: exactly the regions matching it (include wins
 * over exclude). `include` empty: every enabled region minus those matching `exclude`. Disabled regions are
 * never selected, only reported. A pattern matching no listed or known region is returned in `unmatched`.
 */
export function filterRegions(
  regions: readonly RegionCandidate[],
  rules: RegionRules,
  known: readonly KnownRegion[],
): RegionFilterResult {
  const decisions = [...regions.map((r) => decide(r, rules)), ...unlisted(regions, rules, known)];
  return {
    selected: decisions.filter((d) => d.status === 'included').map((d) => d.id),
    decisions,
    unmatched: [
      ...findUnmatched('include', rules.include, regions, known),
      ...findUnmatched('exclude', rules.exclude, regions, known),
    ],
  };
}

/**
 * Where the rules came from: the path of the `regions` object (`accounts[0].regions`), or the path of each
 * list (`{ include: '--regions', exclude: 'accounts[0].regions.exclude' }`).
 */
export type RulesPath = string | { readonly include: string; readonly exclude: string };

function formatOne(u: UnmatchedPattern, prefix: RulesPath): { path: string; message: string } {
  const hint = u.suggestions.length > 0 ? ` (did you mean ${quoteList(u.suggestions)}?)` : '';
  const list = typeof prefix === 'string' ? `${prefix}.${u.list}` : prefix[u.list];
  return {
    path: `${list}[${u.index}]`,
    message: `no region matches '${u.pattern}'${hint}`,
  };
}

/**
 * One line for every unmatched pattern: `accounts[0].regions.include[2]: no region matches 'cn-shangai'
 * (did you mean 'cn-shanghai'?)`, joined with `; `.
 */
export function formatUnmatched(unmatched: readonly UnmatchedPattern[], prefix: RulesPath): string {
  return unmatched
    .map((u) => formatOne(u, prefix))
    .map((f) => `${f.path}: ${f.message}`)
    .join('; ');
}

/** The ConfigError for unmatched patterns (path of the first), or undefined when there are none. */
export function unmatchedError(
  unmatched: readonly UnmatchedPattern[],
  prefix: RulesPath,
): ConfigError | undefined {
  const [first, ...rest] = unmatched;
  if (!first) return undefined;
  const head = formatOne(first, prefix);
  const tail = rest.length > 0 ? `; ${formatUnmatched(rest, prefix)}` : '';
  return new ConfigError(head.path, `${head.message}${tail}`);
}
