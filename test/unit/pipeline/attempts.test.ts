// Issue #16 items 1 and 2, through the real classifier, router and gate (createAskDeps) and the real ledger
// line format (serializeRecord): every refusal is a valid $0 ledger record with the refusal's own fixes, and every
// attempt of a fallback is its own record, linked to the first, that the spend model counts.
import * as assert from 'node:assert/strict';
import { ollamaDown } from '../../../src/shared/ollamaDown';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import { refusalMessage } from '../../../src/core/pipeline/attempts';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import type { ChatBody, ChatProvider, StreamResult } from '../../../src/core/wire/types';
import type { BudgetState, HealthState, LedgerRecord } from '../../../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { parseLine, serializeRecord } from '../../../src/core/spend/ledgerRecord';
import { SpendModel } from '../../../src/core/spend/spendModel';
import { terminalCommand } from '../../../src/webview/chat/errorTitle';

function provider(id: string, location: 'local' | 'cloud', result: Partial<StreamResult>): ChatProvider & { calls: ChatBody[] } {
  const calls: ChatBody[] = [];
  return {
    id, location, calls,
    async *stream(body: ChatBody) {
      calls.push(body);
      if ((result.finish ?? 'stop') === 'stop') yield 'answer';
      return {
        usage: { input: 1000, output: 200, cacheRead: 0, cacheWrite: 0, source: 'provider' },
        timing: { ttftMs: 50, totalMs: 400 }, model: body.model, finish: 'stop', ...result,
      } as StreamResult;
    },
  };
}

function harness(opts: { health?: HealthState; local?: ChatProvider & { calls: ChatBody[] }; cloud?: ChatProvider & { calls: ChatBody[] }; noKey?: boolean; settings?: Partial<HybridSettings> } = {}) {
  const lines: string[] = [];
  const local = opts.local ?? provider('ollama', 'local', {});
  const cloud = opts.cloud ?? provider('anthropic', 'cloud', {});
  let n = 0;
  const budget: BudgetState = { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };
  const deps = createAskDeps({
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    pathPolicy: createPathPolicy({ privateGlobs: [] }),
    priceTable: BUNDLED_PRICES,
    local: () => local,
    cloud: async () => (opts.noKey ? undefined : cloud),
    countTokens: async (s) => Math.ceil(s.length / 4),
    budget: () => budget,
    health: () => opts.health ?? { local: 'ready', cloud: 'ready' },
    // The real line format: a record the ledger would refuse fails here exactly as it fails in the product.
    record: async (r) => { lines.push(serializeRecord(r)); },
    confirm: async () => true,
    newId: () => `req-${++n}`,
  });
  const records = (): LedgerRecord[] => lines.map((l) => parseLine(l.trimEnd())!.record);
  return { deps, records, local, cloud };
}

async function run(deps: ReturnType<typeof harness>['deps'], input: Partial<AskInput>): Promise<AskEvent[]> {
  const events: AskEvent[] = [];
  const full: AskInput = { origin: 'askAuto', kind: 'ask', question: 'why?', context: [], ...input };
  for await (const e of runAsk(deps, full, new AbortController().signal)) events.push(e);
  return events;
}

const errorOf = (events: AskEvent[]) => events.find((e) => e.type === 'error') as Extract<AskEvent, { type: 'error' }>;

suite('every attempt is a ledger record (issue #16)', () => {
  test('Ask (cloud) on .env.production: refused, $0 record with route, reasons and an honest model, fix "Retry on local"', async () => {
    const h = harness();
    const events = await run(h.deps, {
      origin: 'askCloud',
      context: [{ source: 'file', path: '.env.production', text: 'DATABASE_URL=postgres://x\n', startLine: 1, endLine: 1 }],
    });
    assert.equal(h.local.calls.length + h.cloud.calls.length, 0);
    const err = errorOf(events);
    assert.match(err.message, /private/);
    assert.ok(err.fixes.includes('retryLocal'), `fixes were ${err.fixes.join(', ')}`);
    const [r] = h.records();
    assert.equal(h.records().length, 1);
    assert.equal(r.route, 'refuse');
    assert.equal(r.costUsd, 0);
    assert.equal(r.status, 'failed');
    assert.equal(r.outcome, 'refused');
    assert.equal(r.model, 'none');
    assert.equal(r.provider, 'none');
    assert.match(r.reasons[0], /refused/);
  });

  test('Ask (private) with Ollama down: refused, $0 record, fix "Start Ollama"', async () => {
    const h = harness({ health: { local: 'offline', cloud: 'ready' } });
    const events = await run(h.deps, { origin: 'askPrivate' });
    assert.equal(h.local.calls.length + h.cloud.calls.length, 0);
    assert.ok(errorOf(events).fixes.includes('startOllama'));
    const recs = h.records();
    assert.equal(recs.length, 1);
    assert.equal(recs[0].route, 'refuse');
    assert.equal(recs[0].costUsd, 0);
  });

  test('a key that vanished before sending: a $0 record, not an unknown-price one', async () => {
    const h = harness({ noKey: true });
    const events = await run(h.deps, { origin: 'askCloud' });
    assert.ok(errorOf(events).fixes.includes('setApiKey'));
    const recs = h.records();
    assert.equal(recs.length, 1);
    assert.equal(recs[0].outcome, 'auth');
    assert.equal(recs[0].costUsd, 0);
  });

  test('a missing key in team mode names the gateway\'s virtual key and LITELLM_API_KEY, and records the gateway as the provider', async () => {
    const h = harness({ noKey: true, settings: { 'gateway.baseUrl': 'http://127.0.0.1:4000', 'cloud.model': 'claude-sonnet-4-6' } });
    const err = errorOf(await run(h.deps, { origin: 'askCloud' }));
    assert.match(err.message, /No LiteLLM gateway virtual key — run “Hybrid: Set API Key” or set LITELLM_API_KEY\./);
    assert.doesNotMatch(err.message, /Anthropic/);
    assert.equal(h.records()[0].provider, 'litellm');
  });

  test('a used-up gateway budget or provider credit offers no Retry: the card says retrying will not help', async () => {
    for (const code of ['budget', 'quota'] as const) {
      const refused = provider('litellm', 'cloud', { finish: 'error', failure: { code, status: 422, message: 'used up — retrying will not help.', fix: 'retryLocal' } });
      const h = harness({ cloud: refused, settings: { 'fallback.cloudToLocal': false } });
      const err = errorOf(await run(h.deps, { origin: 'askCloud' }));
      assert.ok(err, code);
      assert.ok(!err.fixes.includes('retry'), `${code}: ${err.fixes.join(', ')}`);
      assert.ok(err.fixes.includes('retryLocal'));
    }
  });

  test('a cloud stream that stalls falls back to the local model; the notice names the cause without the failed turn\'s "try again"', async () => {
    const stalled = provider('anthropic', 'cloud', { finish: 'error', failure: { code: 'stalled', message: 'Anthropic stopped sending in the middle of the answer (nothing for 4 s) — the answer is incomplete; try again, or raise hybrid.timeouts.idleMs if the model is just slow.' } });
    const h = harness({ cloud: stalled });
    const events = await run(h.deps, { origin: 'askCloud' });
    const notice = events.find((e) => e.type === 'notice') as Extract<AskEvent, { type: 'notice' }>;
    assert.equal(notice.text, 'The cloud model failed (Anthropic stopped sending in the middle of the answer (nothing for 4 s)) — answering with the local model instead.');
    assert.equal(h.local.calls.length, 1, 'the local model answered');
  });

  test('local→cloud fallback: two records, the second its own id linked to the first, and cloud spend counted', async () => {
    const down = provider('ollama', 'local', { finish: 'error', failure: { code: 'connection', message: 'Ollama is not running' } });
    const h = harness({ local: down, settings: { 'fallback.localToCloud': true } });
    const events = await run(h.deps, { origin: 'askAuto', question: 'why?' });
    assert.equal(h.cloud.calls.length, 1);
    assert.ok(events.some((e) => e.type === 'notice'));
    const recs = h.records();
    assert.deepEqual(recs.map((r) => [r.route, r.status]), [['local', 'failed'], ['cloud', 'ok']]);
    assert.notEqual(recs[1].id, recs[0].id);
    assert.equal(recs[1].attemptOf, recs[0].id);
    assert.equal(recs[0].attemptOf, undefined);
    const model = new SpendModel();
    for (const r of recs) model.add(r);
    const cloudUsd = recs[1].costUsd ?? 0;
    assert.ok(cloudUsd > 0);
    const snap = model.snapshot(new Date(recs[1].time));
    assert.ok(Math.abs(snap.today.cloudUsd - cloudUsd) < 1e-12, `cloud spend ${snap.today.cloudUsd} ≠ ${cloudUsd}`);
  });

  test('attemptOf survives the ledger line format and bad values are refused', () => {
    const base = { v: 1, id: 'b', time: '2026-01-01T00:00:00.000Z', origin: 'askAuto', kind: 'ask', route: 'cloud', provider: 'anthropic',
      model: 'claude-sonnet-4-5', tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, source: 'provider' },
      costUsd: 0.01, ttftMs: 1, totalMs: 2, status: 'ok', reasons: [] };
    assert.equal(parseLine(serializeRecord({ ...base, attemptOf: 'a' }).trimEnd())!.record.attemptOf, 'a');
    assert.throws(() => serializeRecord({ ...base, attemptOf: '' }), /attemptOf/);
    assert.throws(() => serializeRecord({ ...base, attemptOf: 'b' }), /attemptOf/);
  });

  test('a consumer that stops early closes the provider stream (item 7)', async () => {
    let closed = false;
    const calls: ChatBody[] = [];
    const endless: ChatProvider & { calls: ChatBody[] } = {
      id: 'ollama', location: 'local', calls,
      async *stream(body: ChatBody) {
        calls.push(body);
        try {
          for (;;) yield 'tick ';
        } finally {
          closed = true;
        }
      },
    };
    const h = harness({ local: endless });
    const it = runAsk(h.deps, { origin: 'askPrivate', kind: 'ask', question: 'why?', context: [] }, new AbortController().signal);
    for await (const e of it) if (e.type === 'delta') break;
    assert.equal(calls.length, 1);
    assert.equal(closed, true, 'the provider generator was left open');
  });
});

// Deep e2e session: Ask (private) with Ollama stopped showed "refused: the local model server … is not
// responding; start it with "ollama serve"" — the router's lowercase prefix under a "Not sent" badge, and no way
// to ask again once Ollama was started. A missing model was offered "ollama serve", not the pull.
suite('a refusal because the local model is unavailable', () => {
  test('Ollama down: a sentence without the router prefix, the start command and Retry', async () => {
    const h = harness({ health: { local: 'offline', cloud: 'ready' } });
    const err = errorOf(await run(h.deps, { origin: 'askPrivate' }));
    assert.equal(err.message, `${ollamaDown('http://127.0.0.1:11434').text}`, 'the one wording of Ollama down, as a sentence');
    assert.deepEqual(err.fixes, ['startOllama', 'retry']);
    assert.match(h.records()[0].reasons[0], /^refused: /, 'the ledger keeps the router\'s words');
  });

  test('model not pulled: the pull command for that model, and Retry — not "ollama serve"', async () => {
    const h = harness({ health: { local: 'modelMissing', cloud: 'ready' } });
    const err = errorOf(await run(h.deps, { origin: 'askPrivate' }));
    assert.deepEqual(err.fixes, ['pullModel', 'retry']);
    assert.equal(err.failure, undefined, 'a refusal carries no provider failure (every surface reads that as "not sent")');
    assert.equal(terminalCommand(err.message, 'ollama pull <model>'), `ollama pull ${DEFAULT_SETTINGS['local.chatModel']}`, 'the card copies the real pull command');
  });

  test('a private path refused for the cloud keeps its own way out, never a plain Retry', async () => {
    const h = harness();
    const err = errorOf(await run(h.deps, {
      origin: 'askCloud',
      context: [{ source: 'file', path: '.env.production', text: 'A=1\n', startLine: 1, endLine: 1 }],
    }));
    assert.ok(!err.fixes.includes('retry'), err.fixes.join(', '));
    assert.doesNotMatch(err.message, /^refused:/i);
  });
});

suite('a refusal card sentence', () => {
  test('a sentence is capitalised and ends with its full stop; a path that starts it is left exactly as it is', () => {
    assert.equal(refusalMessage(['refused: budget exceeded.']), 'Budget exceeded.', 'one full stop, never two');
    assert.equal(refusalMessage(['refused: no Anthropic API key is set; run "Hybrid: Set API Key"']), 'No Anthropic API key is set; run "Hybrid: Set API Key".');
    assert.equal(refusalMessage(['refused: deals/acme_terms.md matches a private path']), 'deals/acme_terms.md matches a private path.');
    assert.equal(refusalMessage(['refused: .env.production matches a private path']), '.env.production matches a private path.');
    assert.equal(refusalMessage(['refused: src/x.ts and deals/a.md match private paths']), 'src/x.ts and deals/a.md match private paths.');
  });
});
