import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';
import {
  createTokenCounter, createWorkerCounter, encodingForModel, isTiktokenLoaded, resolveWorkerScript,
  type TokenCounter, type WorkerTokenCounter,
} from '../../../src/core/tokens';

const execFileAsync = promisify(execFile);

const root = path.resolve(__dirname, '..', '..', '..');
const assetsDir = path.join(root, 'node_modules', 'tiktoken', 'encoders');

// No tokenWorker.js next to the encoders: these run tiktoken in-thread (the fallback for tsx and scripts).
suite('tokens / tiktoken counter (in-thread)', function () {
  this.timeout(30_000); // each test loads an encoder (~1-3 s on a busy 2-core machine)
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

// The worker path for real: worker.ts bundled with esbuild into a temp folder laid out like dist/ (the bundle and
// tiktoken_bg.wasm side by side, found through the bundle's __dirname), encoders from node_modules.
suite('tokens / worker thread', function () {
  this.timeout(60_000);
  let tmp: string;
  let workerScript: string;
  let distLike: string;
  let wc: WorkerTokenCounter;
  let ic: TokenCounter;

  suiteSetup(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'token-worker-'));
    distLike = path.join(tmp, 'dist');
    fs.mkdirSync(distLike);
    workerScript = path.join(distLike, 'tokenWorker.js');
    buildSync({
      entryPoints: [path.join(root, 'src', 'core', 'tokens', 'worker.ts')],
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerScript, logLevel: 'silent',
    });
    fs.copyFileSync(path.join(root, 'node_modules', 'tiktoken', 'lite', 'tiktoken_bg.wasm'), path.join(distLike, 'tiktoken_bg.wasm'));
    for (const enc of ['o200k_base', 'cl100k_base']) {
      fs.symlinkSync(path.join(assetsDir, `${enc}.json`), path.join(distLike, `${enc}.tiktoken.json`));
    }
    wc = createWorkerCounter({ assetsDir, workerScript });
    ic = createTokenCounter({ assetsDir, inline: true });
  });
  suiteTeardown(() => {
    wc.dispose();
    ic.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the worker script is found next to the assets, or given; inline when there is none or when asked', () => {
    assert.equal(resolveWorkerScript({ assetsDir: distLike }), workerScript);
    assert.equal(resolveWorkerScript({ assetsDir }), undefined);
    assert.equal(resolveWorkerScript({ assetsDir, workerScript }), workerScript);
    assert.equal(resolveWorkerScript({ assetsDir: distLike, inline: true }), undefined);
  });

  test('the first count loads in the worker while the main thread keeps running', async () => {
    assert.equal(wc.worker(), undefined, 'not started before the first count');
    assert.equal(wc.isLoaded(), false);
    const period = 5;
    let ticks = 0;
    let maxGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, period);
    const t0 = performance.now();
    const n = await wc.count('hello world', 'gpt-4o');
    const loadMs = performance.now() - t0;
    clearInterval(timer);
    maxGap = Math.max(maxGap, performance.now() - last);
    assert.equal(n, 2);
    assert.equal(wc.isLoaded(), true);
    // Loading blocks its thread for its whole length (JSON parse + WASM + Tiktoken construction); had it run on
    // this thread the timer could not have fired during it. Loose bounds: a loaded 2-core machine delays timers.
    const detail = `load ${loadMs.toFixed(0)} ms, ${ticks} ticks, max gap ${maxGap.toFixed(0)} ms`;
    assert.ok(ticks >= Math.max(5, loadMs / (period * 20)), detail); // at least 1 in 20 of the ideal ticks
    assert.ok(maxGap < loadMs / 2, detail);
  });

  test('counts and trims from the worker equal the in-thread ones', async () => {
    const code = Array.from({ length: 1600 }, (_, i) => (i % 3 ? `  const v${i} = call(${i}, "x");\n` : `function f${i}() {}\n`)).join('');
    const texts = [
      'hello world', '<|endoftext|> and <|fim_prefix|>', 'const héllo = "wörld" // 注释 🙂', '\n\n  \t\n', code,
    ];
    assert.ok(code.length > 33 * 1024, 'one text is long enough to be counted in pieces');
    for (const model of ['gpt-4o', 'claude-sonnet-4-6']) {
      for (const text of texts) {
        assert.equal(await wc.count(text, model), await ic.count(text, model), `${model}: ${text.slice(0, 20)}`);
      }
      for (const keep of ['start', 'end'] as const) {
        assert.deepEqual(await wc.trimToTokens(code, 100, { model, keep }), await ic.trimToTokens(code, 100, { model, keep }));
      }
      assert.deepEqual(await wc.trimToTokens('a b', 10, { model }), { text: 'a b', tokens: 2, trimmed: false });
    }
    assert.equal(await wc.count(''), 0);
    assert.equal(isTiktokenLoaded(), true, 'the in-thread counter above did load it here');
  });

  test('a short count is answered while a long one is still being counted', async () => {
    const long = Array.from({ length: 16_000 }, (_, i) => `let x${i} = ${i};\n`).join('');
    const order: string[] = [];
    const a = wc.count(long).then((n) => { order.push('long'); return n; });
    const b = wc.count('short text').then((n) => { order.push('short'); return n; });
    const [nLong, nShort] = await Promise.all([a, b]);
    assert.deepEqual(order, ['short', 'long']);
    assert.equal(nShort, await ic.count('short text'));
    assert.equal(nLong, await ic.count(long));
  });

  test('tokenizer errors from the worker reject with the same clear message, and can be retried', async () => {
    const bad = createTokenCounter({ assetsDir: path.join(root, 'no-such-dir'), workerScript });
    try {
      await assert.rejects(bad.count('x'), /tokenizer data for cl100k_base not found/);
      await assert.rejects(bad.count('x'), /not found/);
      assert.equal(bad.isLoaded(), false);
    } finally {
      bad.dispose();
    }
  });

  test('a missing worker script rejects with a clear error', async () => {
    const none = createTokenCounter({ assetsDir, workerScript: path.join(tmp, 'missing', 'tokenWorker.js') });
    try {
      await assert.rejects(none.count('x'), /token worker (crashed|exited)/);
    } finally {
      none.dispose();
    }
  });

  test('a killed worker rejects its pending calls and the next call starts a fresh one', async () => {
    const c = createWorkerCounter({ assetsDir, workerScript });
    try {
      const pending = c.count('some text');
      const first = c.worker();
      assert.ok(first);
      const firstId = first.threadId;
      await first.terminate(); // as if it crashed
      await assert.rejects(pending, /token worker exited unexpectedly/);
      assert.equal(c.worker(), undefined);
      assert.equal(await c.count('some text'), await ic.count('some text'));
      const second = c.worker();
      assert.ok(second && second.threadId !== firstId, 'a new thread');
      assert.equal(c.isLoaded(), true);
    } finally {
      c.dispose();
    }
  });

  test('dispose terminates the worker and rejects what it still owed; a later count starts a new one', async () => {
    const c = createWorkerCounter({ assetsDir, workerScript });
    try {
      assert.equal(await c.count('a b c'), 3);
      const w = c.worker();
      assert.ok(w);
      const exited = once(w, 'exit');
      const owed = c.count('never answered');
      c.dispose();
      await assert.rejects(owed, /disposed/);
      await exited;
      assert.equal(c.worker(), undefined);
      assert.equal(c.isLoaded(), false);
      assert.equal(await c.count('a b c'), 3);
      assert.notEqual(c.worker(), w);
    } finally {
      c.dispose();
    }
  });

  test('a call that times out rejects and the worker is restarted', async () => {
    // 20 ms is far below any encoder load, so the first call cannot be answered in time.
    const c = createWorkerCounter({ assetsDir, workerScript, timeoutMs: 20 });
    try {
      const first = c.count('x');
      const other = c.count('y', 'gpt-4o');
      const w = c.worker();
      assert.ok(w);
      const exited = once(w, 'exit');
      await assert.rejects(first, /did not answer within 20 ms/);
      await assert.rejects(other, /timed out|did not answer/);
      await exited;
      assert.equal(c.worker(), undefined);
    } finally {
      c.dispose();
    }
  });

  test('in a fresh process the WASM never loads on the main thread, and the worker does not keep it alive', async () => {
    const script = [
      "const t = require('./src/core/tokens');",
      `const a = t.createTokenCounter({ assetsDir: ${JSON.stringify(assetsDir)}, workerScript: ${JSON.stringify(workerScript)} });`,
      `const b = t.createTokenCounter({ assetsDir: ${JSON.stringify(distLike)} });`, // finds tokenWorker.js itself
      '(async () => {',
      "  const counts = [await a.count('hello world', 'gpt-4o'), await b.count('hello world')];",
      "  const wasm = Object.keys(require.cache).some((k) => k.includes('tiktoken'));",
      '  process.stdout.write(JSON.stringify({ counts, flag: t.isTiktokenLoaded(), wasm, loaded: [a.isLoaded(), b.isLoaded()] }));',
      '})();', // no dispose: the idle workers are unref'd, so the process must still exit by itself
    ].join('\n');
    const { stdout } = await execFileAsync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8', timeout: 50_000 });
    assert.deepEqual(JSON.parse(stdout), { counts: [2, 2], flag: false, wasm: false, loaded: [true, true] });
  });
});
