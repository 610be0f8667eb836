// spend3 audit, part 1: streams cut mid-answer and retried requests, priced by hand. Each bill runs the real
// Anthropic / OpenAI provider and its official SDK against the independent wire fakes, cut on the wire (user Stop,
// a stalled stream, a TCP reset, a body that just ends), then the ledger's pricing seam (requestCost). Expected USD
// is worked out in each case's comment from /work/shared/data/prices-reference.json ($/Mtok), never by our code:
//   claude-sonnet-4-6 in 3, read 0.3, write 5m 3.75, write 1h 6, out 15   claude-haiku-4-5 in 1, 1h 2, out 5
//   claude-sonnet-5   in 2, out 10                                        gpt-4.1 in 2, cached 0.5, out 8
//   gpt-5-mini in 0.25, out 2
// The answer is ANSWER, one word per delta: after k deltas the text is the first k words (6, 11, 17, 23, 31 chars…).
// An estimated output is ceil(chars / 4) (rule 2/4 of docs/spend.md); the provider-level prompt estimate is
// ceil(50 / 4) = 13 ("You are a careful reviewer." + "\n" + "Explain this function." = 50 chars).
import * as assert from 'node:assert/strict';
import { IndependentAnthropic, IndependentOpenAI, type IndependentAnthropicOptions, type IndependentOpenAIOptions } from '../../fakes/independent';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { requestCost } from '../../../src/core/spend';
import type { Usage } from '../../../src/core/request';
import { drain, sealed, testKey, type Drained } from '../providers/helpers';

const ANSWER = 'alpha beta gamma delta epsilon zeta eta theta';
const key = testKey();
const deadlines = { firstByteTimeoutMs: 3000, idleTimeoutMs: 300 };

const cost = (d: Drained, asked: string): number | null =>
  requestCost({ route: 'cloud', model: d.result.model || asked, usage: d.result.usage, totalMs: 1, costPerHour: 0, cloudModel: asked, requestedModel: asked }).costUsd;

function billed(d: Drained, asked: string, microUsd: number, source: Usage['source']): void {
  const got = cost(d, asked);
  assert.ok(typeof got === 'number', `priced: ${got}`);
  assert.ok(Math.abs(got - microUsd / 1e6) < 1e-9, `product ${got} ≠ hand ${microUsd / 1e6} (usage ${JSON.stringify(d.result.usage)})`);
  assert.equal(d.result.usage.source, source, source === 'estimate' ? 'an estimate is labelled' : 'provider-counted');
}

async function viaAnthropic(o: IndependentAnthropicOptions, model: string, stopAfter?: number, maxRetries = 0): Promise<{ d: Drained; calls: number }> {
  const fake = new IndependentAnthropic({ answer: ANSWER, pings: false, ...o });
  const url = await fake.listen();
  try {
    const ac = new AbortController();
    const d = await drain(createAnthropicProvider({ baseUrl: url, apiKey: key, maxRetries, ...deadlines }).stream(sealed(model), ac.signal),
      { onChunk: (_c, i) => { if (stopAfter !== undefined && i + 1 >= stopAfter) ac.abort(); } });
    return { d, calls: fake.seen.length };
  } finally { await fake.close(); }
}

async function viaOpenAI(o: IndependentOpenAIOptions, model: string, stopAfter?: number, maxRetries = 0): Promise<{ d: Drained; calls: number }> {
  const fake = new IndependentOpenAI({ answer: ANSWER, ...o });
  const url = await fake.listen();
  try {
    const ac = new AbortController();
    const d = await drain(createOpenAIProvider({ baseUrl: url, apiKey: key, maxRetries, location: 'cloud', ...deadlines }).stream(sealed(model), ac.signal),
      { onChunk: (_c, i) => { if (stopAfter !== undefined && i + 1 >= stopAfter) ac.abort(); } });
    return { d, calls: fake.seen.length };
  } finally { await fake.close(); }
}

// Anthropic frames (pings off): 0 message_start, 1 content_block_start, 2…9 the eight deltas, 10 content_block_stop,
// 11 message_delta, 12 message_stop. `cutAfter: n` delivers frames 0…n−1.
// OpenAI frames: 0 role chunk, 1…8 the deltas, 9 finish_reason chunk, 10 usage chunk, 11 [DONE].
const slow = { gapMs: 40 };

suite('spend3 / hand bills: streams cut mid-answer', function () {
  this.timeout(20_000);

  test('A1 anthropic, Stop after 3 deltas: 2000×3 + 10000×0.3 + ceil(17/4)=5 ×15 = 6000 + 3000 + 75 = 9075 µ$, est.', async () => {
    const { d } = await viaAnthropic({ usage: { input: 2000, cacheRead: 10_000, cacheWrite: 0 }, delivery: slow }, 'claude-sonnet-4-6', 3);
    assert.equal(d.result.finish, 'cancelled');
    assert.equal(d.text, 'alpha beta gamma ');
    billed(d, 'claude-sonnet-4-6', 9075, 'estimate');
  });

  test('A2 anthropic, stalled after 2 deltas: 1200×3 + 4000×3.75 + ceil(11/4)=3 ×15 = 3600 + 15000 + 45 = 18645 µ$, est.', async () => {
    const { d } = await viaAnthropic({ usage: { input: 1200, cacheRead: 0, cacheWrite: 4000 }, delivery: { cutAfter: 4, cut: 'stall' } }, 'claude-sonnet-4-6');
    assert.equal(d.result.failure?.code, 'stalled');
    billed(d, 'claude-sonnet-4-6', 18_645, 'estimate');
  });

  test('A3 anthropic haiku, reset after 4 deltas, 1 h writes: 3000×1 + 2000×2 + ceil(23/4)=6 ×5 = 3000 + 4000 + 30 = 7030 µ$, est.', async () => {
    const { d } = await viaAnthropic({ usage: { input: 3000, cacheRead: 0, cacheWrite: 2000, cacheWrite1h: 2000 }, delivery: { cutAfter: 6, cut: 'reset' } }, 'claude-haiku-4-5');
    assert.equal(d.result.failure?.code, 'connection');
    billed(d, 'claude-haiku-4-5', 7030, 'estimate');
  });

  test('A4 anthropic, reset after message_start (no text): the input side reported, 5000×3 + 1×15 = 15015 µ$, est.', async () => {
    const { d } = await viaAnthropic({ usage: { input: 5000, cacheRead: 0, cacheWrite: 0 }, delivery: { cutAfter: 1, cut: 'reset' } }, 'claude-sonnet-4-6');
    assert.equal(d.text, '');
    billed(d, 'claude-sonnet-4-6', 15_015, 'estimate');
  });

  test('A5 anthropic, ends after message_delta without message_stop: the final count, 700×3 + 3000×0.3 + 8×15 = 3120 µ$', async () => {
    const { d } = await viaAnthropic({ usage: { input: 700, cacheRead: 3000, cacheWrite: 0 }, delivery: { cutAfter: 12, cut: 'end' } }, 'claude-sonnet-4-6');
    assert.equal(d.result.finish, 'error');
    billed(d, 'claude-sonnet-4-6', 3120, 'provider');
  });

  test('A6 anthropic sonnet 5, body ends after 3 deltas: 800×2 + ceil(17/4)=5 ×10 = 1650 µ$, est.', async () => {
    const { d } = await viaAnthropic({ usage: { input: 800, cacheRead: 0, cacheWrite: 0 }, delivery: { cutAfter: 5, cut: 'end' } }, 'claude-sonnet-5');
    assert.equal(d.result.failure?.code, 'protocol');
    billed(d, 'claude-sonnet-5', 1650, 'estimate');
  });

  test('O1 openai, Stop after 3 deltas (no usage chunk yet): 13×2 + 5×8 = 66 µ$, est.', async () => {
    const { d } = await viaOpenAI({ usage: { prompt: 900, cached: 0, reasoning: 0 }, delivery: slow }, 'gpt-4.1', 3);
    assert.equal(d.result.finish, 'cancelled');
    billed(d, 'gpt-4.1', 66, 'estimate');
  });

  test('O2 openai, stalled after 2 deltas: 13×2 + ceil(11/4)=3 ×8 = 50 µ$, est.', async () => {
    const { d } = await viaOpenAI({ usage: { prompt: 900, cached: 0, reasoning: 0 }, delivery: { cutAfter: 3, cut: 'stall' } }, 'gpt-4.1');
    assert.equal(d.result.failure?.code, 'stalled');
    billed(d, 'gpt-4.1', 50, 'estimate');
  });

  test('O3 openai, reset after 4 deltas: 13×2 + ceil(23/4)=6 ×8 = 74 µ$, est.', async () => {
    const { d } = await viaOpenAI({ usage: { prompt: 900, cached: 0, reasoning: 0 }, delivery: { cutAfter: 5, cut: 'reset' } }, 'gpt-4.1');
    assert.equal(d.result.failure?.code, 'connection');
    billed(d, 'gpt-4.1', 74, 'estimate');
  });

  test('O4 openai, reset after the 200 and the role chunk, before any text: the prompt was taken, 13×2 = 26 µ$, est. (never a silent $0)', async () => {
    const { d } = await viaOpenAI({ usage: { prompt: 900, cached: 0, reasoning: 0 }, delivery: { cutAfter: 1, cut: 'reset' } }, 'gpt-4.1');
    assert.equal(d.text, '');
    billed(d, 'gpt-4.1', 26, 'estimate');
  });

  test('O5 openai, ends after finish_reason, before the usage chunk: 13×2 + ceil(45/4)=12 ×8 = 122 µ$, est.', async () => {
    const { d } = await viaOpenAI({ usage: { prompt: 900, cached: 0, reasoning: 0 }, delivery: { cutAfter: 10, cut: 'end' } }, 'gpt-4.1');
    assert.equal(d.text, ANSWER);
    billed(d, 'gpt-4.1', 122, 'estimate');
  });

  test('O6 openai, reset after the usage chunk, before [DONE]: 1000×2 + 4000×0.5 + 8×8 = 4064 µ$', async () => {
    const { d } = await viaOpenAI({ usage: { prompt: 5000, cached: 4000, reasoning: 0 }, delivery: { cutAfter: 11, cut: 'reset' } }, 'gpt-4.1');
    billed(d, 'gpt-4.1', 4064, 'provider');
  });
});

suite('spend3 / hand bills: retried requests (one request, one bill)', function () {
  this.timeout(20_000);

  test('R1 anthropic 529 twice, then success: 1000×3 + 2000×3.75 + 5000×0.3 + 8×15 = 12120 µ$ once', async () => {
    const { d, calls } = await viaAnthropic({ usage: { input: 1000, cacheRead: 5000, cacheWrite: 2000 },
      status: { code: 529, type: 'overloaded_error', message: 'Overloaded' }, statusTimes: 2, retryAfter: 0 }, 'claude-sonnet-4-6', undefined, 2);
    assert.equal(calls, 3);
    billed(d, 'claude-sonnet-4-6', 12_120, 'provider');
  });

  test('R2 openai 503 then success: 1976×2 + 1024×0.5 + 8×8 = 4528 µ$ once', async () => {
    const { d, calls } = await viaOpenAI({ usage: { prompt: 3000, cached: 1024, reasoning: 0 },
      status: { code: 503, type: 'server_error', code_: null, message: 'The engine is currently overloaded' }, statusTimes: 1, retryAfter: 0 }, 'gpt-4.1', undefined, 2);
    assert.equal(calls, 2);
    billed(d, 'gpt-4.1', 4528, 'provider');
  });

  test('R3 openai 500 then success, gpt-5-mini reasoning: 2000×0.25 + (8 + 500)×2 = 500 + 1016 = 1516 µ$ once', async () => {
    const { d, calls } = await viaOpenAI({ usage: { prompt: 2000, cached: 0, reasoning: 500 },
      status: { code: 500, type: 'server_error', code_: null, message: 'The server had an error' }, statusTimes: 1, retryAfter: 0 }, 'gpt-5-mini', undefined, 2);
    assert.equal(calls, 2);
    billed(d, 'gpt-5-mini', 1516, 'provider');
  });

  test('R4 anthropic: overloaded error event before any text, retried, then success: only the answer, 1500×3 + 8×15 = 4620 µ$', async () => {
    const { d, calls } = await viaAnthropic({ usage: { input: 1500, cacheRead: 0, cacheWrite: 0 }, overloadedAfter: 0, overloadedTimes: 1 }, 'claude-sonnet-4-6', undefined, 2);
    assert.equal(calls, 2);
    billed(d, 'claude-sonnet-4-6', 4620, 'provider');
  });

  test('R5 anthropic: overloaded error event before any text on every try: a failed request, not charged (as a 529) = 0', async () => {
    const { d, calls } = await viaAnthropic({ usage: { input: 1500, cacheRead: 0, cacheWrite: 0 }, overloadedAfter: 0 }, 'claude-sonnet-4-6', undefined, 1);
    assert.equal(calls, 2);
    assert.equal(d.result.failure?.code, 'server');
    assert.equal(cost(d, 'claude-sonnet-4-6'), 0, 'the same overload as an HTTP 529 answer, which costs $0');
  });

  test('R7 anthropic: 429, Stop pressed during the SDK\'s retry wait: nothing ran (the one answer was a refusal) = 0', async () => {
    const fake = new IndependentAnthropic({ answer: ANSWER, status: { code: 429, type: 'rate_limit_error', message: 'Rate limited' }, statusTimes: 1, retryAfter: 2 });
    const url = await fake.listen();
    try {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 400);
      const d = await drain(createAnthropicProvider({ baseUrl: url, apiKey: key, maxRetries: 2, maxRetryAfterMs: 5000, ...deadlines }).stream(sealed('claude-sonnet-4-6'), ac.signal));
      assert.equal(fake.seen.length, 1);
      assert.equal(d.result.finish, 'cancelled');
      assert.equal(cost(d, 'claude-sonnet-4-6'), 0);
    } finally { await fake.close(); }
  });

  test('R8 openai: 429, Stop pressed during the SDK\'s retry wait = 0', async () => {
    const fake = new IndependentOpenAI({ answer: ANSWER, status: { code: 429, type: 'requests', code_: 'rate_limit_exceeded', message: 'Rate limit reached' }, statusTimes: 1, retryAfter: 2 });
    const url = await fake.listen();
    try {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 400);
      const d = await drain(createOpenAIProvider({ baseUrl: url, apiKey: key, maxRetries: 2, maxRetryAfterMs: 5000, location: 'cloud', ...deadlines }).stream(sealed('gpt-4.1'), ac.signal));
      assert.equal(fake.seen.length, 1);
      assert.equal(d.result.finish, 'cancelled');
      assert.equal(cost(d, 'gpt-4.1'), 0);
    } finally { await fake.close(); }
  });

  test('R9 anthropic: overloaded event before text, then the retry finds the server gone (refused) = 0, never an estimate', async () => {
    const fake = new IndependentAnthropic({ answer: ANSWER, pings: false, usage: { input: 1500, cacheRead: 0, cacheWrite: 0 }, overloadedAfter: 0 });
    const url = await fake.listen();
    fake.server.seen.length = 0;
    let closed = false;
    const provider = createAnthropicProvider({ baseUrl: url, apiKey: key, maxRetries: 1, ...deadlines,
      fetch: async (input, init) => { if (closed) throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }); closed = true; return fetch(input, init); } });
    try {
      const d = await drain(provider.stream(sealed('claude-sonnet-4-6'), new AbortController().signal));
      assert.equal(d.result.finish, 'error');
      assert.equal(cost(d, 'claude-sonnet-4-6'), 0, `${d.result.failure?.code}: ${JSON.stringify(d.result.usage)}`);
    } finally { await fake.close(); }
  });

  test('R6 openai: error frame before any text: a failed request, not charged (as a 500) = 0', async () => {
    const { d } = await viaOpenAI({ usage: { prompt: 900, cached: 0, reasoning: 0 }, errorAfter: 0 }, 'gpt-4.1');
    assert.equal(d.result.failure?.code, 'server');
    assert.equal(cost(d, 'gpt-4.1'), 0);
  });
});
