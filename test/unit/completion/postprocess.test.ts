import * as assert from 'node:assert/strict';
import { buildWindow, cursorContext, decideLineMode, estimateTokens, postprocess, streamHasEnough, balanceBrackets, openBrackets } from '../../../src/core/completion';
import type { LineMode } from '../../../src/core/completion/postprocess';
import { renderSnippets } from '../../../src/core/completion/snippets';

function pp(raw: string, prefix: string, suffix: string, mode?: LineMode, maxLines = 12): string {
  const ctx = cursorContext(prefix, suffix);
  return postprocess(raw, { ctx, mode: mode ?? decideLineMode(ctx), maxLines, stops: ['```'], prefixOpen: openBrackets(prefix), suffix });
}

suite('completion window', () => {
  test('short text passes whole; long prefix is cut to the budget on a line boundary', () => {
    assert.deepEqual(buildWindow('ab\ncd', 'ef', 10, 10), { prefix: 'ab\ncd', suffix: 'ef' });
    const lines = Array.from({ length: 200 }, (_, i) => `line number ${i}`);
    const w = buildWindow(lines.join('\n') + '\ncur', lines.join('\n'), 50, 20);
    assert.ok(w.prefix.length <= 200 && w.prefix.endsWith('\ncur'));
    assert.match(w.prefix, /^line number \d+\n/);
    assert.ok(w.suffix.length <= 80 && w.suffix.startsWith('line number 0\n'));
    assert.match(w.suffix, /line number \d+$/);
  });

  test('the cursor line is kept even when it alone is over the budget', () => {
    const long = 'x'.repeat(100);
    assert.equal(buildWindow(`a\n${long}`, '', 5, 5).prefix, long.slice(80));
  });

  test('token estimate is characters / 4', () => {
    assert.equal(estimateTokens('12345678'), 2);
    assert.equal(estimateTokens('123456789'), 3);
  });

  test('cursor context finds the lines around the cursor, skipping blank ones', () => {
    const c = cursorContext('function f() {\n\n  const a', ' = 1;\n\n  return a;\n}');
    assert.deepEqual(c, { lineBefore: '  const a', lineAfter: ' = 1;', lineAbove: 'function f() {', lineBelow: '  return a;' });
  });
});

suite('completion line mode', () => {
  test('mid-line is single-line', () => {
    assert.equal(decideLineMode(cursorContext('foo(', 'bar)')), 'single');
    assert.equal(decideLineMode(cursorContext('const x = ', '')), 'single');
  });
  test('after a block opener, or on the empty line below one, is multi-line', () => {
    assert.equal(decideLineMode(cursorContext('function f() {', '\n}')), 'multi');
    assert.equal(decideLineMode(cursorContext('def f(x):\n    ', '')), 'multi');
    assert.equal(decideLineMode(cursorContext('if (a) {\n  ', '\n}')), 'multi');
  });
  test('inside a comment, and on an empty line in the middle of a block, is single-line', () => {
    assert.equal(decideLineMode(cursorContext('// explain {', '')), 'single');
    assert.equal(decideLineMode(cursorContext('  a();\n  ', '\n  b();')), 'single');
  });
});

suite('completion post-processing', () => {
  test('stop sequences cut the suggestion', () => {
    assert.equal(pp('value;```ts more', 'const x = ', ''), 'value;');
  });

  test('single-line keeps the first line only', () => {
    assert.equal(pp('42;\nconsole.log(x);', 'const x = ', ''), '42;');
  });

  test('multi-line keeps several lines, up to maxLines', () => {
    const raw = '\n  const a = 1;\n  const b = 2;\n  const c = 3;\n  return a + b + c;';
    assert.equal(pp(raw, 'function f() {', '\n}'), raw);
    assert.equal(pp(raw, 'function f() {', '\n}', 'multi', 2), '\n  const a = 1;');
  });

  test('whitespace-only suggestions are dropped', () => {
    assert.equal(pp('   \n  ', 'function f() {', '\n}'), '');
    assert.equal(pp('\t', 'const x = ', ''), '');
  });

  test('a suggestion that repeats the text after the cursor is dropped', () => {
    assert.equal(pp('return a;', 'function f() {\n  ', '  return a;\n}', 'single'), '');
  });

  test('a suggestion that repeats the line above is dropped', () => {
    assert.equal(pp('console.log(a);', 'function f() {\n  console.log(a);\n  ', '\n}', 'single'), '');
    assert.equal(pp('log(a);', 'function f() {\n  console.log(a);\n  console.', '\n}'), '');
    assert.equal(pp('log(b);', 'function f() {\n  console.log(a);\n  console.', '\n}'), 'log(b);');
  });

  test('multi-line stops where the model re-types the line below the cursor', () => {
    const prefix = 'function f() {\n';
    assert.equal(pp('  const a = 1;\n  return a;\n}\n', prefix, '\n  return a;\n}'), '  const a = 1;');
  });

  test('closers the suffix already has are not added again', () => {
    assert.equal(pp('a, b)', 'foo(', ')'), 'a, b');
    assert.equal(pp('a, b);', 'foo(', ');'), 'a, b');
    assert.equal(pp('\n  return 1;\n}', 'function f() {', '\n}'), '\n  return 1;');
  });

  test('closers are kept when the suffix does not have them', () => {
    assert.equal(pp('a, b);', 'foo(', ''), 'a, b);');
    assert.equal(pp('\n  return 1;\n}', 'function f() {', ''), '\n  return 1;\n}');
  });

  test('closers the suffix already has are dropped whatever whitespace (any kind) stands between them', () => {
    const rest = '\nconst later = [1, 2];\n'.repeat(500);
    assert.equal(balanceBrackets('a, b);', ['('], ` \t\n\u00a0 ) ;${rest}`), 'a, b');
    assert.equal(balanceBrackets('a, b);', ['('], ')'), 'a, b');
    assert.equal(balanceBrackets('a, b)', ['('], ' \n ]'), 'a, b)', 'a different closer follows: kept');
    assert.equal(balanceBrackets('a, b) }', ['{', '('], ') \n }'), 'a, b');
    assert.equal(balanceBrackets('a, b) }', ['{', '('], ')'), 'a, b) }', 'only part of the tail follows: kept');
  });

  test('a closer that matches nothing ends the suggestion', () => {
    assert.equal(balanceBrackets('x]) + 1', ['('], ''), 'x');
    assert.equal(balanceBrackets('a) }', [], ''), 'a');
  });

  test('open brackets skip strings and line comments', () => {
    assert.deepEqual(openBrackets('f("(", [1, // (\n x'), ['(', '[']);
  });

  test('the stream has enough at the first complete line in single-line mode', () => {
    const ctx = cursorContext('const x = ', '');
    assert.equal(streamHasEnough('42', { ctx, mode: 'single', maxLines: 12, stops: [] }), false);
    assert.equal(streamHasEnough('42;\n', { ctx, mode: 'single', maxLines: 12, stops: [] }), true);
    const m = cursorContext('function f() {', '\n  return a;\n}');
    assert.equal(streamHasEnough('\n  a();\n  b();\n', { ctx: m, mode: 'multi', maxLines: 1, stops: [] }), true);
    assert.equal(streamHasEnough('\n  a();\n  return a;\n', { ctx: m, mode: 'multi', maxLines: 12, stops: [] }), true);
    assert.equal(streamHasEnough('\n  a();\n', { ctx: m, mode: 'multi', maxLines: 12, stops: [] }), false);
  });
});

suite('completion snippets', () => {
  test('rendered as comment lines in the language\'s syntax, within the budget', () => {
    const out = renderSnippets([{ path: 'a.py', text: 'def a():\n    return 1' }], 'python', 100);
    assert.equal(out, '# Path: a.py\n# def a():\n#     return 1\n');
    const ts = renderSnippets([{ path: 'b.ts', text: 'x'.repeat(30) }, { path: 'c.ts', text: 'y' }], 'typescript', 14);
    assert.ok(ts.startsWith('// Path: b.ts\n// xxx') && ts.length <= 56, ts);
  });
});
