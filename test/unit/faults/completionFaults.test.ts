// Inline completion while Ollama is in trouble, through the real engine and the official client against the fake:
// the suggestion gives up quietly within the time-outs, the "loading" spinner always ends, and the shared health
// state says why (with the fix) when the cause is the server, not one slow answer.
import * as assert from 'node:assert/strict';
import { CompletionEngine, type CompletionEngineDeps } from '../../../src/core/completion';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { LocalHealthMonitor } from '../../../src/core/route/localHealth';
import { FakeOllama } from '../../fakes/ollama';
import { closedPort } from '../providers/helpers';
import { settings } from '../completion/fakes';
import { waitFor } from './wait';

const MODEL = 'qwen2.5-coder:1.5b';
const FIRST_BYTE_MS = 400;
const IDLE_MS = 400;
const LOAD_MS = 1_000;
const MAX_REQUEST_MS = 1_500;
const input = { docUri: 'file:///x.ts', languageId: 'typescript', prefix: 'const answer =', suffix: '\n', force: true };

suite('faults: inline completion with the local model in trouble', function () {
  this.timeout(20_000);
  let fake: FakeOllama;
  let url = '';
  let close: () => Promise<void> = async () => undefined;
  setup(async () => {
    fake = new FakeOllama({ ttftMs: 0, perTokenMs: 0 });
    const s = await fake.start();
    url = s.url;
    close = s.close;
  });
  teardown(async () => close());

  function engine(baseUrl = url, model = MODEL, more: Partial<CompletionEngineDeps> = {}) {
    const health = new LocalHealthMonitor({});
    const loading: Array<string | undefined> = [];
    const e = new CompletionEngine({
      provider: createOllamaProvider({ baseUrl, firstByteTimeoutMs: FIRST_BYTE_MS, idleTimeoutMs: IDLE_MS, numCtx: 8192 }),
      settings: () => settings({ 'local.completionModel': model, 'completion.debounceMs': 0, 'timeouts.localLoadMs': LOAD_MS }),
      onLoading: (m) => loading.push(m), health, options: { adaptiveDebounce: false, maxRequestMs: MAX_REQUEST_MS }, ...more,
    });
    return { e, health, loading };
  }

  async function provideTimed(e: CompletionEngine) {
    const t0 = Date.now();
    const res = await e.provide(input, new AbortController().signal);
    return { res, ms: Date.now() - t0 };
  }

  test('Ollama not running: no suggestion within the first-byte time-out; health offline, naming the fix', async () => {
    const { e, health } = engine(`http://127.0.0.1:${await closedPort()}`);
    const { res, ms } = await provideTimed(e);
    assert.equal(res, undefined);
    assert.ok(ms < FIRST_BYTE_MS + 1500, `${ms} ms`);
    assert.equal(health.current.state, 'offline');
    assert.match(health.current.message, /ollama serve|hybrid\.local\.baseUrl/);
    e.dispose();
  });

  // Deep e2e "completion while Ollama restarts": the server goes (with the kept-alive connection the engine's client
  // holds), comes back on the same port with the model unloaded; the next keystrokes must get suggestions again.
  test('Ollama restarts: nothing while it is down, then suggestions again on their own within seconds (the model loads first)', async () => {
    // As the extension wires it: one health monitor with a probe, fed by the completions' own outcomes too.
    const provider = createOllamaProvider({ baseUrl: url, firstByteTimeoutMs: FIRST_BYTE_MS, idleTimeoutMs: IDLE_MS, numCtx: 8192 });
    const health = new LocalHealthMonitor({ probe: async () => { const h = await provider.health(MODEL); return { state: h.state, message: h.message }; } });
    const { e } = engine(url, MODEL, { health });
    assert.ok((await e.provide(input, new AbortController().signal))?.text, 'a suggestion before the restart');
    const port = Number(new URL(url).port);
    await fake.close();
    assert.equal(await e.provide({ ...input, prefix: 'const during =' }, new AbortController().signal), undefined);
    assert.equal(health.current.state, 'offline', 'the failed completion says Ollama is down at once');
    fake.setCold(LOAD_MS / 2);
    await fake.start(port);
    const t0 = Date.now();
    let text: string | undefined;
    for (let i = 0; !text && Date.now() - t0 < 8_000; i++) {
      text = (await e.provide({ ...input, prefix: `const after${i} =` }, new AbortController().signal))?.text;
      if (!text) await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(text, `a suggestion after the restart (health ${health.current.state}: ${health.current.message})`);
    assert.ok(Date.now() - t0 < 6_000, `back ${Date.now() - t0} ms after Ollama was`);
    e.dispose();
    health.dispose();
  });

  test('model not pulled: no suggestion; health modelMissing with the pull command', async () => {
    const { e, health } = engine(url, 'missing-coder:1b');
    const { res } = await provideTimed(e);
    assert.equal(res, undefined);
    assert.equal(health.current.state, 'modelMissing');
    assert.match(`${health.current.message} ${health.current.fixCommand ?? ''}`, /ollama pull missing-coder:1b/);
    e.dispose();
  });

  for (const [name, paths] of [['/api/ps', ['/api/ps']], ['/api/show', ['/api/show']]] as const) {
    test(`${name} never answers: the suggestion is not held back forever`, async () => {
      fake.setFault({ kind: 'delayFirstByte', ms: 60_000, paths: [...paths] });
      const { e, loading, health } = engine();
      const { res, ms } = await provideTimed(e);
      assert.ok(ms < 4_000, `${ms} ms`);
      // /api/ps is optional (a server that does not answer it cannot say); /api/show is part of the request, so its
      // silence is the request's first-byte time-out — and the health state then says so, with the setting.
      if (name === '/api/ps') assert.ok(res?.text, 'the suggestion still comes from /api/generate');
      else assert.match(health.current.message, /hybrid\.timeouts\.localFirstByteMs/);
      assert.equal(loading.at(-1), undefined, 'no spinner left on');
      e.dispose();
    });
  }

  test('a cold model whose load never finishes: the spinner ends at hybrid.timeouts.localLoadMs, the failure names the setting', async () => {
    fake.setCold(60_000);
    const failures: Array<string | undefined> = [];
    const { e, health, loading } = engine(url, MODEL, { onLoadFailed: (_m, f) => failures.push(f?.message) });
    const t0 = Date.now();
    const { res } = await provideTimed(e);
    assert.equal(res, undefined);
    await waitFor(() => loading.length >= 2 && loading.at(-1) === undefined, LOAD_MS + 3_000, 'the loading spinner to end');
    assert.ok(Date.now() - t0 < LOAD_MS + 3_000);
    assert.deepEqual(loading, [MODEL, undefined]);
    // The figure is the setting's own (1000 ms → "1 s"), so raising it is the obvious step.
    assert.equal(failures.length, 1);
    assert.match(failures[0]!, /within 1 s .*hybrid\.timeouts\.localLoadMs/);
    assert.equal(fake.requests.filter((r) => r.path === '/api/generate' && (r.body as { prompt?: string }).prompt !== '').length, 0,
      'no completion request follows a failed load (it would only make Ollama load again)');
    assert.notEqual(health.current.state, 'offline', 'the server answers: the chat model is not held back');
    e.dispose();
  });

  test('generation stalls after the first token: the suggestion ends within the idle time-out, nothing hangs', async () => {
    fake.setFault({ kind: 'stallAfterHeaders', afterTokens: 1 });
    const { e } = engine();
    const { ms } = await provideTimed(e);
    assert.ok(ms < IDLE_MS + MAX_REQUEST_MS + 1_000, `${ms} ms`);
    await fake.waitForClientClose(undefined, 3_000);
    e.dispose();
  });

  test('Ollama answers 500: no suggestion, quickly, and no endless retry loop', async () => {
    fake.setFault({ kind: 'status', status: 500 });
    const { e } = engine();
    const { res, ms } = await provideTimed(e);
    assert.equal(res, undefined);
    assert.ok(ms < 3_000, `${ms} ms`);
    const generates = fake.requests.filter((r) => r.path === '/api/generate').length;
    assert.ok(generates <= 3, `${generates} generate calls`);
    e.dispose();
  });
});
