// Escalation through the whole Ask pipeline with the real decide/escalation routing and scripted providers:
// auto escalates with both ledger records linked, offer offers, sensitive never leaves, the draft is never sent.
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { sealForEgress } from '../../../src/core/wire/seal';
import { runAsk, type AskDeps, type AskInput } from '../../../src/core/pipeline/ask';
import type { AskEvent, EscalationEvent } from '../../../src/core/pipeline/events';
import { LogprobSupport } from '../../../src/core/confidence';
import type { ChatBody, ChatProvider, StreamResult } from '../../../src/core/wire/types';
import type { LedgerRecord } from '../../../src/core/request';
import { decide } from '../../../src/core/route/decide';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { GENERATORS, Rng } from '../../fixtures/privacy/corpus';

const DRAFT = "I'm not sure, but maybe the cache key is stale.";
const unsureTokens = DRAFT.split(' ').map((token, i) => ({ token, logprob: Math.log(i % 2 ? 0.2 : 0.6) }));

function provider(id: string, location: 'local' | 'cloud', text: string, tokens?: StreamResult['tokens']): ChatProvider & { calls: ChatBody[] } {
  const calls: ChatBody[] = [];
  return {
    id, location, calls,
    async *stream(body: ChatBody) {
      calls.push(body);
      yield text;
      return { usage: { input: 100, output: 20, cacheRead: 0, cacheWrite: 0, source: 'provider' }, timing: { ttftMs: 5, totalMs: 50 },
        model: body.model, finish: 'stop', ...(tokens && body.logprobs !== undefined ? { tokens } : {}) } as StreamResult;
    },
  };
}

// A question the classifier puts in the middle band with the thresholds below.
const MIDDLE = 'How should I structure the retry logic in this fetch wrapper?';

function harness(over: Partial<HybridSettings> = {}, localText = DRAFT, tokens: StreamResult['tokens'] | null = unsureTokens) {
  const settings: HybridSettings = { ...DEFAULT_SETTINGS, 'routing.localBelow': 0, 'routing.complexityThreshold': 1.01, ...over };
  const records: LedgerRecord[] = [];
  const local = provider('ollama', 'local', localText, tokens ?? undefined);
  const cloud = provider('anthropic', 'cloud', 'Use exponential backoff with jitter.');
  const pathPolicy = createPathPolicy({ privateGlobs: [] });
  let n = 0;
  let t = 1_000_000;
  const d: AskDeps = {
    settings,
    // Support is learned per server/model; every harness starts from "unknown" (the memory is injected, not global).
    logprobs: new LogprobSupport(),
    classify: (r) => classify(r, { pathPolicy, markers: settings['privacy.markers'] }),
    decide: (r, l, b, h, c) => decide(r, l, settings, b, h, { estimatedCostUsd: c }),
    gate: (body) => ({ ok: true, body: sealForEgress(body), redactions: {}, redactedCount: 0 }),
    budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
    health: () => ({ local: 'ready', cloud: 'ready' }),
    local: () => local,
    cloud: async () => cloud,
    countTokens: async (s) => Math.ceil(s.length / 4),
    contextWindow: () => 200_000,
    price: (model, u) => (u.input * 1 + u.output * 5) / 1e6 * (model.includes('haiku') ? 1 : 3),
    cost: (route, model, u) => (route === 'local' ? { costUsd: 0 } : { costUsd: d.price(model, u) ?? null }),
    preflight: (model, promptTokens, _kind, max) => {
      const at = (out: number) => d.price(model, { input: promptTokens, output: out, cacheRead: 0, cacheWrite: 0, source: 'estimate' }) ?? 0;
      return { likelyUsd: at(400), atMostUsd: at(max), expectedOutputTokens: 400, basis: 'default' };
    },
    record: async (r) => { records.push(r); },
    confirm: async () => true,
    now: () => (t += 10),
    newId: () => `req-${++n}`,
  };
  return { d, records, local, cloud };
}

async function collect(d: AskDeps, input: Partial<AskInput> = {}): Promise<AskEvent[]> {
  const events: AskEvent[] = [];
  for await (const e of runAsk(d, { origin: 'askAuto', kind: 'ask', question: MIDDLE, context: [], ...input }, new AbortController().signal)) events.push(e);
  return events;
}
const escalationOf = (events: AskEvent[]) => events.find((e): e is EscalationEvent => e.type === 'escalation')!;

suite('pipeline: escalation', () => {
  test('auto: an unsure local answer in the middle band escalates to the light tier; records are linked', async () => {
    const { d, records, local, cloud } = harness({ 'routing.escalation': 'auto' });
    const events = await collect(d);
    assert.deepEqual(events.map((e) => e.type), ['route', 'delta', 'done', 'escalation', 'route', 'delta', 'done']);
    const esc = escalationOf(events);
    assert.equal(esc.action, 'escalated');
    assert.equal(esc.band, 'middle');
    assert.ok(esc.confidence < 0.7);
    assert.match(esc.reason, /local confidence 0\.\d\d: (sure of every word|unsure of \d+ % of the words) it wrote; said 'i'm not sure'/);
    assert.equal(local.calls[0].logprobs, 1, 'log-probabilities were asked of the local server');
    assert.equal(cloud.calls.length, 1);
    assert.equal(cloud.calls[0].model, 'claude-haiku-4-5');
    assert.ok(!JSON.stringify(cloud.calls[0]).includes('cache key is stale'), 'the local draft is never sent');
    assert.equal(records.length, 2);
    assert.equal(records[0].route, 'local');
    assert.equal(records[1].route, 'cloud');
    assert.equal(records[1].escalatedFrom, records[0].id);
    assert.notEqual(records[1].id, records[0].id);
  });

  test('auto: an escalation whose light-tier bound would cross the budget follows onExceeded (docs/spend.md rule 2)', async () => {
    // $0.999 of a $1.00 daily budget spent ("near"): the Haiku bound, at least 1024 × $5 per million = $0.00512,
    // crosses the $0.001 left, so with "block" the escalation does not go out.
    const { d, records, cloud } = harness({ 'routing.escalation': 'auto', 'budget.dailyUsd': 1, 'budget.onExceeded': 'block' });
    d.budget = () => ({ level: 'near', spentTodayUsd: 0.999, spentMonthUsd: 0.999, dailyUsd: 1, monthlyUsd: 0 });
    const esc = escalationOf(await collect(d));
    assert.equal(esc.action, 'offered');
    assert.match(esc.reason, /not escalated automatically: refused: over budget with this request \(at most \$0\.\d+; \$0\.00 left of the \$1\.00 daily budget\)/);
    assert.equal(cloud.calls.length, 0);
    assert.equal(records.length, 1);
  });

  test('offer: the answer gets an "Ask the cloud" offer with the reason; nothing goes out', async () => {
    const { d, records, cloud } = harness({ 'routing.escalation': 'offer' });
    const esc = escalationOf(await collect(d));
    assert.equal(esc.action, 'offered');
    assert.match(esc.reason, /below 0\.70 \(hybrid\.routing\.escalationThreshold\)/);
    assert.equal(esc.requestId, records[0].id);
    assert.equal(cloud.calls.length, 0);
    assert.equal(records.length, 1);
  });

  test('manual "Ask the cloud" of an offered answer: frontier model, linked, draft not sent', async () => {
    const { d, records, cloud, local } = harness();
    const events = await collect(d, { escalateFrom: { id: 'req-earlier', band: 'middle' } });
    assert.equal(local.calls.length, 0);
    assert.equal(cloud.calls.length, 1);
    assert.equal(cloud.calls[0].model, 'claude-sonnet-5');
    assert.equal(records[0].escalatedFrom, 'req-earlier');
    assert.match((events[0] as Extract<AskEvent, { type: 'route' }>).reasons[0], /you asked the cloud after the local answer/);
  });

  test('taking the offer out of the middle band asks the tier the offer named (light), not the frontier model', async () => {
    const { d, records, cloud } = harness({ 'routing.escalation': 'offer' });
    const events = await collect(d, { escalateFrom: { id: 'req-offered', band: 'middle', offered: true } });
    assert.equal(cloud.calls.length, 1);
    assert.equal(cloud.calls[0].model, 'claude-haiku-4-5');
    assert.equal(records[0].escalatedFrom, 'req-offered');
    assert.match((events[0] as Extract<AskEvent, { type: 'route' }>).reasons[0], /you took the offer .*escalated to the light tier \(claude-haiku-4-5\)/);
  });

  test('the offer names the model its button asks, the one taking it asks; a confident answer names the frontier model', async () => {
    const offered = harness({ 'routing.escalation': 'offer' });
    const esc = escalationOf(await collect(offered.d));
    assert.equal(esc.askModel, 'claude-haiku-4-5', 'the offer out of the middle band names the light tier');
    await collect(offered.d, { escalateFrom: { id: esc.requestId, band: esc.band, offered: true } });
    assert.equal(offered.cloud.calls[0].model, esc.askModel, 'the model the card named is the model asked');
    const noLight = harness({ 'routing.escalation': 'offer', 'cloud.lightModel': '' });
    assert.equal(escalationOf(await collect(noLight.d)).askModel, 'claude-sonnet-5', 'light tier off: the frontier model is named');
    const sure = harness({ 'routing.escalation': 'offer' }, 'Use exponential backoff.', [{ token: 'Use', logprob: -0.01 }]);
    const available = escalationOf(await collect(sure.d));
    assert.equal(available.action, 'available');
    assert.equal(available.askModel, 'claude-sonnet-5');
  });

  test('taking an offer out of the low band (the user chose local there) asks the frontier model', async () => {
    const { d, cloud } = harness({ 'routing.escalation': 'offer' });
    await collect(d, { escalateFrom: { id: 'req-offered', band: 'low', offered: true } });
    assert.equal(cloud.calls[0].model, 'claude-sonnet-5');
  });

  test('a confident answer escalates nowhere, even in auto', async () => {
    const confident = 'Wrap the call in a loop with backoff.'.split(' ').map((token) => ({ token, logprob: Math.log(0.97) }));
    const { d, cloud } = harness({ 'routing.escalation': 'auto' }, 'Wrap the call in a loop with backoff.', confident);
    const esc = escalationOf(await collect(d));
    assert.equal(esc.action, 'available');
    assert.equal(cloud.calls.length, 0);
  });

  test('sensitive request: never escalates (auto), the action says why, no cloud call', async () => {
    const { d, cloud, records } = harness({ 'routing.escalation': 'auto' });
    const secret = GENERATORS['aws-access-key-id'](new Rng(5), 0).value;
    const events = await collect(d, { context: [{ source: 'selection', text: `const key = "${secret}";`, path: 'src/a.ts', startLine: 1 }] });
    const esc = escalationOf(events);
    assert.equal(esc.action, 'unavailable');
    assert.match(esc.reason, /never escalate/);
    assert.equal(cloud.calls.length, 0);
    assert.equal(records.length, 1);
    const manual = await collect(d, { escalateFrom: { id: 'x' }, context: [{ source: 'selection', text: `const key = "${secret}";`, path: 'src/a.ts', startLine: 1 }] });
    assert.equal(cloud.calls.length, 0);
    assert.ok(manual.some((e) => e.type === 'error' && /unavailable/.test(e.message)));
  });

  test('Ask (private) answers offer no cloud action', async () => {
    const { d, cloud } = harness({ 'routing.escalation': 'auto' });
    const esc = escalationOf(await collect(d, { origin: 'askPrivate' }));
    assert.equal(esc.action, 'unavailable');
    assert.match(esc.reason, /privately/);
    assert.equal(cloud.calls.length, 0);
  });

  test('a server that returns no log-probabilities is not asked again for that model', async () => {
    const { d, local } = harness({}, 'Fine answer here.', null);
    await collect(d);
    await collect(d);
    assert.equal(local.calls[0].logprobs, 1);
    assert.equal(local.calls[1].logprobs, undefined);
  });
});
