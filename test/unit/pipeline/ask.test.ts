import * as assert from 'node:assert/strict';
import { LogprobSupport } from '../../../src/core/confidence';
import { runAsk, type AskDeps, type AskInput } from '../../../src/core/pipeline/ask';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { sealForEgress } from '../../../src/core/wire/seal';
import type { ChatBody, ChatProvider, StreamResult } from '../../../src/core/wire/types';
import type { Decision, LedgerRecord } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { OutputHistory, preflightEstimate, requestCost, type PriceTable } from '../../../src/core/spend';

const TEST_PRICES: PriceTable = {
  source: 'test', units: 'USD per million tokens', pricesChecked: '2026-01-01',
  models: [{ id: 'claude', name: 'Claude (test)', provider: 'anthropic', match: { starts_with: 'claude' }, contextWindow: 200_000, input: 3, output: 15 }],
};

function provider(id: string, location: 'local' | 'cloud', result: Partial<StreamResult>, text = 'answer'): ChatProvider & { calls: ChatBody[] } {
  const calls: ChatBody[] = [];
  return {
    id, location, calls,
    async *stream(body: ChatBody) {
      calls.push(body);
      if ((result.finish ?? 'stop') === 'stop') yield text;
      return {
        usage: { input: 100, output: 20, cacheRead: 0, cacheWrite: 0, source: 'provider' },
        timing: { ttftMs: 50, totalMs: 400 }, model: body.model, finish: 'stop', ...result,
      } as StreamResult;
    },
  };
}

function deps(over: Partial<AskDeps> & { decision?: Decision; history?: OutputHistory } = {}) {
  const records: LedgerRecord[] = [];
  const history = over.history ?? new OutputHistory();
  const local = provider('ollama', 'local', {});
  const cloud = provider('anthropic', 'cloud', {});
  let t = 1_000_000;
  const d: AskDeps = {
    settings: { ...DEFAULT_SETTINGS },
    logprobs: new LogprobSupport(),
    classify: () => ({ kind: 'ask', complexity: 0.2, signals: [], findings: [], privatePaths: [] }),
    decide: () => over.decision ?? { route: 'local', reasons: ['local: simple question'] },
    gate: (body) => ({ ok: true, body: sealForEgress(body), redactions: { email: 1 }, redactedCount: 1 }),
    budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
    health: () => ({ local: 'ready', cloud: 'ready' }),
    local: () => local,
    cloud: async () => cloud,
    countTokens: async (s) => Math.ceil(s.length / 4),
    contextWindow: () => 200_000,
    price: (model, u) => (model.startsWith('claude') ? (u.input * 3 + u.output * 15) / 1e6 : undefined),
    // The real pricing seam over a one-model table, so the test's numbers stay hand-checkable.
    cost: (route, model, usage, totalMs) => requestCost({
      route, model, usage, totalMs, costPerHour: 0, cloudModel: DEFAULT_SETTINGS['cloud.model'], table: TEST_PRICES,
    }),
    preflight: (model, promptTokens, kind, max) => preflightEstimate(model, promptTokens, history.expected('cloud', kind), max, TEST_PRICES),
    record: async (r) => { records.push(r); },
    confirm: async () => true,
    now: () => (t += 10),
    newId: () => 'req-1',
    ...over,
  };
  return { d, records, local, cloud };
}

async function collect(d: AskDeps, input: Partial<AskInput> = {}): Promise<AskEvent[]> {
  const events: AskEvent[] = [];
  const full: AskInput = { origin: 'askAuto', kind: 'ask', question: 'why?', context: [], ...input };
  for await (const e of runAsk(d, full, new AbortController().signal)) events.push(e);
  return events;
}

suite('ask pipeline', () => {
  test('local route: streams, records one ok ledger record with the cloud-equivalent price', async () => {
    const { d, records, local, cloud } = deps();
    const events = await collect(d, { context: [{ source: 'selection', text: 'const a = 1;', path: 'a.ts', startLine: 3, endLine: 3 }] });
    // A local answer always ends with its confidence and the manual "Ask the cloud" state.
    assert.deepEqual(events.map((e) => e.type), ['route', 'delta', 'done', 'escalation']);
    assert.equal((events[3] as Extract<AskEvent, { type: 'escalation' }>).action, 'available');
    assert.equal(local.calls.length, 1);
    assert.equal(cloud.calls.length, 0);
    assert.equal(records.length, 1);
    assert.equal(records[0].status, 'ok');
    assert.equal(records[0].costUsd, 0);
    assert.ok((records[0].cloudEquivalentUsd ?? 0) > 0);
    const route = events[0] as Extract<AskEvent, { type: 'route' }>;
    assert.deepEqual(route.context, [{ path: 'a.ts', startLine: 3, endLine: 3, trimmed: false }]);
    assert.ok(local.calls[0].messages[0].content.includes('a.ts:3-3'));
  });

  test('cloud route goes through the gate and sends only the sealed body', async () => {
    const { d, records, cloud } = deps({ decision: { route: 'cloud', reasons: ['cloud: architecture'] } });
    let gated: ChatBody | undefined;
    d.gate = (body) => { gated = sealForEgress({ ...body, messages: [{ role: 'user', content: 'redacted' }] }); return { ok: true, body: gated as never, redactions: { 'aws-access-key-id': 1 }, redactedCount: 1 }; };
    const events = await collect(d);
    assert.equal(cloud.calls.length, 1);
    assert.equal(cloud.calls[0], gated);
    assert.deepEqual(records[0].redactions, { 'aws-access-key-id': 1 });
    const done = events.find((e) => e.type === 'done') as Extract<AskEvent, { type: 'done' }>;
    assert.ok(done.footer.costUsd !== null && done.footer.costUsd > 0);
  });

  test('a blocked gate sends nothing and records a failed request', async () => {
    const { d, records, cloud } = deps({ decision: { route: 'cloud', reasons: ['cloud: asked'] } });
    d.gate = () => ({ ok: false, reason: 'Blocked: 1 private key found.', kinds: { 'private-key': 1 } });
    const events = await collect(d, { origin: 'askCloud' });
    assert.equal(cloud.calls.length, 0);
    const err = events.find((e) => e.type === 'error') as Extract<AskEvent, { type: 'error' }>;
    assert.equal(err.message, 'Blocked: 1 private key found.');
    assert.ok(err.fixes.includes('retryLocal'));
    assert.equal(records[0].status, 'failed');
    assert.equal(records[0].outcome, 'blocked');
  });

  test('a failing cloud falls back to local when allowed, and says so', async () => {
    const { d, records, local } = deps({ decision: { route: 'cloud', reasons: ['cloud: architecture'] } });
    const failing = provider('anthropic', 'cloud', { finish: 'error', failure: { code: 'server', message: 'Anthropic is overloaded (529)' } });
    d.cloud = async () => failing;
    const events = await collect(d);
    assert.ok(events.some((e) => e.type === 'notice' && e.text.includes('answering with the local model')));
    assert.equal(local.calls.length, 1);
    assert.deepEqual(records.map((r) => [r.route, r.status]), [['cloud', 'failed'], ['local', 'ok']]);
  });

  test('no API key: a clear error pointing at Set API Key', async () => {
    const { d } = deps({ decision: { route: 'cloud', reasons: ['cloud: asked'] } });
    d.cloud = async () => undefined;
    const events = await collect(d, { origin: 'askCloud' });
    const err = events.find((e) => e.type === 'error') as Extract<AskEvent, { type: 'error' }>;
    assert.match(err.message, /Hybrid: Set API Key/);
    assert.deepEqual(err.fixes, ['setApiKey', 'retryLocal']);
  });

  test('Explain Route (dry run) sends nothing and records nothing', async () => {
    const { d, records, local, cloud } = deps({ decision: { route: 'cloud', reasons: ['cloud: design question'] } });
    const events = await collect(d, { origin: 'explainRoute', kind: 'explain', dryRun: true });
    assert.equal(local.calls.length + cloud.calls.length, 0);
    assert.equal(records.length, 0);
    const text = events.filter((e) => e.type === 'delta').map((e) => (e as { text: string }).text).join('');
    assert.match(text, /Would go to: the cloud/);
    assert.match(text, /1 × email/);
  });

  test('refused: error with a fix and a failed record, nothing sent', async () => {
    const { d, records, local, cloud } = deps({ decision: { route: 'refuse', reasons: ['The local model is offline: start Ollama.'] } });
    const events = await collect(d, { origin: 'askPrivate' });
    assert.equal(local.calls.length + cloud.calls.length, 0);
    const err = events.find((e) => e.type === 'error') as Extract<AskEvent, { type: 'error' }>;
    assert.ok(err.fixes.includes('startOllama'));
    assert.equal(records[0].outcome, 'refused');
  });

  test('an unconfirmed over-budget request is not sent', async () => {
    const { d, cloud } = deps({ decision: { route: 'cloud', reasons: ['cloud'], needsConfirmation: 'Over budget. Send anyway?' } });
    d.confirm = async () => false;
    const events = await collect(d);
    assert.equal(cloud.calls.length, 0);
    assert.equal(events[0].type, 'error');
  });

  test('a cloud follow-up carries only the cloud exchanges: what was answered locally stays local', async () => {
    const { d, cloud } = deps({ decision: { route: 'cloud', reasons: ['cloud: design question'] } });
    const events = await collect(d, {
      history: [
        { role: 'user', content: 'what is in config.ts?', local: true },
        { role: 'assistant', content: 'It holds the internal pricing table …', local: true },
        { role: 'user', content: 'what is CQRS?' },
        { role: 'assistant', content: 'Command/query separation …' },
      ],
    });
    const sent = cloud.calls[0].messages.map((m) => m.content).join('\n');
    assert.ok(!sent.includes('internal pricing table'), 'a local answer reached the cloud');
    assert.ok(sent.includes('Command/query separation'));
    assert.ok(cloud.calls[0].messages.every((m) => !('local' in m)), 'no internal flags on the wire');
    const done = events.find((e) => e.type === 'done') as Extract<AskEvent, { type: 'done' }>;
    assert.ok(done.footer.notes.some((n) => n.includes('1 earlier answer from the local model stayed local')));
  });

  test('each part of the prompt is counted once per request', async () => {
    const counted: string[] = [];
    const { d } = deps();
    d.countTokens = async (t) => { counted.push(t); return Math.ceil(t.length / 4); };
    const context = [{ source: 'file' as const, text: 'const big = 1;\n'.repeat(50), path: 'big.ts', startLine: 1, endLine: 50 }];
    await collect(d, { context, history: [{ role: 'user', content: 'earlier?' }, { role: 'assistant', content: 'earlier answer' }] });
    assert.equal(counted.filter((t) => t === context[0].text).length, 1, 'the context was counted more than once');
    assert.equal(counted.filter((t) => t === 'earlier answer').length, 1, 'a history turn was counted more than once');
  });

  test('pre-flight: the chat shows the likely cost from this user\'s median answer; budgets see the upper bound', async () => {
    const history = new OutputHistory();
    for (const out of [40, 60, 50, 1000, 45]) history.add('cloud', 'ask', out); // median 50
    const seen: (number | null | undefined)[] = [];
    const { d } = deps({ decision: { route: 'cloud', reasons: ['cloud: asked'] }, history });
    d.decide = (_r, _l, _b, _h, est) => { seen.push(est); return { route: 'cloud', reasons: ['cloud: asked'] }; };
    const events = await collect(d, { origin: 'askCloud', question: 'x'.repeat(400) });
    const route = events[0] as Extract<AskEvent, { type: 'route' }>;
    // countTokens is chars/4 in this harness, so the prompt is P tokens: likely = (P×3 + 50×15)/1e6; at most counts
    // the prompt with Claude's token-count margin, ceil(P × 1.35) + 32, at the write price (none here: input, $3),
    // plus a full 1024-token answer: ((ceil(1.35 P) + 32)×3 + 1024×15)/1e6 (docs/spend.md, rule 1).
    const atMost = seen[0]!;
    const prompt = Math.round((route.likelyCostUsd! * 1e6 - 50 * 15) / 3);
    assert.ok(prompt > 100, `prompt tokens ${prompt}`);
    assert.ok(Math.abs(atMost - ((Math.ceil(prompt * 1.35) + 32) * 3 + 1024 * 15) / 1e6) < 1e-12, `at most ${atMost}`);
    assert.equal(route.estimatedCostUsd, atMost, 'the route event\'s upper bound is what decide() checked');
    assert.ok(route.likelyCostUsd! < atMost);
  });

  test('pre-flight on the model that answers: a light-tier route is estimated (and budget-checked) on the light model', async () => {
    const priced: string[] = [];
    const seen: (number | null | undefined)[] = [];
    const { d } = deps();
    // Haiku-priced ($1 / $5) vs Sonnet-priced ($3 / $15): a fixed 1000-token prompt and 100-token answer.
    d.preflight = (model) => { priced.push(model); const haiku = model.includes('haiku'); return { likelyUsd: haiku ? 0.0015 : 0.0045, atMostUsd: haiku ? 0.006 : 0.018, expectedOutputTokens: 100, basis: 'default' }; };
    d.decide = (_r, _l, _b, _h, est) => { seen.push(est); return { route: 'cloud', tier: 'light', reasons: ['cloud: local is down'] }; };
    const events = await collect(d, { origin: 'askAuto' });
    const route = events[0] as Extract<AskEvent, { type: 'route' }>;
    assert.deepEqual(priced, ['claude-sonnet-5', 'claude-haiku-4-5']);
    assert.deepEqual(seen, [0.018, 0.006], 'the final decision saw the light model\'s bound');
    assert.equal(route.likelyCostUsd, 0.0015);
    assert.equal(route.estimatedCostUsd, 0.006);
  });

  test('requests that never reached a model cost $0, never "unknown" (no key, blocked, refused)', async () => {
    const { d, records } = deps({ decision: { route: 'cloud', reasons: ['cloud: asked'] } });
    d.cloud = async () => undefined;
    await collect(d, { origin: 'askCloud' });
    assert.equal(records[0].outcome, 'auth');
    assert.equal(records[0].costUsd, 0);
  });
  test('an answer cut at max_tokens says so in its footer, first, on either route; a whole answer does not', async () => {
    for (const route of ['local', 'cloud'] as const) {
      const { d } = deps({ decision: { route, reasons: [`${route}: test`] } });
      const cut = provider(route === 'local' ? 'ollama' : 'anthropic', route, { finish: 'length' }, 'half an ans');
      const events = await collect({ ...d, local: () => cut, cloud: async () => cut });
      const done = events.find((e) => e.type === 'done') as Extract<AskEvent, { type: 'done' }>;
      assert.match(done.footer.notes[0] ?? '', /1,024-token length limit and is cut off here/, route);
      assert.equal(done.status, 'ok', 'the words that came are kept');
    }
    const whole = await collect(deps({ decision: { route: 'cloud', reasons: ['cloud: test'] } }).d);
    const done = whole.find((e) => e.type === 'done') as Extract<AskEvent, { type: 'done' }>;
    assert.ok(!done.footer.notes.some((n) => /length limit/.test(n)));
  });
});
