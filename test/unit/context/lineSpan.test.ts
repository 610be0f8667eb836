// Issue #16 item 8: the context label must name the lines that were attached — a 3-line file ending in a newline
// is "lines 1–3", not 1–4 (VS Code's lineCount counts the empty line after the last newline).
import * as assert from 'node:assert/strict';
import { lineSpan } from '../../../src/core/context/lineSpan';

suite('context: line span of attached text', () => {
  test('a whole file with a trailing newline', () => {
    assert.deepEqual(lineSpan('a\nb\nc\n', 1), { startLine: 1, endLine: 3 });
  });
  test('a whole file without a trailing newline, and CRLF', () => {
    assert.deepEqual(lineSpan('a\nb\nc', 1), { startLine: 1, endLine: 3 });
    assert.deepEqual(lineSpan('a\r\nb\r\n', 1), { startLine: 1, endLine: 2 });
  });
  test('a selection that ends at the start of the next line does not claim that line', () => {
    assert.deepEqual(lineSpan('x = 1\ny = 2\n', 10), { startLine: 10, endLine: 11 });
  });
  test('a one-line selection and an empty text', () => {
    assert.deepEqual(lineSpan('foo', 7), { startLine: 7, endLine: 7 });
    assert.deepEqual(lineSpan('', 4), { startLine: 4, endLine: 4 });
    assert.deepEqual(lineSpan('\n', 4), { startLine: 4, endLine: 4 });
  });
});
