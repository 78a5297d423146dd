import type { Inventory } from '../model/index.js';
import { KIND_KEYS, RESOURCE_KINDS } from '../model/index.js';

/** Pads a table of strings into aligned columns. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * The end-of-run summary for stderr: records per kind and region (regions as columns), then every task that
 * did not succeed.
 */
export function renderSummary(
  inv: Inventory,
  stats: { calls: number; retries: number; seconds: number },
): string {
  const regions = [...new Set(inv.regions.map((r) => r.region))].sort();
  const rows: string[][] = [];
  for (const kind of RESOURCE_KINDS) {
    const list = inv[KIND_KEYS[kind]];
    if (kind === 'region') continue;
    const perRegion = new Map<string, number>();
    for (const r of list) perRegion.set(r.region, (perRegion.get(r.region) ?? 0) + 1);
    const extra = [...perRegion.keys()].filter((r) => !regions.includes(r));
    for (const r of extra) regions.push(r);
    rows.push([
      KIND_KEYS[kind],
      String(list.length),
      ...regions.map((r) => String(perRegion.get(r) ?? 0)),
    ]);
  }
  // Rows were built while the region list could still grow: pad them to the final width.
  for (const row of rows) while (row.length < regions.length + 2) row.push('0');
  const parts = [formatTable(['kind', 'total', ...regions], rows)];
  const failed = inv.errors;
  if (failed.length > 0) {
    parts.push(
      formatTable(
        ['account', 'region', 'kind', 'outcome', 'error_kind', 'operation', 'message'],
        failed.map((e) => [
          e.account,
          e.region ?? '-',
          e.kind ?? '-',
          e.outcome,
          e.error_kind,
          e.operation ?? '-',
          e.message.length > 100 ? `${e.message.slice(0, 97)}...` : e.message,
        ]),
      ),
    );
  }
  const accounts = inv.accounts.map((a) => `${a.name}: ${a.status}`).join(', ');
  parts.push(
    `accounts ${accounts}; ${stats.calls} API calls, ${stats.retries} retries, ${stats.seconds.toFixed(1)} s`,
  );
  return `${parts.join('\n\n')}\n`;
}
