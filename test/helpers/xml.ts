/**
 * A tiny strict XML parser for tests: elements, attributes, text, the five predefined entities and numeric
 * character references, comments and the XML declaration. Throws on anything malformed (unclosed or
 * mismatched tags, duplicate attributes, a raw `<` or `&` in text, unquoted attributes, unknown entities).
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw '<' at ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated reference at ${where}`);
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    const ch = ENTITIES[ref];
    if (ch === undefined) throw new Error(`unknown entity &${ref}; at ${where}`);
    return ch;
  });
}

export function parseXml(input: string): XmlElement {
  let i = 0;
  const skipSpace = (): void => {
    while (i < input.length && /\s/.test(input.charAt(i))) i++;
  };
  const expect = (s: string): void => {
    if (!input.startsWith(s, i)) throw new Error(`expected '${s}' at ${i}`);
    i += s.length;
  };
  const name = (): string => {
    const m = NAME.exec(input.slice(i));
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (input.startsWith('<!--', i)) {
        const end = input.indexOf('-->', i);
        if (end < 0) throw new Error('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    expect('<');
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (input.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (input.startsWith('>', i)) {
        i += 1;
        break;
      }
      if (i === before) throw new Error(`expected whitespace before attribute at ${i}`);
      const key = name();
      skipSpace();
      expect('=');
      skipSpace();
      const quote = input.charAt(i);
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute at ${i}`);
      const end = input.indexOf(quote, i + 1);
      if (end < 0) throw new Error('unterminated attribute');
      if (Object.hasOwn(el.attrs, key)) throw new Error(`duplicate attribute ${key}`);
      el.attrs[key] = decode(input.slice(i + 1, end), i);
      i = end + 1;
    }
    for (;;) {
      const lt = input.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed <${el.name}>`);
      el.text += decode(input.slice(i, lt), i);
      i = lt;
      if (input.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) throw new Error(`</${closing}> closes <${el.name}>`);
        skipSpace();
        expect('>');
        return el;
      }
      if (input.startsWith('<!--', i)) {
        skipMisc();
        continue;
      }
      el.children.push(element());
    }
  };
  if (input.startsWith('<?xml', 0)) {
    const end = input.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== input.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** Every descendant element named `name`, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}
