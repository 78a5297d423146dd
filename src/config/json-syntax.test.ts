import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumn } from './json-syntax.js';

describe('config/findJsonSyntaxError', () => {
  it.each([
    ['{}', undefined],
    ['[1, -2.5e3, "a\\u00e9\\n", true, false, null, {"a": []}]', undefined],
    ['{"a": 1,}', { offset: 8, message: "trailing comma before '}'" }],
    ['[1 2]', { offset: 3, message: "expected ',' or ']'" }],
    ['{"a" 1}', { offset: 5, message: "expected ':' after the property name" }],
    ["{'a': 1}", { offset: 1, message: 'expected a double-quoted property name' }],
    ['{"a": tru}', { offset: 6, message: 'expected a value' }],
    ['{"a": 01}', { offset: 7, message: "expected ',' or '}'" }],
    ['{"a": "x\\q"}', { offset: 8, message: 'bad escape in string' }],
    ['{"a": "\\u12"}', { offset: 7, message: 'bad \\u escape in string' }],
    ['{"a": "x\ny"}', { offset: 8, message: 'control character in string (use \\n, \\t, ...)' }],
    ['{"a": "x', { offset: 8, message: 'unterminated string' }],
    ['{"a": 1} x', { offset: 9, message: 'unexpected content after the end of the document' }],
    ['{"a": ', { offset: 6, message: 'unexpected end of input, expected a value' }],
  ])('%j → %j', (text, expected) => {
    expect(findJsonSyntaxError(text)).toEqual(expected);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{"a": [1, {"b": "c"}]}', '{"a": 1,}', '[', '"x"', ' 1 ', 'nul']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(text) === undefined).toBe(valid);
    }
  });
});

describe('config/lineColumn', () => {
  it.each([
    ['abc', 0, { line: 1, column: 1 }],
    ['abc', 2, { line: 1, column: 3 }],
    ['a\nbc', 3, { line: 2, column: 2 }],
    ['华南\nx', 2, { line: 1, column: 3 }],
  ])('%j at %i', (text, offset, expected) => {
    expect(lineColumn(text, offset)).toEqual(expected);
  });
});
