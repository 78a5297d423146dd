import { describe, expect, it } from 'vitest';
import type { KnownRegion } from '../providers/types.js';
import {
  filterRegions,
  formatUnmatched,
  globMatch,
  matchRegion,
  unmatchedError,
} from './filter.js';
import type { RegionCandidate, RegionRules } from './filter.js';
import { closestMatches, editDistance } from './suggest.js';

/** What an Aliyun account lists (one region not enabled). */
const LISTED: RegionCandidate[] = [
  { id: 'cn-hangzhou', localName: '华东1（杭州）', enabled: true },
  { id: 'cn-shanghai', localName: '华东2（上海）', enabled: true },
  { id: 'cn-shanghai-finance-1', localName: '华东2 金融云', enabled: true },
  { id: 'cn-guangzhou', localName: '华南3（广州）', enabled: true },
  { id: 'cn-wulanchabu', localName: '华北6（乌兰察布）', enabled: true },
  { id: 'us-west-1', localName: '美国（硅谷）', enabled: true },
  { id: 'ap-southeast-1', localName: '新加坡', enabled: false },
  { id: 'test.region+1', enabled: true },
];
const KNOWN: KnownRegion[] = [
  ...LISTED.map((r) => (r.localName ? { id: r.id, localName: r.localName } : { id: r.id })),
  { id: 'cn-beijing', localName: '华北2（北京）' },
];
const ENABLED = LISTED.filter((r) => r.enabled).map((r) => r.id);

function rules(include: string[] = [], exclude: string[] = []): RegionRules {
  return { include, exclude };
}
function run(r: RegionRules) {
  return filterRegions(LISTED, r, KNOWN);
}

describe('regions/globMatch', () => {
  it.each([
    ['cn-*', 'cn-hangzhou', true],
    ['cn-*', 'us-west-1', false],
    ['*', 'anything', true],
    ['*', '', true],
    ['us-west-?', 'us-west-1', true],
    ['us-west-?', 'us-west-10', false],
    ['cn-*-1', 'cn-shanghai-finance-1', true],
    ['*hang*', 'cn-hangzhou', true],
    ['cn-hangzhou', 'cn-hangzhou', true],
    ['cn-hangzhou', 'cn-hangzhoux', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['**', 'x', true],
    ['?', '华', true],
    ['.*', 'cn-hangzhou', false],
    ['cn-(hang|shang)*', 'cn-hangzhou', false],
    ['[c]n-*', 'cn-hangzhou', false],
    ['test.region+*', 'test.region+1', true],
    ['test.region+*', 'testXregion+1', false],
  ])("'%s' against '%s' is %s", (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });
});

describe('regions/matchRegion', () => {
  it.each([
    ['cn-guangzhou', 'id'],
    ['华南3（广州）', 'name'],
    ['cn-guang*', 'glob'],
    ['cn-guangzho?', 'glob'],
    ['华南3(广州)', undefined], // half-width parentheses are another name
    ['华南*', undefined], // globs apply to ids only
    ['CN-GUANGZHOU', undefined], // ids are case-sensitive
    ['cn-guangzhou ', undefined],
  ] as const)("'%s' → %s", (pattern, how) => {
    expect(matchRegion(pattern, { id: 'cn-guangzhou', localName: '华南3（广州）' })).toBe(how);
  });
});

describe('regions/filterRegions', () => {
  it.each([
    ['an id', ['cn-hangzhou'], [], ['cn-hangzhou']],
    ['a Chinese localized name', ['华南3（广州）'], [], ['cn-guangzhou']],
    ['a glob with *', ['cn-shanghai*'], [], ['cn-shanghai', 'cn-shanghai-finance-1']],
    ['a glob with ?', ['us-west-?'], [], ['us-west-1']],
    ['a literal id with regex characters', ['test.region+1'], [], ['test.region+1']],
    ['a glob with regex characters', ['test.region+?'], [], ['test.region+1']],
    [
      'mixed patterns, in the cloud order',
      ['us-west-1', '华东1（杭州）'],
      [],
      ['cn-hangzhou', 'us-west-1'],
    ],
    [
      'include over exclude',
      ['cn-*'],
      ['cn-shanghai'],
      ['cn-hangzhou', 'cn-shanghai', 'cn-shanghai-finance-1', 'cn-guangzhou', 'cn-wulanchabu'],
    ],
    ['no include: every enabled region', [], [], ENABLED],
    [
      'exclude only',
      [],
      ['cn-wulanchabu', 'us-*'],
      ENABLED.filter((id) => id !== 'cn-wulanchabu' && id !== 'us-west-1'),
    ],
    [
      'exclude by localized name',
      [],
      ['华北6（乌兰察布）'],
      ENABLED.filter((id) => id !== 'cn-wulanchabu'),
    ],
    ['exclude everything', [], ['*'], []],
    [
      'a disabled region, even when included',
      ['ap-southeast-1', 'cn-hangzhou'],
      [],
      ['cn-hangzhou'],
    ],
    ['a known region the cloud did not list', ['cn-beijing'], [], []],
  ])('selects by %s', (_what, include, exclude, selected) => {
    const result = run(rules(include, exclude));
    expect(result.selected).toEqual(selected);
    expect(result.unmatched).toEqual([]);
  });

  it.each([
    [[], [], 'cn-hangzhou', 'included', 'all enabled regions (no include)'],
    [['cn-hangzhou'], [], 'cn-hangzhou', 'included', "include[0] 'cn-hangzhou'"],
    [['x*', '华东1（杭州）'], [], 'cn-hangzhou', 'included', "include[1] '华东1（杭州）' (name)"],
    [['us-*', 'cn-shanghai*'], [], 'cn-shanghai', 'included', "include[1] 'cn-shanghai*' (glob)"],
    [
      ['cn-shanghai*', 'cn-shanghai'],
      [],
      'cn-shanghai',
      'included',
      "include[0] 'cn-shanghai*' (glob)",
    ],
    [['cn-hangzhou'], [], 'cn-shanghai', 'excluded', 'not in include'],
    [[], ['us-west-1'], 'us-west-1', 'excluded', "exclude[0] 'us-west-1'"],
    [[], ['cn-*', 'us-*'], 'us-west-1', 'excluded', "exclude[1] 'us-*' (glob)"],
    [
      ['cn-*'],
      ['cn-wulanchabu'],
      'cn-wulanchabu',
      'included',
      "include[0] 'cn-*' (glob), wins over exclude[0] 'cn-wulanchabu'",
    ],
    [[], [], 'ap-southeast-1', 'disabled', 'not enabled for this account'],
    [[], ['ap-*'], 'ap-southeast-1', 'disabled', 'not enabled for this account'],
    [
      ['新加坡'],
      [],
      'ap-southeast-1',
      'disabled',
      "not enabled for this account (matched by include[0] '新加坡' (name))",
    ],
    [
      ['cn-beijing'],
      [],
      'cn-beijing',
      'disabled',
      "not offered to this account (matched by include[0] 'cn-beijing')",
    ],
  ])('include %j exclude %j: %s is %s by %s', (include, exclude, id, status, rule) => {
    const d = run(rules(include, exclude)).decisions.find((x) => x.id === id);
    expect(d).toMatchObject({ status, rule });
  });

  it('reports every listed region once, in the cloud order, with its localized name', () => {
    const { decisions } = run(rules(['cn-hangzhou']));
    expect(decisions.map((d) => d.id)).toEqual(LISTED.map((r) => r.id));
    expect(decisions[0]).toEqual({
      id: 'cn-hangzhou',
      localName: '华东1（杭州）',
      enabled: true,
      status: 'included',
      rule: "include[0] 'cn-hangzhou'",
    });
    expect(decisions.at(-1)).not.toHaveProperty('localName');
  });

  it('includes a region listed twice by patterns only once', () => {
    expect(run(rules(['cn-hangzhou', '华东1（杭州）', 'cn-hang*'])).selected).toEqual([
      'cn-hangzhou',
    ]);
  });

  it.each([
    ['include', ['cn-hangzou'], [], ['cn-hangzhou']],
    ['include', ['CN-HANGZHOU'], [], ['cn-hangzhou']], // case-sensitive match, case-insensitive suggestion
    ['include', ['华南3(广州)'], [], ['华南3（广州）']],
    ['include', ['cn-shangai*'], [], ['cn-shanghai']],
    ['include', ['cn-(hangzhou)'], [], ['cn-hangzhou', 'cn-guangzhou']],
    ['include', ['.*'], [], []],
    ['include', ['eu-central-1'], [], []],
    ['exclude', [], ['cn-wulanchab'], ['cn-wulanchabu']],
    ['exclude', [], ['cn-beijin'], ['cn-beijing']],
  ])(
    'an %s pattern matching nothing is unmatched: %j %j',
    (list, include, exclude, suggestions) => {
      const result = run(rules(include, exclude));
      const pattern = list === 'include' ? include[0] : exclude[0];
      expect(result.unmatched).toEqual([{ list, index: 0, pattern, suggestions }]);
    },
  );

  it('suggests at most 3 ids or names, closest first', () => {
    const [u] = run(rules(['cn-shanghai-2'])).unmatched;
    expect(u?.suggestions).toEqual(['cn-shanghai']);
    const many = filterRegions(
      ['r-1', 'r-2', 'r-3', 'r-4'].map((id) => ({ id, enabled: true })),
      rules(['r-5']),
      [],
    );
    expect(many.unmatched[0]?.suggestions).toEqual(['r-1', 'r-2', 'r-3']);
  });

  it('keeps a pattern that matches only a known region out of unmatched', () => {
    expect(run(rules([], ['cn-beijing'])).unmatched).toEqual([]);
  });

  it('still selects what matched when some pattern is unmatched (the caller decides)', () => {
    const result = run(rules(['cn-hangzhou', 'cn-nowhere']));
    expect(result.selected).toEqual(['cn-hangzhou']);
    expect(result.unmatched.map((u) => u.index)).toEqual([1]);
  });

  it('works with no listed regions (listing denied): only known regions count as matches', () => {
    const result = filterRegions([], rules(['cn-hangzhou', 'cn-nowhere']), KNOWN);
    expect(result.selected).toEqual([]);
    expect(result.unmatched.map((u) => u.pattern)).toEqual(['cn-nowhere']);
  });
});

describe('regions/formatUnmatched', () => {
  const unmatched = run(rules(['cn-hangzou'], ['zz-top'])).unmatched;

  it('writes one line naming each path, pattern and suggestion', () => {
    expect(formatUnmatched(unmatched, 'accounts[0].regions')).toBe(
      "accounts[0].regions.include[0]: no region matches 'cn-hangzou' (did you mean 'cn-hangzhou'?); " +
        "accounts[0].regions.exclude[0]: no region matches 'zz-top'",
    );
  });

  it('names flags when the rules came from the command line', () => {
    expect(formatUnmatched(unmatched, { include: '--regions', exclude: '--exclude-regions' })).toBe(
      "--regions[0]: no region matches 'cn-hangzou' (did you mean 'cn-hangzhou'?); " +
        "--exclude-regions[0]: no region matches 'zz-top'",
    );
  });

  it('builds a ConfigError with the first path', () => {
    const err = unmatchedError(unmatched, 'accounts[1].regions');
    expect(err?.kind).toBe('config_invalid');
    expect(err?.path).toBe('accounts[1].regions.include[0]');
    expect(err?.message).toBe(formatUnmatched(unmatched, 'accounts[1].regions'));
    expect(unmatchedError([], 'x')).toBeUndefined();
  });

  it('lists several suggestions with commas and "or"', () => {
    const [u] = run(rules(['cn-shanghai-finance'])).unmatched;
    expect(formatUnmatched(u ? [u] : [], 'r')).toBe(
      "r.include[0]: no region matches 'cn-shanghai-finance' (did you mean 'cn-shanghai' or 'cn-shanghai-finance-1'?)",
    );
  });
});

describe('regions/suggest', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['华南3（广州）', '华南3(广州)', 2],
  ])('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('drops far candidates and ranks ties in candidate order', () => {
    expect(closestMatches('vms', ['vm', 'vpc', 'zone', 'kubernetes_cluster'])).toEqual([
      'vm',
      'vpc',
    ]);
    expect(closestMatches('qqqqqqqq', ['vm', 'vpc'])).toEqual([]);
  });
});
