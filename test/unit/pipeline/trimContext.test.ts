import * as assert from 'node:assert/strict';
import { trimContext } from '../../../src/core/pipeline/trimContext';
import type { ContextItem } from '../../../src/core/request';

const count = (t: string): number => Math.ceil(t.length / 4);

suite('pipeline: fitting context into the window', () => {
  test('a one-line minified file larger than the window keeps its start, flagged, instead of becoming empty', async () => {
    const line = Array.from({ length: 40_000 }, (_, i) => `var a${i}=function(t){return t*${i % 31}};`).join('');
    const item: ContextItem = { source: 'visible', path: 'dist/vendor.min.js', text: line, startLine: 1, endLine: 1 };
    const { items, trimmed } = await trimContext([item], 2_000, count);
    assert.equal(trimmed[0], true);
    assert.ok(items[0].text.length > 4_000, `kept ${items[0].text.length} characters`);
    assert.ok(count(items[0].text) <= 2_000, 'it fits the budget');
    assert.ok(line.startsWith(items[0].text), 'the start of the line, as it was');
    assert.equal(items[0].endLine, 1);
  });

  test('many lines: whole lines are dropped from the end, the line range follows', async () => {
    const text = Array.from({ length: 400 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    const { items, trimmed } = await trimContext([{ source: 'file', path: 'a.ts', text, startLine: 1, endLine: 400 }], 500, count);
    assert.equal(trimmed[0], true);
    assert.ok(text.startsWith(items[0].text) && items[0].text.endsWith(';'), 'whole lines only');
    assert.equal(items[0].endLine, items[0].text.split('\n').length);
    assert.ok(count(items[0].text) <= 500);
  });

  test('context that fits is left alone', async () => {
    const { items, trimmed } = await trimContext([{ source: 'file', path: 'a.ts', text: 'const a = 1;', startLine: 1, endLine: 1 }], 500, count);
    assert.deepEqual(trimmed, [false]);
    assert.equal(items[0].text, 'const a = 1;');
  });
});
