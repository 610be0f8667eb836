import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { createTokenCounter, encodingForModel, type TokenCounter } from '../../../src/core/tokens';

const root = path.resolve(__dirname, '..', '..', '..');
const assetsDir = path.join(root, 'node_modules', 'tiktoken', 'encoders');

suite('tokens / tiktoken counter', () => {
  let counter: TokenCounter;
  setup(() => { counter = createTokenCounter({ assetsDir }); });
  teardown(() => counter.dispose());

  test('importing the tokens module does not load tiktoken (fresh process)', () => {
    const script = [
      "const t = require('./src/core/tokens');",
      "const c = t.createTokenCounter({ assetsDir: 'node_modules/tiktoken/encoders' });",
      'c.estimate("hello world");',
      "const wasm = Object.keys(require.cache).some((k) => k.includes('tiktoken'));",
      'process.stdout.write(JSON.stringify({ flag: t.isTiktokenLoaded(), wasm }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { flag: false, wasm: false });
  });

  test('counts exactly, loading on first use', async () => {
    assert.equal(counter.isLoaded(), false);
    assert.equal(await counter.count('hello world', 'gpt-4o'), 2);
    assert.equal(counter.isLoaded(), true);
    assert.equal(await counter.count('hello world'), 2); // cl100k
    assert.equal(await counter.count(''), 0);
    // Special-token lookalikes in user text are counted, not rejected.
    assert.ok((await counter.count('<|endoftext|>', 'gpt-4o')) > 1);
  });

  test('encoding per model: o200k for gpt-4o / gpt-5 / o-series, cl100k otherwise', () => {
    assert.deepEqual(
      ['gpt-4o-mini', 'gpt-5.2', 'o3-mini', 'o1', 'gpt-4.1', 'gpt-4-turbo', 'claude-sonnet-4-6', 'qwen2.5-coder:7b', 'omni'].map(encodingForModel),
      ['o200k_base', 'o200k_base', 'o200k_base', 'o200k_base', 'o200k_base', 'cl100k_base', 'cl100k_base', 'cl100k_base', 'cl100k_base'],
    );
  });

  test('estimate is chars/4 and synchronous', () => {
    assert.equal(counter.estimate('abcdefgh'), 2);
    assert.equal(counter.estimate('abcdefghi'), 3);
    assert.equal(counter.isLoaded(), false);
  });

  test('concurrent first counts share one load', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => counter.count('function f() { return 1; }')));
    assert.equal(new Set(results).size, 1);
  });

  test('trimToTokens keeps the start or the end, within the budget, on a character boundary', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i}: const héllo = "wörld" // 注释`).join('\n');
    const total = await counter.count(text);
    const start = await counter.trimToTokens(text, 100);
    assert.equal(start.trimmed, true);
    assert.ok(start.tokens <= 100 && start.tokens >= 95, String(start.tokens));
    assert.ok(text.startsWith(start.text));
    const end = await counter.trimToTokens(text, 100, { keep: 'end' });
    assert.ok(text.endsWith(end.text));
    assert.ok(!end.text.includes('\uFFFD') && !start.text.includes('\uFFFD'));
    const none = await counter.trimToTokens(text, total + 10);
    assert.deepEqual(none, { text, tokens: total, trimmed: false });
  });

  test('long texts are counted in pieces with the same result as one encode', async () => {
    const line = (i: number): string => (i % 3 ? `  const v${i} = call(${i}, "x");\n` : `function f${i}() {}\n`);
    const text = Array.from({ length: 4000 }, (_, i) => line(i)).join('');
    assert.ok(text.length > 64 * 1024);
    for (const model of ['gpt-4o', 'claude-sonnet-4-6']) {
      const whole = (await counter.trimToTokens(text, 1e9, { model })).tokens; // one encode of the whole text
      assert.equal(await counter.count(text, model), whole);
    }
  });

  test('missing tokenizer data rejects with a clear error and can be retried', async () => {
    const bad = createTokenCounter({ assetsDir: path.join(root, 'no-such-dir') });
    await assert.rejects(bad.count('x'), /tokenizer data for cl100k_base not found/);
    await assert.rejects(bad.count('x'), /not found/);
    bad.dispose();
  });

  test('dispose frees the encoders; a later count reloads', async () => {
    await counter.count('a b c');
    counter.dispose();
    assert.equal(counter.isLoaded(), false);
    assert.equal(await counter.count('a b c'), 3);
  });
});
