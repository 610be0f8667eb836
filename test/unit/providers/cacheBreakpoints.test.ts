// Cache breakpoint rules, and the Anthropic fake's cache behaving like the real API end to end through the
// provider: a marked prefix long enough is written, then read within its TTL; a short one never caches.
import * as assert from 'node:assert/strict';
import { anthropicPrompt } from '../../../src/core/providers/anthropicCache';
import { MAX_BREAKPOINTS, minCacheableTokens, planBreakpoints, splitContext } from '../../../src/core/providers/cacheBreakpoints';
import { userMessage } from '../../../src/core/pipeline/prompts';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { FakeAnthropic } from '../../fakes/anthropic';
import { drain, never, sealed, testKey } from '../providers/helpers';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');
const code = (tokens: number): string => 'const x = 1; // pad\n'.repeat(Math.ceil((tokens * 4) / 20));

suite('cache: breakpoint rules', () => {
  test('minimum cacheable length per model', () => {
    assert.equal(minCacheableTokens('claude-sonnet-4-5'), 1024);
    assert.equal(minCacheableTokens('claude-opus-4-1'), 1024);
    assert.equal(minCacheableTokens('claude-sonnet-4-6'), 2048);
    assert.equal(minCacheableTokens('claude-3-5-haiku-latest'), 2048);
    assert.equal(minCacheableTokens('claude-haiku-4-5'), 4096);
    assert.equal(minCacheableTokens('claude-opus-4-6'), 4096);
  });

  test('a stable end is marked only once the prefix up to it is long enough', () => {
    const segs = [
      { id: 'system', text: 'x'.repeat(200), stable: true },
      { id: 'context', text: 'y'.repeat(4 * 1100), stable: true },
      { id: 'question', text: 'z'.repeat(8000), stable: false },
    ];
    assert.deepEqual(planBreakpoints('claude-sonnet-4-5', segs), ['context']);
    assert.deepEqual(planBreakpoints('claude-haiku-4-5', segs), []);
  });

  test(`never more than ${MAX_BREAKPOINTS} breakpoints; the longest prefixes are kept`, () => {
    const segs = Array.from({ length: 7 }, (_, i) => ({ id: `s${i}`, text: 'x'.repeat(5000), stable: true }));
    assert.deepEqual(planBreakpoints('claude-sonnet-4-5', segs), ['s3', 's4', 's5', 's6']);
  });

  test('splitContext separates attached context from the question, fences of either kind', () => {
    const msg = userMessage('Why does it fail?', [{ source: 'selection', text: 'a\n```\nb', path: 'x.md', startLine: 1 }, { source: 'file', text: 'c', path: 'y.ts' }]);
    const split = splitContext(msg)!;
    assert.equal(split.context + split.question, msg);
    assert.equal(split.question, '\n\nWhy does it fail?');
    assert.ok(split.context.endsWith('```'));
    assert.equal(splitContext('no context here'), undefined);
  });

  test('anthropicPrompt: mark after context (first ask) and after the history (follow-up)', () => {
    const ctx = [{ source: 'file' as const, text: code(2500), path: 'src/big.ts' }];
    const first = anthropicPrompt({ model: 'claude-sonnet-4-6', system: 'sys', maxTokens: 10, messages: [{ role: 'user', content: userMessage('Explain', ctx) }] });
    assert.equal(first.system![0].cache_control, undefined);
    const content = first.messages[0].content as { text: string; cache_control?: unknown }[];
    assert.deepEqual(content[0].cache_control, { type: 'ephemeral' });
    assert.equal(content[1].text, '\n\nExplain');
    const follow = anthropicPrompt({ model: 'claude-sonnet-4-6', system: 'sys', maxTokens: 10, messages: [
      { role: 'user', content: userMessage('Explain', ctx) }, { role: 'assistant', content: 'It pads.' }, { role: 'user', content: 'And then?' }] });
    const marked = JSON.stringify(follow.messages).match(/cache_control/g) ?? [];
    assert.equal(marked.length, 1);
    assert.deepEqual((follow.messages[1].content as { cache_control?: unknown }[])[0].cache_control, { type: 'ephemeral' });
    assert.equal(follow.messages[2].content, 'And then?');
  });
});

suite('cache: the Anthropic fake caches like the real API', () => {
  const fake = new FakeAnthropic();
  let url = '';
  suiteSetup(async () => { url = (await fake.start()).url; });
  suiteTeardown(() => fake.close());
  setup(() => { fake.cache.clear(); fake.usage = undefined; });

  const ask = async (model: string, context: string) => {
    const provider = createAnthropicProvider({ baseUrl: url, apiKey: testKey(), maxRetries: 0 });
    const body = sealed(model, { messages: [{ role: 'user', content: userMessage('What does this do?', [{ source: 'file', text: context, path: 'src/a.ts' }]) }] });
    return (await drain(provider.stream(body, never()))).result.usage;
  };

  test('long enough prefix: written on the first request, read on the second', async () => {
    const first = await ask('claude-sonnet-4-5', code(1500));
    assert.ok(first.cacheWrite >= 1024, JSON.stringify(first));
    assert.equal(first.cacheRead, 0);
    const second = await ask('claude-sonnet-4-5', code(1500));
    assert.equal(second.cacheRead, first.cacheWrite);
    assert.equal(second.cacheWrite, 0);
    assert.ok(second.input < first.cacheWrite / 10, 'only the question is billed at the input price');
  });

  test('same prefix below the model minimum (Haiku 4.5 needs 4096) → no cache fields at all', async () => {
    await ask('claude-haiku-4-5', code(1500));
    const again = await ask('claude-haiku-4-5', code(1500));
    assert.deepEqual([again.cacheRead, again.cacheWrite], [0, 0]);
  });

  test('a prefix seen longer ago than the 5-minute TTL is written again', async () => {
    let t = 1_000_000;
    fake.cache.now = () => t;
    await ask('claude-sonnet-4-5', code(1500));
    t += 301_000;
    const late = await ask('claude-sonnet-4-5', code(1500));
    assert.equal(late.cacheRead, 0);
    assert.ok(late.cacheWrite > 0);
    fake.cache.now = () => Date.now();
  });
});
