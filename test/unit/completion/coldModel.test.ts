// A cold model is a state, not a failure (issue #27 item 2), against the fake Ollama speaking the real /api/ps and
// /api/show shapes: the model reported unloaded answers only after a load delay longer than the first-byte
// time-out; the engine loads it with its own time-out, says "loading", and then shows the suggestion.
import * as assert from 'node:assert/strict';
import { CompletionEngine } from '../../../src/core/completion';
import { fitPrompt } from '../../../src/core/completion/contextFit';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { LocalHealthMonitor } from '../../../src/core/route/localHealth';
import { FakeOllama } from '../../fakes/ollama';
import { settings } from './fakes';

const MODEL = 'qwen2.5-coder:1.5b';
const FIRST_BYTE_MS = 300;
const LOAD_MS = 900;

suite('completion: cold models', () => {
  let fake: FakeOllama;
  let url = '';
  let close: () => Promise<void> = async () => undefined;
  setup(async () => {
    fake = new FakeOllama({ ttftMs: 0, perTokenMs: 0 });
    fake.answerFor = () => ' 42;';
    const s = await fake.start();
    url = s.url;
    close = s.close;
  });
  teardown(async () => close());

  const provider = () => createOllamaProvider({ baseUrl: url, firstByteTimeoutMs: FIRST_BYTE_MS, numCtx: 8192 });
  const input = { docUri: 'file:///x.ts', languageId: 'typescript', prefix: 'const answer =', suffix: '\n' };

  test('/api/ps says whether the model is in memory, with the window it was loaded with; /api/show its trained window', async () => {
    const p = provider();
    const warm = await p.residency!(MODEL, new AbortController().signal);
    assert.deepEqual(warm, { loaded: true, contextLength: 32768 });
    fake.setCold(LOAD_MS);
    assert.deepEqual(await p.residency!(MODEL, new AbortController().signal), { loaded: false, contextLength: 32768 });
    assert.equal(await p.warm!(MODEL, 5_000, new AbortController().signal), undefined);
    assert.deepEqual(await p.residency!(MODEL, new AbortController().signal), { loaded: true, contextLength: 32768, loadedContext: 8192 });
    const load = fake.requests.find((r) => r.path === '/api/generate')!.body as Record<string, unknown>;
    assert.equal(load.prompt, '', 'an empty prompt only loads the model');
    assert.deepEqual(load.options, { num_ctx: 8192 }, 'loaded with the context completions will ask for, so they do not reload it');
  });

  test('without the warm-up, a cold model times out on the first byte (what users saw before)', async () => {
    fake.setCold(LOAD_MS);
    const it = provider().complete({ model: MODEL, prefix: 'a', suffix: '', maxTokens: 8 }, new AbortController().signal);
    let r = await it.next();
    while (!r.done) r = await it.next();
    assert.equal(r.value.failure?.code, 'timeout');
  });

  test('with it: "loading" while the model loads, then the suggestion — no time-out, local health untouched', async () => {
    fake.setCold(LOAD_MS);
    const loading: Array<string | undefined> = [];
    const engine = new CompletionEngine({
      provider: provider(), settings: () => settings({ 'local.completionModel': MODEL, 'completion.debounceMs': 0 }),
      onLoading: (m) => loading.push(m), options: { adaptiveDebounce: false },
    });
    const t0 = Date.now();
    const res = await engine.provide(input, new AbortController().signal);
    assert.equal(res?.text, ' 42;');
    assert.ok(Date.now() - t0 >= LOAD_MS, 'it waited for the load');
    assert.deepEqual(loading, [MODEL, undefined]);
    assert.ok(fake.isLoaded(MODEL));
    engine.dispose();
  });

  test('a load that fails is completion\'s own state: said once, kept over a probe that finds the server up, no reload per keystroke', async () => {
    fake.setCold(LOAD_MS);
    const p = provider();
    const health = new LocalHealthMonitor({
      probe: async () => { const h = await p.health!(MODEL); return { state: h.state, message: h.message }; },
    });
    let loadMs = LOAD_MS / 3;
    const failures: Array<string | undefined> = [];
    const engine = new CompletionEngine({
      provider: p, health, settings: () => settings({ 'local.completionModel': MODEL, 'completion.debounceMs': 0, 'timeouts.localLoadMs': loadMs }),
      onLoadFailed: (_m, f) => failures.push(f?.message), options: { adaptiveDebounce: false },
    });
    const loads = () => fake.requests.filter((r) => r.path === '/api/generate' && (r.body as { prompt?: string }).prompt === '').length;
    try {
      assert.equal(await engine.provide(input, new AbortController().signal), undefined);
      assert.equal(failures.length, 1);
      assert.match(failures[0]!, /did not finish loading .* hybrid\.timeouts\.localLoadMs/);
      await health.recheck(false);
      assert.equal(health.current.state, 'ready', 'the server answers: Ask (private) with the chat model is not held back by the completion model');
      for (const more of ['c', 'co', 'con']) assert.equal(await engine.provide({ ...input, prefix: more }, new AbortController().signal), undefined);
      assert.equal(loads(), 1, 'the keystrokes after a failed load do not load the model again within the retry interval');
      assert.equal(failures.length, 1, 'and nothing new is said');
      loadMs = 5_000;
      engine.retryNow();
      assert.deepEqual(failures.slice(1), [undefined], 'Retry (or new settings) forgets the failure');
      const res = await engine.provide({ ...input, prefix: 'const answer = ' }, new AbortController().signal);
      assert.equal(res?.text, ' 42;');
      assert.equal(failures.length, 2, 'the load worked: nothing more to say');
    } finally {
      engine.dispose();
      health.dispose();
    }
  });

  test('typing cancels the waiting calls, not the load; the call after the pause gets the suggestion', async () => {
    fake.setCold(LOAD_MS);
    const engine = new CompletionEngine({
      provider: provider(), settings: () => settings({ 'local.completionModel': MODEL, 'completion.debounceMs': 0 }),
      options: { adaptiveDebounce: false },
    });
    const first = new AbortController();
    const p1 = engine.provide(input, first.signal);
    await new Promise((r) => setTimeout(r, 100));
    first.abort();
    assert.equal(await p1, undefined);
    const res = await engine.provide({ ...input, prefix: 'const answer = ' }, new AbortController().signal);
    assert.equal(res?.text, ' 42;');
    assert.equal(fake.requests.filter((r) => r.path === '/api/generate' && (r.body as { prompt?: string }).prompt === '').length, 1, 'one load');
    engine.dispose();
  });

  test('the prompt is fitted to the smaller window, and a disagreement is said once', () => {
    const budget = { prefixTokens: 1024, suffixTokens: 256, contextTokens: 704, maxTokens: 288 };
    const fits = fitPrompt(budget, MODEL, 8192, { loaded: true, contextLength: 32768, loadedContext: 8192 });
    assert.deepEqual([fits.prefixTokens, fits.notes], [1024, []]);
    const small = fitPrompt(budget, 'tiny:1b', 8192, { loaded: true, contextLength: 2048 });
    assert.equal(small.window, 2048);
    assert.ok(small.prefixTokens + small.suffixTokens + small.contextTokens + small.maxTokens <= 2048);
    assert.match(small.notes.join(' '), /numCtx is 8192 but tiny:1b supports 2048/);
    assert.match(small.notes.join(' '), /cut to fit/);
    const other = fitPrompt(budget, MODEL, 8192, { loaded: true, contextLength: 32768, loadedContext: 4096 });
    assert.match(other.notes[0]!, /loaded with a 4096-token context .* reloads/);
  });

  test('the engine reports a numCtx larger than the model window once, and fits the request to it', async () => {
    fake.setModels([{ name: 'tiny:1b', capabilities: ['completion', 'insert'], family: 'llama', contextLength: 1024 }]);
    const notes: string[] = [];
    const engine = new CompletionEngine({
      provider: provider(), settings: () => settings({ 'local.completionModel': 'tiny:1b', 'completion.debounceMs': 0 }),
      onNote: (n) => notes.push(n), options: { adaptiveDebounce: false },
    });
    const long = 'x'.repeat(20_000);
    await engine.provide({ ...input, prefix: long }, new AbortController().signal);
    await engine.provide({ ...input, prefix: `${long}y` }, new AbortController().signal);
    assert.equal(notes.filter((n) => /supports 1024/.test(n)).length, 1);
    const sent = fake.requests.filter((r) => r.path === '/api/generate').map((r) => String((r.body as { prompt?: string }).prompt ?? ''));
    assert.ok(sent.length >= 1 && sent.every((p) => p.length / 4 < 1024), 'the prompt fits the model window');
    engine.dispose();
  });
});

suite('completion: the keystroke path', () => {
  test('kept-alive connections, one /api/ps and one /api/show for a burst of completions', async () => {
    const fake = new FakeOllama({ ttftMs: 0, perTokenMs: 0 });
    fake.answerFor = () => '1;\nmore();';
    const s = await fake.start();
    try {
      const engine = new CompletionEngine({
        provider: createOllamaProvider({ baseUrl: s.url }), settings: () => settings({ 'local.completionModel': MODEL, 'completion.debounceMs': 0 }),
        options: { adaptiveDebounce: false, reuse: false },
      });
      let afterFirst = 0;
      for (let i = 0; i < 5; i++) {
        if (i === 1) afterFirst = fake.connections;
        const res = await engine.provide({ docUri: 'file:///k.ts', languageId: 'typescript', prefix: `const v${i} = `, suffix: '\n' }, new AbortController().signal);
        assert.equal(res?.text, '1;', 'the server stopped at the newline (single-line stop)');
      }
      const paths = fake.requests.map((r) => r.path);
      assert.deepEqual([paths.filter((p) => p === '/api/ps').length, paths.filter((p) => p === '/api/show').length, paths.filter((p) => p === '/api/generate').length], [1, 1, 5]);
      // /api/ps and /api/show back to back may take a second socket before the first is released; none after.
      assert.ok(afterFirst <= 2);
      assert.equal(fake.connections, afterFirst, 'the completions reuse the kept-alive connection');
      engine.dispose();
    } finally {
      await s.close();
    }
  });
});
