import type { Writable } from 'node:stream';

/** Everything a command may touch of the process, passed in so commands can be run in-process by tests. */
export interface Io {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stderrIsTTY: boolean;
  /** Aborted on SIGINT / SIGTERM. */
  readonly signal: AbortSignal;
}

/** Splits a comma-separated flag value (full-width commas too), trimming and dropping empty items. */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
