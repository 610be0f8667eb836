import * as assert from 'node:assert/strict';
import { boundedCount, createTokenCounter, EXACT_CHARS } from '../../../src/core/tokens';
import { trimContext } from '../../../src/core/pipeline/trimContext';

const assetsDir = 'node_modules/tiktoken/encoders';

/** A CSV export nobody here wrote the shape of by hand: digits, commas, ids — denser in tokens than prose. */
function csv(bytes: number): string {
  const rows: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const r = `${100000 + i},2026-${String(1 + (i % 12)).padStart(2, '0')}-01T00:15:00Z,C${(i * 7919) % 100000},SKU-${i % 4999},${1 + (i % 9)},${(3 + (i % 97) * 0.37).toFixed(2)},EUR`;
    rows.push(r);
    n += r.length + 1;
  }
  return rows.join('\n');
}

suite('tokens: a bounded count for huge texts', function () {
  this.timeout(120_000);
  const counter = createTokenCounter({ assetsDir, inline: true });
  const count = (t: string) => counter.count(t, 'gpt-4o');

  test('up to EXACT_CHARS the count is exact; past it, only the start is counted', async () => {
    const seen: number[] = [];
    const spy = (t: string) => { seen.push(t.length); return count(t); };
    const small = csv(EXACT_CHARS - 1000);
    assert.equal(await boundedCount(spy, small), await count(small));
    seen.length = 0;
    const big = csv(6 * 1024 * 1024);
    await boundedCount(spy, big);
    assert.deepEqual(seen, [EXACT_CHARS], 'the whole text was counted');
  });

  test('the extrapolated count errs high, within 25 % of the exact one (CSV, code, prose, emoji)', async () => {
    const code = Array.from({ length: 40_000 }, (_, i) => `export function f${i}(x: number): number { return x * ${i % 97} + ${i}; }`).join('\n');
    const prose = Array.from({ length: 20_000 }, (_, i) => `Sentence ${i}: the quick brown fox jumps over the lazy dog, again and again.`).join(' ');
    const emoji = '😀 '.repeat(300_000);
    for (const [name, text] of [['csv', csv(2 * 1024 * 1024)], ['code', code], ['prose', prose], ['emoji', emoji]] as const) {
      const exact = await count(text);
      const bounded = await boundedCount(count, text);
      assert.ok(bounded >= exact, `${name}: ${bounded} < exact ${exact}`);
      assert.ok(bounded <= exact * 1.25, `${name}: ${bounded} is more than 25 % over ${exact}`);
    }
  });

  test('a 22 MB selection is measured and trimmed to an 8k window in seconds, not a minute', async () => {
    const text = csv(22 * 1024 * 1024);
    const began = Date.now();
    const size = await boundedCount(count, text);
    const { items, trimmed } = await trimContext([{ source: 'selection', path: 'x.csv', text }], 6_000, (t) => boundedCount(count, t), [size]);
    const ms = Date.now() - began;
    assert.equal(trimmed[0], true);
    assert.ok((await count(items[0]!.text)) <= 6_000, 'the trimmed selection fits the budget');
    assert.ok(items[0]!.text.length > 1_000, 'something of the selection is kept');
    assert.ok(ms < 15_000, `took ${ms} ms`);
  });
});
