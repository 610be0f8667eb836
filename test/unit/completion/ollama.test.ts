// The engine through the real Ollama provider against the loopback fake: native FIM (`suffix`) for a model with
// the 'insert' capability, the family's raw template and stop tokens otherwise, usage from Ollama's counts in the
// ledger record, a superseded request closed at the server, and the pull hint when the model is missing.

import * as assert from 'node:assert/strict';
import { CompletionEngine } from '../../../src/core/completion';
import { LocalHealthMonitor, type LocalHealthReport } from '../../../src/core/route/localHealth';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import type { LedgerRecord } from '../../../src/core/request';
import { FakeOllama } from '../../../test/fakes/ollama';
import { settings } from './fakes';

class PlainFake extends FakeOllama {
  answer = ' 42;';
  override answerFor(): string {
    return this.answer;
  }
}

suite('completion engine with the Ollama provider', () => {
  let fake: PlainFake;
  let url: string;
  let close: () => Promise<void>;

  setup(async () => {
    fake = new PlainFake({ ttftMs: 0, perTokenMs: 0 });
    const s = await fake.start();
    url = s.url;
    close = s.close;
  });
  teardown(async () => close());

  function engine(model: string, records: LedgerRecord[] = [], health: LocalHealthReport[] = []): CompletionEngine {
    return new CompletionEngine({
      provider: createOllamaProvider({ baseUrl: url }),
      settings: () => settings({ 'local.completionModel': model, 'completion.debounceMs': 0 }),
      record: (r) => records.push(r), health: new LocalHealthMonitor({ onChange: (h) => health.push(h) }),
      options: { adaptiveDebounce: false },
    });
  }
  const input = { docUri: 'file:///x.ts', languageId: 'typescript', prefix: 'const answer =', suffix: '\nexport { answer };' };
  const generate = (): Array<Record<string, unknown>> => fake.requests.filter((r) => r.path === '/api/generate').map((r) => r.body as Record<string, unknown>);

  test('a model with insert gets native FIM: prompt + suffix, not raw', async () => {
    const records: LedgerRecord[] = [];
    const res = await engine('qwen2.5-coder:1.5b', records).provide(input, new AbortController().signal);
    assert.deepEqual(res && { text: res.text, source: res.source }, { text: ' 42;', source: 'model' });
    const body = generate()[0]!;
    assert.equal(body['prompt'], 'const answer =');
    assert.equal(body['suffix'], '\nexport { answer };');
    assert.notEqual(body['raw'], true);
    assert.ok(((body['options'] as { stop?: string[] }).stop ?? []).includes('\n'), 'single-line: the server stops at the newline');
    await new Promise((r) => setImmediate(r));
    assert.equal(records[0]?.tokens.source, 'provider');
    assert.equal(records[0]?.tokens.output, 1);
    assert.ok((records[0]?.tokens.input ?? 0) > 0);
  });

  test('a model without insert gets its family template, raw, with the template stop tokens', async () => {
    await engine('starcoder2:3b').provide(input, new AbortController().signal);
    const body = generate()[0]!;
    assert.equal(body['raw'], true);
    assert.equal(body['prompt'], '<fim_prefix>const answer =<fim_suffix>\nexport { answer };<fim_middle>');
    assert.equal(body['suffix'], undefined);
    const stop = (body['options'] as { stop?: string[] }).stop ?? [];
    assert.ok(stop.includes('<fim_middle>') && stop.includes('<|endoftext|>'));
  });

  test('template tokens a server leaks into the answer are cut', async () => {
    fake.answer = ' 7;<file_sep>junk';
    fake.honourStop = false;
    const res = await engine('starcoder2:3b').provide(input, new AbortController().signal);
    assert.equal(res?.text, ' 7;');
  });

  test('a superseded request is closed at the server', async () => {
    fake.setReply({ ttftMs: 5_000 });
    const e = engine('qwen2.5-coder:1.5b');
    const first = e.provide(input, new AbortController().signal);
    await fake.waitForRequests(3); // /api/ps and /api/show (is the model loaded, its window), then /api/generate
    const gen = fake.requests.find((r) => r.path === '/api/generate')!;
    const second = e.provide({ ...input, prefix: 'let other =' }, new AbortController().signal);
    await fake.waitForClientClose(gen.index, 2_000);
    assert.equal(gen.clientClosed, true);
    assert.equal(await first, undefined);
    e.dispose();
    assert.equal(await second, undefined);
  });

  test('a model that is not pulled: no suggestion, modelMissing with the pull command', async () => {
    const health: LocalHealthReport[] = [];
    const res = await engine('codellama:7b', [], health).provide(input, new AbortController().signal);
    assert.equal(res, undefined);
    assert.equal(health[0]?.state, 'modelMissing');
    assert.equal(health[0]?.fixCommand, 'ollama pull codellama:7b');
  });

  test('Ollama not running: offline with the start hint', async () => {
    await close();
    const health: LocalHealthReport[] = [];
    const res = await engine('qwen2.5-coder:1.5b', [], health).provide(input, new AbortController().signal);
    assert.equal(res, undefined);
    assert.equal(health[0]?.state, 'offline');
    assert.equal(health[0]?.fix, 'startOllama');
  });
});
