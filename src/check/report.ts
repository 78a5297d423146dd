/** Renders `check` results (table, JSON, JUnit XML) and decides the exit code. Pure. */
import type { ExitCode } from '../errors/exit-codes.js';
import { EXIT } from '../errors/exit-codes.js';
import { formatTable } from '../output/summary.js';
import type { AccountCheck, CheckRow } from './run.js';

/** A required row that is not ok fails the check (skipped too: the permission was not proven). */
export function isFailure(row: CheckRow): boolean {
  return row.required && row.result !== 'ok';
}

/** An optional call that failed: the sync will skip that kind; reported as a warning. */
export function isWarning(row: CheckRow): boolean {
  return !row.required && row.result !== 'ok' && row.result !== 'skipped';
}

export function accountStatus(a: AccountCheck): 'ok' | 'auth_failed' | 'failed' {
  if (a.rows.some((r) => r.result === 'auth_failed') || a.problem?.kind === 'auth_failed') {
    return 'auth_failed';
  }
  if (a.problem !== undefined || a.rows.some(isFailure)) return 'failed';
  return 'ok';
}

/**
 * 130 interrupted; 3 when authentication failed for any account; 5 when a required operation is not ok (or
 * an account has a problem such as the wrong account id); else 0. Optional failures are warnings.
 */
export function checkExitCode(accounts: readonly AccountCheck[], interrupted: boolean): ExitCode {
  if (interrupted) return EXIT.interrupted;
  const status = accounts.map(accountStatus);
  if (status.includes('auth_failed')) return EXIT.auth;
  if (status.includes('failed')) return EXIT.checkFailed;
  return EXIT.ok;
}

export function operationLabel(row: CheckRow): string {
  return row.version === undefined ? row.action : `${row.action} (${row.version})`;
}

function note(row: CheckRow): string {
  if (row.result === 'ok') {
    if (row.via === 'placeholder') {
      return `placeholder id${row.code === undefined ? '' : ` answered ${row.code}`}: permitted`;
    }
    return row.via === 'item' ? 'called with a real item' : '';
  }
  return row.message ?? '';
}

/** What to do about a row that is not ok. */
export function advice(row: CheckRow): string {
  switch (row.result) {
    case 'denied':
      return `grant ${row.permission}`;
    case 'auth_failed':
      return 'check the credentials';
    case 'not_enabled':
      return 'open the service in this region, or probe another region with --region';
    case 'throttled':
      return 'still throttled after the retries; run again later';
    case 'skipped':
      return 'not proven';
    case 'error':
    case 'ok':
      return `needs ${row.permission}`;
  }
}

/** `<result>: <message>` (the message already starts with the provider code when there is one). */
function detailOf(row: CheckRow): string {
  return `${row.result}: ${row.message ?? row.code ?? ''}`;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** One block per account: a heading line, then the operations table. */
export function renderCheckTable(accounts: readonly AccountCheck[]): string {
  const blocks = accounts.map((a) => {
    const id = a.accountId === undefined ? '' : ` account ${a.accountId}`;
    const region = a.region === undefined ? '' : `, region ${a.region}`;
    const head = `${a.account} (${a.provider}${id}${region}): ${accountStatus(a)}`;
    const problem = a.problem === undefined ? '' : `\n  ${a.problem.kind}: ${a.problem.message}`;
    const table = formatTable(
      ['operation', 'service', 'required', 'result', 'permission', 'code', 'note'],
      a.rows.map((r) => [
        operationLabel(r),
        r.service,
        r.required ? 'required' : 'optional',
        r.result,
        r.permission,
        r.result === 'ok' && r.via !== 'placeholder' ? '' : (r.code ?? ''),
        clip(note(r), 80),
      ]),
    );
    return `${head}${problem}\n${table.replace(/^/gm, '  ')}\n`;
  });
  return blocks.join('\n');
}

/** Counts for the summary line. */
export function summarize(accounts: readonly AccountCheck[]): {
  ok: number;
  warnings: number;
  failed: number;
  skipped: number;
} {
  const rows = accounts.flatMap((a) => a.rows);
  return {
    ok: rows.filter((r) => r.result === 'ok').length,
    warnings: rows.filter(isWarning).length,
    failed: rows.filter(isFailure).length,
    skipped: rows.filter((r) => !r.required && r.result === 'skipped').length,
  };
}

export function renderCheckJson(accounts: readonly AccountCheck[]): string {
  const doc = {
    accounts: accounts.map((a) => ({
      account: a.account,
      provider: a.provider,
      ...(a.accountId === undefined ? {} : { account_id: a.accountId }),
      ...(a.region === undefined ? {} : { region: a.region }),
      status: accountStatus(a),
      ...(a.problem === undefined ? {} : { problem: a.problem }),
      operations: a.rows.map((r) => ({
        kind: r.kind,
        service: r.service,
        action: r.action,
        ...(r.version === undefined ? {} : { version: r.version }),
        required: r.required,
        permission: r.permission,
        result: r.result,
        via: r.via,
        ...(r.errorKind === undefined ? {} : { error_kind: r.errorKind }),
        ...(r.code === undefined ? {} : { code: r.code }),
        ...(r.message === undefined ? {} : { message: r.message }),
      })),
    })),
    summary: summarize(accounts),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** True for characters XML 1.0 can carry (not control characters other than tab/LF/CR, not lone surrogates). */
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

function stripInvalidXml(value: string): string {
  let out = '';
  for (const ch of value) out += isXmlChar(ch.codePointAt(0) ?? 0) ? ch : '\uFFFD';
  return out;
}

/** Text or attribute value, escaped for XML (quotes too, so it is safe in both places). */
export function xmlEscape(value: string): string {
  return stripInvalidXml(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function attrs(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

function testcase(a: AccountCheck, r: CheckRow): string {
  const open = `    <testcase${attrs({
    classname: `deepflow-cloud.check.${a.account}.${r.service}`,
    name: `${r.service}:${operationLabel(r)} (${r.required ? 'required' : 'optional'})`,
  })}`;
  if (r.result === 'ok') return `${open}/>`;
  const detail = r.result === 'skipped' ? detailOf(r) : `${detailOf(r)} (${advice(r)})`;
  if (isFailure(r)) {
    return `${open}>\n      <failure${attrs({ type: r.result, message: detail })}/>\n    </testcase>`;
  }
  const prefix = isWarning(r) ? 'warning: optional operation failed: ' : '';
  return `${open}>\n      <skipped${attrs({ message: `${prefix}${detail}` })}/>\n    </testcase>`;
}

/** JUnit XML: one test suite per account, one test case per operation (CI systems show it natively). */
export function renderCheckJunit(accounts: readonly AccountCheck[]): string {
  const suites = accounts.map((a) => {
    const cases = a.rows.map((r) => testcase(a, r));
    let failures = a.rows.filter(isFailure).length;
    if (a.problem !== undefined) {
      failures += 1;
      cases.push(
        `    <testcase${attrs({ classname: `deepflow-cloud.check.${a.account}`, name: 'identity' })}>\n      <failure${attrs({ type: a.problem.kind, message: a.problem.message })}/>\n    </testcase>`,
      );
    }
    const skipped = a.rows.filter((r) => r.result !== 'ok' && !isFailure(r)).length;
    const props = [
      ['provider', a.provider],
      ...(a.accountId === undefined ? [] : [['account_id', a.accountId]]),
      ...(a.region === undefined ? [] : [['region', a.region]]),
    ]
      .map(([name = '', value = '']) => `      <property${attrs({ name, value })}/>`)
      .join('\n');
    return [
      `  <testsuite${attrs({ name: a.account, tests: cases.length, failures, errors: 0, skipped })}>`,
      `    <properties>\n${props}\n    </properties>`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const total = (f: (a: AccountCheck) => number): number => accounts.reduce((n, a) => n + f(a), 0);
  const head = attrs({
    name: 'deepflow-cloud check',
    tests: total((a) => a.rows.length + (a.problem === undefined ? 0 : 1)),
    failures: total((a) => a.rows.filter(isFailure).length + (a.problem === undefined ? 0 : 1)),
    errors: 0,
    skipped: total((a) => a.rows.filter((r) => r.result !== 'ok' && !isFailure(r)).length),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${head}>\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Lines for stderr: one per optional failure, then the summary. */
export function renderWarnings(accounts: readonly AccountCheck[]): string {
  const lines: string[] = [];
  for (const a of accounts) {
    for (const r of a.rows.filter(isWarning)) {
      lines.push(
        `warning: ${a.account}: optional ${r.service}:${operationLabel(r)} ${r.result}` +
          `${r.code === undefined ? '' : ` (${r.code})`}: ${advice(r)}; until then the sync skips ${r.kind}`,
      );
    }
    for (const r of a.rows.filter(isFailure)) {
      lines.push(
        `error: ${a.account}: required ${r.service}:${operationLabel(r)} ${r.result}` +
          `${r.code === undefined ? '' : ` (${r.code})`}: ${advice(r)}`,
      );
    }
    if (a.problem !== undefined) lines.push(`error: ${a.account}: ${a.problem.message}`);
  }
  const s = summarize(accounts);
  lines.push(
    `check: ${s.ok} ok, ${s.warnings} warnings, ${s.failed} required failing, ${s.skipped} optional not called`,
  );
  return `${lines.join('\n')}\n`;
}
