/**
 * How far V8 lets the heap grow past what survived the last full collection before it collects again.
 *
 * V8 picks a factor up to 4 by itself, so a sync that parses megabyte pages kept up to four times its live data
 * as garbage: on four regions of the large AWS world, 531 MB peak RSS with ~130 MB live. With the factor held
 * at 2 (`--heap-growing-percent=100`) the same run peaked at 362 MB for ~20 % more CPU, and the medium AWS world
 * at 185 MB instead of 245 MB (docs/performance.md, Memory). The flag is read at every collection, so setting it
 * at start-up is enough: no second process.
 */

export const HEAP_GROWING_PERCENT = 100;

/**
 * The V8 flag to set at start-up, or undefined when the user chose a heap growing factor themselves (on the
 * command line or in NODE_OPTIONS): theirs wins.
 */
export function heapGrowthFlag(
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): string | undefined {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((a) =>
    /^--heap[-_]growing[-_]percent(=|$)/.test(a),
  );
  return given ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}
