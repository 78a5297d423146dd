/**
 * Finds the first syntax error of a JSON text, for a message with line and column (Node 20's JSON.parse
 * reports neither, and its message quotes the input, which may hold a secret). Never echoes the input.
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

class Scanner {
  pos = 0;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  fail(message: string, at = this.pos): never {
    throw Object.assign(new Error(message), { offset: at });
  }
  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }
  peek(): string | undefined {
    return this.text[this.pos];
  }
  unexpected(what: string): never {
    const c = this.peek();
    return this.fail(
      c === undefined ? `unexpected end of input, expected ${what}` : `expected ${what}`,
    );
  }
  literal(word: string): void {
    if (this.text.startsWith(word, this.pos)) this.pos += word.length;
    else this.unexpected('a value');
  }
  string(): void {
    this.pos += 1;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') break;
      if (c < ' ') this.fail('control character in string (use \\n, \\t, ...)');
      if (c === '\\') {
        const e = this.text[this.pos + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.fail('bad \\u escape in string');
          }
          this.pos += 4;
        } else if (!'"\\/bfnrt'.includes(e) || e === '') {
          this.fail('bad escape in string');
        }
        this.pos += 1;
      }
      this.pos += 1;
    }
    this.pos += 1;
  }
  number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!m) this.unexpected('a value');
    this.pos += m[0].length;
  }
  members(close: '}' | ']'): void {
    this.pos += 1;
    this.skipSpace();
    if (this.peek() === close) {
      this.pos += 1;
      return;
    }
    for (;;) {
      if (close === '}') {
        if (this.peek() !== '"') this.unexpected('a double-quoted property name');
        this.string();
        this.skipSpace();
        if (this.peek() !== ':') this.unexpected("':' after the property name");
        this.pos += 1;
      }
      this.value();
      this.skipSpace();
      const c = this.peek();
      if (c === close) {
        this.pos += 1;
        return;
      }
      if (c !== ',') this.unexpected(`',' or '${close}'`);
      this.pos += 1;
      this.skipSpace();
      if (this.peek() === close) this.fail(`trailing comma before '${close}'`, this.pos);
    }
  }
  value(): void {
    this.skipSpace();
    const c = this.peek();
    if (c === '{') this.members('}');
    else if (c === '[') this.members(']');
    else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else this.number();
  }
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const s = new Scanner(text);
  try {
    s.value();
    s.skipSpace();
    if (s.peek() !== undefined) s.fail('unexpected content after the end of the document');
    return undefined;
  } catch (e: unknown) {
    const offset = (e as { offset?: unknown }).offset;
    const message = e instanceof Error ? e.message : 'syntax error';
    return { offset: typeof offset === 'number' ? offset : s.pos, message };
  }
}

/** 1-based line and column (in code points) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: Array.from(last).length + 1 };
}
