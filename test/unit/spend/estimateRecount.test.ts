// A stream that ends with no usage at all (an OpenAI-compatible server ignoring include_usage, Stop before the usage
// chunk) is billed from an estimate. The providers only have chars/4; the Ask pipeline has the model's tokenizer
// and recounts the prompt and the answer with it, so the labelled estimate is the count an auditor gets from
// tiktoken. Hand bill (gpt-4.1, $2 in / $8 out): o200k(prompt) × 2 + o200k(answer) × 8 µ$.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IndependentOpenAI } from '../../fakes/independent';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { runAsk } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { LedgerRecord } from '../../../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES, recountEstimate, requestCost } from '../../../src/core/spend';
import { createTokenCounter, type TokenCounter } from '../../../src/core/tokens';
import { closedPort, drain, never, sealed, testKey } from '../providers/helpers';

const root = path.resolve(__dirname, '..', '..', '..');
// Code nobody here wrote: the OpenAI SDK's own source, as the question's context.
const CODE = fs.readFileSync(path.join(root, 'node_modules', 'openai', 'src', 'core', 'api-promise.ts'), 'utf8');

suite('spend / estimates recounted with the model\'s tokenizer', function () {
  this.timeout(20_000);
  const fake = new IndependentOpenAI();
  let url = '';
  let counter: TokenCounter;
  suiteSetup(async () => { url = await fake.listen(); counter = createTokenCounter({ assetsDir: path.join(root, 'node_modules', 'tiktoken', 'encoders') }); });
  suiteTeardown(async () => { counter.dispose(); await fake.close(); });

  test('no usage chunk: input and output are o200k counts of the prompt and the answer, still labelled', async () => {
    fake.opts = { noUsage: true, answer: 'The promise wraps the parsed response and keeps the raw one for withResponse callers.' };
    const body = sealed('gpt-4.1', { messages: [{ role: 'user', content: `Explain this file.\n${CODE}` }] });
    const d = await drain(createOpenAIProvider({ baseUrl: url, apiKey: testKey(), maxRetries: 0, location: 'cloud' }).stream(body, never()));
    assert.equal(d.result.usage.source, 'estimate');
    const count = (t: string) => counter.count(t, 'gpt-4.1');
    const usage = await recountEstimate(d.result, body, d.text, count);
    const prompt = await count([body.system, ...body.messages.map((m) => m.content)].join('\n'));
    const answer = await count(d.text);
    assert.equal(usage.source, 'estimate');
    assert.deepEqual([usage.input, usage.output], [prompt, answer]);
    assert.notEqual(usage.input, d.result.usage.input, 'chars/4 differs from the tokenizer on this prompt');
    const { costUsd } = requestCost({ route: 'cloud', model: d.result.model, usage, totalMs: 1, costPerHour: 0, cloudModel: 'gpt-4.1' });
    assert.ok(Math.abs(costUsd! - (prompt * 2 + answer * 8) / 1e6) < 1e-12);
  });

  test('provider-reported usage is never replaced, not even a partial one', async () => {
    fake.opts = { usage: { prompt: 1234, cached: 0, reasoning: 0 } };
    const body = sealed('gpt-4.1');
    const d = await drain(createOpenAIProvider({ baseUrl: url, apiKey: testKey(), maxRetries: 0, location: 'cloud' }).stream(body, never()));
    const usage = await recountEstimate(d.result, body, d.text, (t) => counter.count(t, 'gpt-4.1'));
    assert.equal(usage, d.result.usage);
    const partial = { ...d.result, usage: { ...d.result.usage, source: 'estimate' as const } };
    assert.equal(await recountEstimate(partial, body, d.text, async () => 1), partial.usage);
  });

  test('a tokenizer that fails leaves the chars/4 estimate', async () => {
    fake.opts = { noUsage: true };
    const body = sealed('gpt-4.1');
    const d = await drain(createOpenAIProvider({ baseUrl: url, apiKey: testKey(), maxRetries: 0, location: 'cloud' }).stream(body, never()));
    assert.equal(await recountEstimate(d.result, body, d.text, async () => { throw new Error('no wasm'); }), d.result.usage);
  });

  test('through the Ask pipeline: the ledger record and the footer carry the tokenizer\'s counts, labelled', async () => {
    fake.opts = { noUsage: true, answer: 'It keeps the raw response beside the parsed one.' };
    const settings: HybridSettings = { ...DEFAULT_SETTINGS, 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1', 'openai.baseUrl': url };
    const records: LedgerRecord[] = [];
    const prompts: string[] = [];
    const local = createOllamaProvider({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
    const cloud = createOpenAIProvider({ baseUrl: url, apiKey: testKey(), maxRetries: 0, location: 'cloud' });
    const deps = createAskDeps({
      settings, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
      local: () => local, cloud: async () => cloud, countTokens: (t) => { prompts.push(t); return counter.count(t, 'gpt-4.1'); },
      budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
      health: () => ({ local: 'ready', cloud: 'ready' }), record: async (r) => { records.push(r); }, confirm: async () => true, newId: () => 'est-1',
    });
    let footer: { costUsd: number | null } | undefined;
    let text = '';
    for await (const e of runAsk(deps, { origin: 'askCloud', kind: 'ask', question: `Explain this file.\n${CODE}`, context: [] }, never())) {
      if (e.type === 'delta') text += e.text;
      if (e.type === 'done') footer = e.footer;
    }
    const sent = fake.seen.at(-1)!.json as { messages: { content: string }[] };
    const promptText = sent.messages.map((m) => m.content).join('\n');
    const [r] = records;
    assert.ok(r);
    assert.equal(r.tokens.source, 'estimate');
    assert.equal(r.tokens.input, await counter.count(promptText, 'gpt-4.1'));
    assert.equal(r.tokens.output, await counter.count(text, 'gpt-4.1'));
    assert.ok(Math.abs(r.costUsd! - (r.tokens.input * 2 + r.tokens.output * 8) / 1e6) < 1e-12);
    assert.equal(footer?.costUsd, r.costUsd);
  });
});
