import { describe, expect, it } from 'vitest';
import {
  checkExitCode,
  renderCheckJson,
  renderCheckJunit,
  renderCheckTable,
  xmlEscape,
} from '../../src/check/report.js';
import type { AccountCheck, CheckRow } from '../../src/check/run.js';
import { findAll, parseXml } from '../helpers/xml.js';

const NASTY = `a<b>&"c'\u0001\u001f\ud800 tab\tnew\nline ✓ 😀 ]]>`;

function row(over: Partial<CheckRow>): CheckRow {
  return {
    kind: 'vpc',
    service: 'ec2',
    action: 'DescribeVpcs',
    required: true,
    permission: 'ec2:DescribeVpcs',
    result: 'ok',
    via: 'page',
    ...over,
  };
}

function account(rows: CheckRow[], over: Partial<AccountCheck> = {}): AccountCheck {
  return {
    account: 'acct<&>',
    provider: 'aws',
    accountId: '123456789012',
    region: 'us-east-1',
    rows,
    ...over,
  };
}

describe('check report', () => {
  it('escapes every XML special and drops characters XML cannot carry', () => {
    const escaped = xmlEscape(NASTY);
    for (const ch of ['<', '>', '"', "'", '\u0001', '\u001f', '\ud800']) {
      expect(escaped).not.toContain(ch);
    }
    const root = parseXml(`<x a="${escaped}">${escaped}</x>`);
    const expected = `a<b>&"c'\ufffd\ufffd\ufffd tab\tnew\nline ✓ 😀 ]]>`;
    expect(root.attrs['a']).toBe(expected);
    expect(root.text).toBe(expected);
  });

  it('JUnit: one test case per operation; required failures fail, optional ones are skipped with a warning', () => {
    const accounts = [
      account([
        row({}),
        row({
          action: 'DescribeSubnets',
          result: 'denied',
          code: 'UnauthorizedOperation',
          message: NASTY,
        }),
        row({
          action: 'DescribeNatGateways',
          required: false,
          result: 'throttled',
          message: NASTY,
        }),
        row({ action: 'AssumeRole', required: false, result: 'skipped', via: 'not_called' }),
      ]),
    ];
    const root = parseXml(renderCheckJunit(accounts));
    const cases = findAll(root, 'testcase');
    expect(cases).toHaveLength(4);
    expect(findAll(root, 'failure').map((f) => f.attrs['type'])).toEqual(['denied']);
    expect(findAll(root, 'skipped')).toHaveLength(2);
    expect(findAll(root, 'skipped')[0]?.attrs['message']).toMatch(
      /^warning: optional operation failed: throttled/,
    );
    expect(root.attrs).toMatchObject({ tests: '4', failures: '1', skipped: '2' });
    expect(findAll(root, 'testsuite')[0]?.attrs['name']).toBe('acct<&>');
    expect(checkExitCode(accounts, false)).toBe(5);
  });

  it('exit codes: 0 with only optional failures, 3 on auth failure, 130 interrupted', () => {
    const warn = [account([row({}), row({ action: 'X', required: false, result: 'denied' })])];
    expect(checkExitCode(warn, false)).toBe(0);
    const auth = [...warn, account([row({ result: 'auth_failed' })])];
    expect(checkExitCode(auth, false)).toBe(3);
    expect(checkExitCode(warn, true)).toBe(130);
    const mismatch = [account([row({})], { problem: { kind: 'account_mismatch', message: 'm' } })];
    expect(checkExitCode(mismatch, false)).toBe(5);
    expect(parseXml(renderCheckJunit(mismatch)).attrs['failures']).toBe('1');
  });

  it('JSON and table carry the permission and the provider code', () => {
    const accounts = [account([row({ result: 'denied', code: 'UnauthorizedOperation' })])];
    const doc = JSON.parse(renderCheckJson(accounts)) as {
      accounts: { status: string; operations: { code: string; permission: string }[] }[];
    };
    expect(doc.accounts[0]?.status).toBe('failed');
    expect(doc.accounts[0]?.operations[0]).toMatchObject({
      code: 'UnauthorizedOperation',
      permission: 'ec2:DescribeVpcs',
    });
    const table = renderCheckTable(accounts);
    expect(table).toMatch(
      /DescribeVpcs\s+ec2\s+required\s+denied\s+ec2:DescribeVpcs\s+UnauthorizedOperation/,
    );
  });

  it.each([
    '<a><b></a>',
    '<a x=1/>',
    '<a>&foo;</a>',
    '<a>x < y</a>',
    '<a/><b/>',
    '<a x="1" x="2"/>',
  ])('the XML checker rejects %s', (xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
