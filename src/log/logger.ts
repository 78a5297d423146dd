/** A small stderr logger (text or JSON lines) that scrubs registered secrets from everything it writes. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'text' | 'json';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Secret values known to this process; every string written by any sink passes through `redact`. */
const secrets = new Set<string>();

/** Registers a secret (and its common encodings) so that it is masked wherever it would be written. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 4) return;
  secrets.add(value);
  secrets.add(encodeURIComponent(value));
  secrets.add(Buffer.from(value, 'utf8').toString('base64'));
}

/** Masks every registered secret in a string. */
export function redact(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('***');
  return out;
}

export interface LoggerOptions {
  level: LogLevel;
  format: LogFormat;
  write: (line: string) => void;
  now?: () => Date;
}

export function createLogger(opts: LoggerOptions, base: LogFields = {}): Logger {
  const now = opts.now ?? (() => new Date());
  const emit = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (RANK[level] < RANK[opts.level]) return;
    const all = { ...base, ...fields };
    let line: string;
    if (opts.format === 'json') {
      line = JSON.stringify({ time: now().toISOString(), level, msg, ...all }, (_k, v: unknown) =>
        v instanceof Error ? { name: v.name, message: v.message } : v,
      );
    } else {
      const kv = Object.entries(all)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      line = `${level.padEnd(5)} ${msg}${kv ? ` ${kv}` : ''}`;
    }
    opts.write(redact(line));
  };
  return {
    debug: (m, f) => {
      emit('debug', m, f);
    },
    info: (m, f) => {
      emit('info', m, f);
    },
    warn: (m, f) => {
      emit('warn', m, f);
    },
    error: (m, f) => {
      emit('error', m, f);
    },
    child: (fields) => createLogger(opts, { ...base, ...fields }),
  };
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
