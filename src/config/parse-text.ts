import { parseDocument } from 'yaml';
import { ConfigError } from '../errors/errors.js';
import { findJsonSyntaxError, lineColumn } from './json-syntax.js';

function syntaxError(file: string, lang: string, text: string, offset: number, what: string) {
  const { line, column } = lineColumn(text, offset);
  return new ConfigError(
    '',
    `${file}: ${lang} syntax error at line ${line}, column ${column}: ${what}`,
  );
}

/** yaml's messages sometimes quote the offending token (`... in YAML stream: "x"`); drop the quote. */
function sanitizeYamlMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/:\s*".*$/, '').replace(/\.$/, '');
}

/**
 * Parses a config text: JSON when it starts with `{` or `[` (errors with JSON line/column), YAML 1.2
 * otherwise (duplicate keys are errors). Messages name the file and position, never the content.
 */
export function parseConfigText(text: string, file: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const first = /\S/.exec(body)?.[0];
  if (first === undefined) throw new ConfigError('', `${file}: the config file is empty`);
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      const err = findJsonSyntaxError(body) ?? { offset: 0, message: 'invalid JSON' };
      throw syntaxError(file, 'JSON', body, err.offset, err.message);
    }
  }
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: true });
  const [err] = doc.errors;
  if (err) {
    const what = err.code === 'DUPLICATE_KEY' ? 'duplicate key' : sanitizeYamlMessage(err.message);
    throw syntaxError(file, 'YAML', body, err.pos[0], what);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e: unknown) {
    const what = e instanceof Error ? sanitizeYamlMessage(e.message) : 'cannot be read';
    throw new ConfigError('', `${file}: YAML ${what}`);
  }
}
