// Token log-probabilities from both local server kinds, through the official clients, in the real wire shape;
// and what the confidence scorer makes of them, including a server that ignores the request field.
import * as assert from 'node:assert/strict';
import { scoreConfidence } from '../../../src/core/confidence';
import { LogprobSupport } from '../../../src/core/confidence/support';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import type { ChatProvider } from '../../../src/core/providers/types';
import { FakeOllama } from '../../fakes/ollama';
import { FakeOpenAI } from '../../fakes/openai';
import type { LogprobMode } from '../../fakes/logprobs';
import { chatBody, drain, never } from './helpers';

interface Case { name: string; model: string; fake: FakeOllama | FakeOpenAI; make: (url: string) => ChatProvider; body: () => Record<string, unknown> }

const ollama = new FakeOllama();
const compat = new FakeOpenAI();
const CASES: Case[] = [
  { name: 'ollama /api/chat', model: 'qwen2.5-coder:7b', fake: ollama, make: (url) => createOllamaProvider({ baseUrl: url, firstByteTimeoutMs: 5_000 }),
    body: () => ollama.requests.find((r) => r.path === '/api/chat')!.body as Record<string, unknown> },
  { name: 'openai-compatible', model: 'local-model', fake: compat, make: (url) => createOpenAIProvider({ baseUrl: `${url}/v1`, location: 'local', firstByteTimeoutMs: 5_000 }),
    body: () => compat.requests.at(-1)!.body as Record<string, unknown> },
];

for (const c of CASES) {
  suite(`providers: log-probabilities (${c.name})`, () => {
    let url = '';
    suiteSetup(async () => { url = (await c.fake.start()).url; });
    suiteTeardown(() => c.fake.close());
    setup(() => { c.fake.reset(); c.fake.setReply({ ttftMs: 0, perTokenMs: 0 }); });

    const ask = async (mode: LogprobMode, logprobs: number | undefined) => {
      c.fake.logprobs = mode;
      return (await drain(c.make(url).stream(chatBody(c.model, logprobs === undefined ? {} : { logprobs }), never()))).result;
    };

    test('asked: the request carries logprobs + top_logprobs, and every token comes back', async () => {
      const r = await ask('confident', 2);
      const body = c.body();
      assert.equal(body['logprobs'], true);
      assert.equal(body['top_logprobs'], 2);
      assert.ok(r.tokens && r.tokens.length === r.usage.output, `${r.tokens?.length} tokens for ${r.usage.output} output`);
      assert.equal(r.tokens[0].top?.length, 2);
      assert.ok(scoreConfidence({ text: 'x', tokens: r.tokens }).score > 0.9);
    });

    test('unsure model → low score with the share of low-probability tokens named', async () => {
      const r = await ask('unsure', 1);
      const report = scoreConfidence({ text: 'x', tokens: r.tokens });
      assert.ok(report.score < 0.7, report.summary);
      assert.match(report.summary, /(sure of every word|unsure of \d+ % of the words) it wrote/);
    });

    test('not asked: no logprob fields on the wire', async () => {
      await ask('confident', undefined);
      assert.equal(c.body()['logprobs'], undefined);
    });

    test('server ignores the field → no tokens, and support is learned as "no"', async () => {
      const r = await ask('unsupported', 1);
      assert.equal(r.tokens, undefined);
      const support = new LogprobSupport();
      support.record(url, c.model, r.tokens !== undefined);
      assert.equal(support.shouldAsk(url, c.model), false);
    });
  });
}
