// The outside auditor: requests go through the WHOLE Ask pipeline (classifier, router, egress gate, the real
// Anthropic / OpenAI / Ollama providers and their official SDKs) against the independent wire fakes, and each
// ledger record's cost is compared with a bill computed here BY HAND from the usage the fake put on the wire and
// the dated price table of the reference file (read directly, never through src/core/spend). Then the totals:
// the spend model's day and month sums, the ledger's on-disk lines and the status-bar text must agree with the
// sum of the hand bills to the cent (rounding only at display).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import type { AskInput } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import type { ChatProvider } from '../../../src/core/wire/types';
import { statusText } from '../../../src/core/presentation/statusText';
import type { HealthState, LedgerRecord } from '../../../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../../../src/core/settings';
import { BUNDLED_PRICES, Ledger, ledgerCsv, ledgerJson, requestCost, SpendModel, withOverrides } from '../../../src/core/spend';
import { formatUsd } from '../../../src/shared/money';
import {
  IndependentAnthropic, IndependentOllama, IndependentOpenAI, words,
  type IndependentAnthropicOptions, type IndependentOllamaOptions, type IndependentOpenAIOptions,
} from '../../fakes/independent';
import { closedPort } from '../providers/helpers';
import { drainAsk } from './fixtures/askRig';
import { parseCsv } from './fixtures/csv';

// ---------------------------------------------------------------------------------------------------------------
// The auditor's own price book: prices-reference.json as published, its own name matching and its own formula.

type Tiered = number | { base: number; tiers: { start: number; price: number }[] };
type Rule = { equals: string } | { starts_with: string } | { contains: string } | { regex: string } | { or: Rule[] } | { and: Rule[] };
interface RefModel { id: string; match: Rule; prices: Record<string, Tiered> }
interface RefFile { providers: Record<string, RefModel[]> }

const REF_PATHS = ['/work/shared/data/prices-reference.json', path.join(__dirname, 'fixtures', 'prices-reference.json')];
const REF: RefFile = JSON.parse(fs.readFileSync(REF_PATHS.find((p) => fs.existsSync(p))!, 'utf8')) as RefFile;

function ruleMatches(r: Rule, name: string): boolean {
  if ('or' in r) return r.or.some((x) => ruleMatches(x, name));
  if ('and' in r) return r.and.every((x) => ruleMatches(x, name));
  if ('equals' in r) return name === r.equals;
  if ('starts_with' in r) return name.startsWith(r.starts_with);
  if ('contains' in r) return name.includes(r.contains);
  return new RegExp(r.regex).test(name);
}

function refModel(provider: 'anthropic' | 'openai', name: string): RefModel | undefined {
  return REF.providers[provider]!.find((m) => ruleMatches(m.match, name));
}

/** Token counts as the provider billed them: `input` is the uncached, unwritten part only. */
interface Bill { input: number; output: number; read?: number; write5m?: number; write1h?: number }

/** USD by hand: every token at its kind's price; above a tier's start (input-side total), all at the tier price. */
function handBill(provider: 'anthropic' | 'openai', model: string, b: Bill): number {
  const m = refModel(provider, model);
  if (!m) throw new Error(`the reference has no price for ${model}`);
  const prompt = b.input + (b.read ?? 0) + (b.write5m ?? 0) + (b.write1h ?? 0);
  const at = (key: string, fallback?: string): number => {
    const p = m.prices[key] ?? (fallback ? m.prices[fallback] : undefined) ?? m.prices.input_mtok!;
    if (typeof p === 'number') return p;
    let price = p.base;
    for (const t of p.tiers) if (prompt > t.start) price = t.price;
    return price;
  };
  return (b.input * at('input_mtok') + (b.read ?? 0) * at('cache_read_mtok') + (b.write5m ?? 0) * at('cache_write_mtok')
    + (b.write1h ?? 0) * at('cache_write_1h_mtok', 'cache_write_mtok') + b.output * at('output_mtok')) / 1e6;
}

// ---------------------------------------------------------------------------------------------------------------
// The harness: the real pipeline parts (createAskDeps), the real providers, the independent fakes.

const NOW = Date.parse('2026-11-29T12:00:00Z');
const ANSWER = 'The function maps each item to its square and returns a new array.';
const ANSWER_TOKENS = words(ANSWER).length;
const SIMPLE = 'What does Array.prototype.map return?';
const key = `test-${randomBytes(12).toString('hex')}`;

const anthropic = new IndependentAnthropic();
const openai = new IndependentOpenAI();
const ollama = new IndependentOllama();
const urls = { anthropic: '', openai: '', ollama: '' };

interface Run {
  records: LedgerRecord[];
  events: AskEvent[];
  streamed: string;
}

interface Scenario {
  settings?: Partial<HybridSettings>;
  input?: Partial<AskInput>;
  anthropic?: IndependentAnthropicOptions;
  openai?: IndependentOpenAIOptions;
  ollama?: IndependentOllamaOptions;
  now?: number;
  /** Abort after this many text deltas (the user pressed Stop). */
  stopAfter?: number;
  noKey?: boolean;
  health?: HealthState;
  localUrl?: string;
}

const all: LedgerRecord[] = [];
/** Every hand bill of a cloud record, by record id (the totals are checked against their sum). */
const handTotals = new Map<string, number>();

async function run(s: Scenario): Promise<Run> {
  const settings: HybridSettings = {
    ...DEFAULT_SETTINGS, 'anthropic.baseUrl': urls.anthropic, 'openai.baseUrl': urls.openai, 'local.baseUrl': s.localUrl ?? urls.ollama,
    'local.chatModel': 'qwen2.5-coder:7b', ...s.settings,
  };
  anthropic.opts = { answer: ANSWER, ...s.anthropic };
  openai.opts = { answer: ANSWER, ...s.openai };
  ollama.opts = { answer: ANSWER, ...s.ollama };
  for (const f of [anthropic, openai, ollama]) f.seen.length = 0;
  const common = { firstByteTimeoutMs: 5000, idleTimeoutMs: 5000, maxRetryAfterMs: 2000 };
  const cloud: ChatProvider = settings['cloud.provider'] === 'anthropic'
    ? createAnthropicProvider({ ...common, baseUrl: urls.anthropic, apiKey: key, maxRetries: 2 })
    : createOpenAIProvider({ ...common, baseUrl: urls.openai, apiKey: key, maxRetries: 2, location: 'cloud' });
  const local = createOllamaProvider({ ...common, baseUrl: settings['local.baseUrl'], numCtx: settings['local.numCtx'] });
  const records: LedgerRecord[] = [];
  let n = 0;
  const now = s.now ?? NOW;
  const deps = createAskDeps({
    settings, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: withOverrides(BUNDLED_PRICES, settings.pricing),
    local: () => local, cloud: async () => (s.noKey ? undefined : cloud),
    countTokens: async (t) => Math.ceil(t.length / 4),
    budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
    health: () => s.health ?? { local: 'ready', cloud: s.noKey ? 'noKey' : 'ready' },
    record: async (r) => { records.push(r); all.push(r); },
    confirm: async () => true,
    newId: () => `r${all.length + records.length}-${++n}-${randomBytes(3).toString('hex')}`,
    now: () => now,
  });
  const input: AskInput = { origin: 'askCloud', kind: 'ask', question: SIMPLE, context: [], ...s.input };
  return { records, ...(await drainAsk(deps, input, s.stopAfter)) };
}

/** The ledger's cost equals the hand bill to a millionth of a cent; the footer shows the same figure. */
function assertBilled(r: LedgerRecord, expected: number, ev?: AskEvent[]): void {
  assert.ok(r.costUsd !== null && r.costUsd !== undefined, `record ${r.model} has no cost`);
  assert.ok(Math.abs(r.costUsd - expected) < 1e-9, `${r.model}: ledger ${r.costUsd} ≠ hand bill ${expected}`);
  handTotals.set(r.id, expected);
  // The last answer of the run is this record's (a fallback's first attempt ends earlier).
  const done = ev?.filter((e): e is Extract<AskEvent, { type: 'done' }> => e.type === 'done').pop();
  if (done) assert.equal(done.footer.costUsd, r.costUsd, 'the chat footer shows the ledger figure');
}

function only(run: Run): LedgerRecord {
  assert.equal(run.records.length, 1, `expected one record, got ${run.records.map((r) => `${r.route}/${r.status}`).join(', ')}`);
  return run.records[0]!;
}

const slow = { gapMs: 25 };

suite('spend / hand bills through the whole Ask pipeline (independent fakes, reference prices)', function () {
  this.timeout(30_000);

  suiteSetup(async () => {
    urls.anthropic = await anthropic.listen();
    urls.openai = await openai.listen();
    urls.ollama = await ollama.listen();
  });
  suiteTeardown(async () => { await Promise.all([anthropic.close(), openai.close(), ollama.close()]); });

  // --- Anthropic ------------------------------------------------------------------------------------------------
  const sonnet = { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-6' } as const;

  test('anthropic: plain answer on Sonnet 4.6', async () => {
    const r = await run({ settings: sonnet, anthropic: { usage: { input: 1834, cacheWrite: 0, cacheRead: 0 } } });
    assertBilled(only(r), handBill('anthropic', 'claude-sonnet-4-6', { input: 1834, output: ANSWER_TOKENS }), r.events);
    assert.equal(only(r).tokens.source, 'provider');
  });

  test('anthropic: 5-minute cache write and cache read', async () => {
    const r = await run({ settings: sonnet, anthropic: { usage: { input: 212, cacheWrite: 2048, cacheRead: 8192 } } });
    assertBilled(only(r), handBill('anthropic', 'claude-sonnet-4-6', { input: 212, output: ANSWER_TOKENS, write5m: 2048, read: 8192 }), r.events);
  });

  test('anthropic: 5-minute and 1-hour writes in one request, plus reads', async () => {
    const r = await run({ settings: sonnet, anthropic: { usage: { input: 90, cacheWrite: 3000, cacheWrite1h: 1200, cacheRead: 15_000 } } });
    const rec = only(r);
    assert.equal(rec.tokens.cacheWrite1h, 1200);
    assertBilled(rec, handBill('anthropic', 'claude-sonnet-4-6', { input: 90, output: ANSWER_TOKENS, write5m: 1800, write1h: 1200, read: 15_000 }), r.events);
  });

  test('anthropic: only 1-hour writes on Haiku 4.5 (dated snapshot name served)', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-haiku-4-5' },
      anthropic: { servedModel: 'claude-haiku-4-5-20251001', usage: { input: 40, cacheWrite: 5000, cacheWrite1h: 5000, cacheRead: 0 } },
    });
    const rec = only(r);
    assert.equal(rec.model, 'claude-haiku-4-5-20251001');
    assertBilled(rec, handBill('anthropic', 'claude-haiku-4-5-20251001', { input: 40, output: ANSWER_TOKENS, write1h: 5000 }), r.events);
  });

  test('anthropic: message_delta with cumulative input and cache fields is not added to message_start', async () => {
    const usage = { input: 700, cacheWrite: 1000, cacheRead: 4000 };
    const a = await run({ settings: sonnet, anthropic: { usage, deltaUsage: 'cumulative' } });
    const b = await run({ settings: sonnet, anthropic: { usage, deltaUsage: 'output' } });
    const hand = handBill('anthropic', 'claude-sonnet-4-6', { input: 700, output: ANSWER_TOKENS, write5m: 1000, read: 4000 });
    assertBilled(only(a), hand, a.events);
    assertBilled(only(b), hand, b.events);
    assert.deepEqual(only(a).tokens, only(b).tokens);
  });

  test('anthropic: Sonnet 4.5 above 200k input tokens bills the whole request at the long-context tier', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-5' },
      anthropic: { servedModel: 'claude-sonnet-4-5-20250929', usage: { input: 150_000, cacheWrite: 0, cacheRead: 60_000 } },
    });
    const hand = handBill('anthropic', 'claude-sonnet-4-5-20250929', { input: 150_000, output: ANSWER_TOKENS, read: 60_000 });
    assert.ok(Math.abs(hand - (150_000 * 6 + 60_000 * 0.6 + ANSWER_TOKENS * 22.5) / 1e6) < 1e-12, 'the tier applies to every kind');
    assertBilled(only(r), hand, r.events);
  });

  test('anthropic: Sonnet 4.5 at exactly 200,000 prompt tokens stays on base prices', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-5' },
      anthropic: { usage: { input: 100_000, cacheWrite: 50_000, cacheWrite1h: 20_000, cacheRead: 50_000 } },
    });
    const hand = handBill('anthropic', 'claude-sonnet-4-5', { input: 100_000, output: ANSWER_TOKENS, write5m: 30_000, write1h: 20_000, read: 50_000 });
    assert.ok(Math.abs(hand - (100_000 * 3 + 30_000 * 3.75 + 20_000 * 6 + 50_000 * 0.3 + ANSWER_TOKENS * 15) / 1e6) < 1e-12);
    assertBilled(only(r), hand, r.events);
  });

  test('anthropic: Sonnet 4 (claude-sonnet-4-20250514) pushed over 200k by cache writes', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-20250514' },
      anthropic: { usage: { input: 190_000, cacheWrite: 10_001, cacheWrite1h: 1, cacheRead: 0 } },
    });
    assertBilled(only(r), handBill('anthropic', 'claude-sonnet-4-20250514', { input: 190_000, output: ANSWER_TOKENS, write5m: 10_000, write1h: 1 }), r.events);
  });

  test('anthropic: Opus 4.5 dated snapshot resolves to the Opus 4.5 row, not Opus 4', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-opus-4-5' },
      anthropic: { servedModel: 'claude-opus-4-5-20251101', usage: { input: 3000, cacheWrite: 0, cacheRead: 1000 } },
    });
    assertBilled(only(r), handBill('anthropic', 'claude-opus-4-5-20251101', { input: 3000, output: ANSWER_TOKENS, read: 1000 }), r.events);
    assert.ok(Math.abs(only(r).costUsd! - (3000 * 5 + 1000 * 0.5 + ANSWER_TOKENS * 25) / 1e6) < 1e-12);
  });

  test('anthropic: Sonnet 5 after the cancelled 2026-09-01 step is still $2 / $10 (the request time decides)', async () => {
    const usage = { input: 10_000, cacheWrite: 0, cacheRead: 0 };
    const after = await run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-5' }, anthropic: { usage } });
    const before = await run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-5' }, anthropic: { usage }, now: Date.parse('2026-08-15T09:00:00Z') });
    const hand = handBill('anthropic', 'claude-sonnet-5', { input: 10_000, output: ANSWER_TOKENS });
    assert.ok(Math.abs(hand - (10_000 * 2 + ANSWER_TOKENS * 10) / 1e6) < 1e-12);
    assertBilled(only(after), hand, after.events);
    assertBilled(only(before), hand, before.events);
    assert.ok(only(before).time.startsWith('2026-08-15'), 'the record carries the request time');
  });

  test('anthropic: an unknown model is "unknown" (null), never $0, and is labelled in the panel and the status bar', async () => {
    const r = await run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-mystery-9' }, anthropic: { usage: { input: 500, cacheWrite: 0, cacheRead: 0 } } });
    const rec = only(r);
    assert.equal(rec.status, 'ok');
    assert.equal(rec.costUsd, null);
    assert.equal(refModel('anthropic', 'claude-mystery-9'), undefined, 'the reference does not know it either');
    const done = r.events.find((e): e is Extract<AskEvent, { type: 'done' }> => e.type === 'done')!;
    assert.equal(formatUsd(done.footer.costUsd), 'unknown price');
    const m = new SpendModel();
    m.add(rec);
    const s = m.snapshot(new Date(NOW));
    assert.equal(s.today.unknownPriceRequests, 1);
    assert.equal(s.today.cloudUsd, 0);
    const view = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: s.today.cloudUsd, monthUsd: s.month.cloudUsd, unknownPriceRequests: s.month.unknownPriceRequests });
    assert.match(view.tooltip, /1 cloud request with unknown price/);
  });

  test('anthropic: hybrid.pricing override replaces a table model, dated variants included', async () => {
    const pricing = { 'claude-sonnet-4-6': { input: 4, output: 20, cacheRead: 0.4, cacheWrite: 5, cacheWrite1h: 8 } };
    const r = await run({
      settings: { ...sonnet, pricing },
      anthropic: { servedModel: 'claude-sonnet-4-6-20260301', usage: { input: 1000, cacheWrite: 2000, cacheWrite1h: 500, cacheRead: 3000 } },
    });
    assertBilled(only(r), (1000 * 4 + 1500 * 5 + 500 * 8 + 3000 * 0.4 + ANSWER_TOKENS * 20) / 1e6, r.events);
  });

  test('anthropic: hybrid.pricing prices a model the table does not know', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-internal-gateway', pricing: { 'claude-internal-gateway': { input: 1.5, output: 7.5 } } },
      anthropic: { usage: { input: 2222, cacheWrite: 0, cacheRead: 1000 } },
    });
    // No cache-read price was given: reads are charged at the input price, never at $0.
    assertBilled(only(r), (2222 * 1.5 + 1000 * 1.5 + ANSWER_TOKENS * 7.5) / 1e6, r.events);
  });

  test('anthropic: 429 then success after the SDK retry is one request, one bill', async () => {
    const r = await run({
      settings: sonnet,
      anthropic: { status: { code: 429, type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit' }, statusTimes: 1, retryAfter: 0, usage: { input: 640, cacheWrite: 0, cacheRead: 0 } },
    });
    assert.equal(anthropic.seen.length, 2, 'the SDK retried once');
    const rec = only(r);
    assert.equal(rec.status, 'ok');
    assertBilled(rec, handBill('anthropic', 'claude-sonnet-4-6', { input: 640, output: ANSWER_TOKENS }), r.events);
  });

  test('anthropic: 401 bills $0 (rejected before the model ran), not an estimate', async () => {
    const r = await run({ settings: sonnet, anthropic: { status: { code: 401, type: 'authentication_error', message: 'invalid x-api-key' } } });
    const rec = only(r);
    assert.equal(rec.status, 'failed');
    assert.equal(rec.costUsd, 0);
    assert.deepEqual([rec.tokens.input, rec.tokens.output], [0, 0]);
    handTotals.set(rec.id, 0);
  });

  test('anthropic: overloaded mid-answer (5xx in the stream) → cloud billed for what ran, labelled; local fallback linked', async () => {
    const r = await run({ settings: sonnet, anthropic: { usage: { input: 900, cacheWrite: 0, cacheRead: 2000 }, overloadedAfter: 4 } });
    assert.deepEqual(r.records.map((x) => [x.route, x.status]), [['cloud', 'failed'], ['local', 'ok']]);
    const [cloud, local] = r.records as [LedgerRecord, LedgerRecord];
    assert.equal(local.attemptOf, cloud.id, 'the fallback names the attempt it replaces');
    // message_start's counts are final for the input side; the output had not been reported yet.
    assert.equal(cloud.tokens.input, 900);
    assert.equal(cloud.tokens.cacheRead, 2000);
    assert.equal(cloud.tokens.source, 'estimate', 'the output count is an estimate and says so');
    const streamedCloud = words(ANSWER).slice(0, 4).join('');
    assert.ok(cloud.tokens.output >= Math.ceil(streamedCloud.length / 4), `output ${cloud.tokens.output} covers the ${streamedCloud.length} characters streamed`);
    assertBilled(cloud, handBill('anthropic', 'claude-sonnet-4-6', { input: 900, read: 2000, output: cloud.tokens.output }));
    assert.equal(local.costUsd, 0);
    handTotals.set(local.id, 0);
  });

  test('anthropic: Stop pressed mid-answer → input as reported, output estimated from the text streamed, labelled', async () => {
    const r = await run({ settings: sonnet, anthropic: { usage: { input: 1500, cacheWrite: 0, cacheRead: 0 }, delivery: slow }, stopAfter: 3 });
    const rec = only(r);
    assert.equal(rec.status, 'cancelled');
    assert.equal(rec.tokens.input, 1500);
    assert.equal(rec.tokens.source, 'estimate');
    assert.ok(rec.tokens.output >= Math.ceil(r.streamed.length / 4), `output ${rec.tokens.output} for ${r.streamed.length} characters`);
    assertBilled(rec, handBill('anthropic', 'claude-sonnet-4-6', { input: 1500, output: rec.tokens.output }), r.events);
  });

  test('anthropic: no API key → nothing sent, $0', async () => {
    // The key was cleared after the router last saw it: the attempt itself finds none.
    const r = await run({ settings: sonnet, noKey: true, health: { local: 'ready', cloud: 'ready' } });
    const rec = only(r);
    assert.equal(anthropic.seen.length, 0);
    assert.equal(rec.costUsd, 0);
    assert.equal(rec.outcome, 'auth');
    handTotals.set(rec.id, 0);
  });

  test('anthropic: a private key in the question is never sent and costs $0', async () => {
    const pem = ['-----BEGIN RSA PRIVATE KEY-----', randomBytes(48).toString('base64'), randomBytes(48).toString('base64'), '-----END RSA PRIVATE KEY-----'].join('\n');
    const r = await run({ settings: { ...sonnet, 'privacy.onCloudFindings': 'block' }, input: { question: `Why does this fail?\n${pem}` } });
    assert.equal(anthropic.seen.length, 0, 'nothing reached the cloud');
    for (const rec of r.records) {
      if (rec.route === 'cloud') { assert.equal(rec.costUsd, 0); handTotals.set(rec.id, 0); }
    }
    assert.ok(r.records.length >= 1);
  });

  test('refused (private ask, local offline): one $0 record, nothing sent', async () => {
    const r = await run({ settings: sonnet, input: { origin: 'askPrivate' }, health: { local: 'offline', cloud: 'ready' } });
    const rec = only(r);
    assert.equal(rec.route, 'refuse');
    assert.equal(rec.costUsd, 0);
    assert.equal(anthropic.seen.length + ollama.seen.length, 0);
  });

  // --- OpenAI ---------------------------------------------------------------------------------------------------
  const gpt41 = { 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1' } as const;

  test('openai: gpt-4.1 answered as gpt-4.1-2025-04-14, prompt_tokens include cached_tokens', async () => {
    const r = await run({ settings: gpt41, openai: { usage: { prompt: 3000, cached: 2048, reasoning: 0 } } });
    const rec = only(r);
    assert.equal(rec.model, 'gpt-4.1-2025-04-14');
    assertBilled(rec, handBill('openai', 'gpt-4.1-2025-04-14', { input: 952, read: 2048, output: ANSWER_TOKENS }), r.events);
  });

  test('openai: reasoning tokens are inside completion_tokens and billed once', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-5-mini' },
      openai: { servedModel: 'gpt-5-mini-2025-08-07', usage: { prompt: 1200, cached: 0, reasoning: 640 } },
    });
    const rec = only(r);
    assert.equal(rec.tokens.output, ANSWER_TOKENS + 640);
    assertBilled(rec, handBill('openai', 'gpt-5-mini-2025-08-07', { input: 1200, output: ANSWER_TOKENS + 640 }), r.events);
  });

  test('openai: o3-mini with cached and reasoning tokens', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'openai', 'cloud.model': 'o3-mini' },
      openai: { servedModel: 'o3-mini-2025-01-31', usage: { prompt: 5000, cached: 1280, reasoning: 1024 } },
    });
    assertBilled(only(r), handBill('openai', 'o3-mini-2025-01-31', { input: 3720, read: 1280, output: ANSWER_TOKENS + 1024 }), r.events);
  });

  test('openai: GPT-5.4 above 272k prompt tokens bills every kind at the tier', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-5.4' },
      openai: { servedModel: 'gpt-5.4-2026-03-05', usage: { prompt: 300_000, cached: 100_000, reasoning: 0 } },
    });
    const hand = handBill('openai', 'gpt-5.4-2026-03-05', { input: 200_000, read: 100_000, output: ANSWER_TOKENS });
    assert.ok(Math.abs(hand - (200_000 * 5 + 100_000 * 0.5 + ANSWER_TOKENS * 22.5) / 1e6) < 1e-12);
    assertBilled(only(r), hand, r.events);
  });

  test('openai: GPT-5.6 Sol cache writes (prompt_tokens_details.cache_write_tokens)', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-5.6-sol' },
      openai: { servedModel: 'gpt-5.6-sol-2026-08-02', usage: { prompt: 4020, cached: 0, cacheWrite: 4012, reasoning: 0 } },
    });
    assertBilled(only(r), handBill('openai', 'gpt-5.6-sol-2026-08-02', { input: 8, write5m: 4012, output: ANSWER_TOKENS }), r.events);
  });

  test('openai: gpt-4o answered as gpt-4o-2024-08-06', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-4o' },
      openai: { servedModel: 'gpt-4o-2024-08-06', usage: { prompt: 2500, cached: 1152, reasoning: 0 } },
    });
    assertBilled(only(r), handBill('openai', 'gpt-4o-2024-08-06', { input: 1348, read: 1152, output: ANSWER_TOKENS }), r.events);
  });

  test('openai: a dated snapshot newer than the table is billed at its alias\'s price, not "unknown"', async () => {
    const r = await run({
      settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1-mini' },
      openai: { servedModel: 'gpt-4.1-mini-2026-10-01', usage: { prompt: 1000, cached: 0, reasoning: 0 } },
    });
    const rec = only(r);
    assert.equal(rec.model, 'gpt-4.1-mini-2026-10-01', 'the record names the model that answered');
    assert.equal(refModel('openai', 'gpt-4.1-mini-2026-10-01'), undefined);
    assertBilled(rec, handBill('openai', 'gpt-4.1-mini', { input: 1000, output: ANSWER_TOKENS }), r.events);
  });

  test('openai: 429 then success after the SDK retry is one bill', async () => {
    const r = await run({
      settings: gpt41,
      openai: { status: { code: 429, type: 'requests', code_: 'rate_limit_exceeded', message: 'Rate limit reached for requests.' }, statusTimes: 1, retryAfter: 0, usage: { prompt: 800, cached: 0, reasoning: 0 } },
    });
    assert.equal(openai.seen.length, 2);
    assertBilled(only(r), handBill('openai', 'gpt-4.1-2025-04-14', { input: 800, output: ANSWER_TOKENS }), r.events);
  });

  test('openai: insufficient_quota 429 → $0 for the cloud, answered locally (linked)', async () => {
    const r = await run({
      settings: gpt41,
      openai: { status: { code: 429, type: 'insufficient_quota', code_: 'insufficient_quota', message: 'You exceeded your current quota, please check your plan and billing details.' } },
    });
    const cloud = r.records.find((x) => x.route === 'cloud')!;
    assert.equal(cloud.costUsd, 0);
    assert.equal(openai.seen.length, 1, 'never retried');
    handTotals.set(cloud.id, 0);
    for (const x of r.records.filter((y) => y.route === 'local')) assert.equal(x.attemptOf, cloud.id);
  });

  test('openai: Stop pressed mid-answer (no usage chunk yet) → estimate, labelled', async () => {
    const r = await run({ settings: gpt41, openai: { usage: { prompt: 800, cached: 0, reasoning: 0 }, delivery: slow }, stopAfter: 3 });
    const rec = only(r);
    assert.equal(rec.status, 'cancelled');
    assert.equal(rec.tokens.source, 'estimate');
    assert.ok(rec.tokens.input > 0 && rec.tokens.output >= Math.ceil(r.streamed.length / 4));
    assertBilled(rec, handBill('openai', rec.model, { input: rec.tokens.input, output: rec.tokens.output }), r.events);
  });

  test('openai: server error mid-stream → labelled estimate, then the local fallback', async () => {
    const r = await run({ settings: gpt41, openai: { usage: { prompt: 800, cached: 0, reasoning: 0 }, errorAfter: 3 } });
    const cloud = r.records[0]!;
    assert.equal(cloud.route, 'cloud');
    assert.equal(cloud.status, 'failed');
    assert.equal(cloud.tokens.source, 'estimate');
    assertBilled(cloud, handBill('openai', cloud.model, { input: cloud.tokens.input, output: cloud.tokens.output }));
    assert.deepEqual(r.records.slice(1).map((x) => [x.route, x.attemptOf]), [['local', cloud.id]]);
  });

  test('openai: a model refusal (delta.refusal) is a generated answer, billed from its usage', async () => {
    const refusal = "I'm sorry, I can't help with that.";
    const r = await run({ settings: gpt41, openai: { refusal: true, answer: refusal, usage: { prompt: 700, cached: 0, reasoning: 0 } } });
    const rec = only(r);
    assert.equal(r.streamed, refusal);
    assertBilled(rec, handBill('openai', 'gpt-4.1-2025-04-14', { input: 700, output: words(refusal).length }), r.events);
  });

  test('anthropic: stop_reason refusal and max_tokens answers are billed from message_delta like any other', async () => {
    for (const stopReason of ['refusal', 'max_tokens'] as const) {
      const r = await run({ settings: sonnet, anthropic: { stopReason, usage: { input: 480, cacheWrite: 0, cacheRead: 0 } } });
      assertBilled(only(r), handBill('anthropic', 'claude-sonnet-4-6', { input: 480, output: ANSWER_TOKENS }), r.events);
    }
  });

  // --- Local, fallbacks, escalation ------------------------------------------------------------------------------

  test('local: $0 in tokens; cloud-equivalent priced by hand on hybrid.cloud.model', async () => {
    const r = await run({ settings: sonnet, input: { origin: 'askPrivate' }, ollama: { promptEvalCount: 4321 } });
    const rec = only(r);
    assert.equal(rec.route, 'local');
    assert.equal(rec.costUsd, 0);
    assert.deepEqual([rec.tokens.input, rec.tokens.output], [4321, ANSWER_TOKENS]);
    const eq = handBill('anthropic', 'claude-sonnet-4-6', { input: 4321, output: ANSWER_TOKENS });
    assert.ok(Math.abs((rec.cloudEquivalentUsd ?? NaN) - eq) < 1e-12, `${rec.cloudEquivalentUsd} ≠ ${eq}`);
  });

  test('local: hybrid.local.costPerHour × inference time', async () => {
    const r = await run({ settings: { ...sonnet, 'local.costPerHour': 0.9 }, input: { origin: 'askPrivate' }, ollama: { promptEvalCount: 100, delivery: slow } });
    const rec = only(r);
    assert.ok(rec.totalMs > 0);
    assert.ok(Math.abs((rec.costUsd ?? NaN) - 0.9 * rec.totalMs / 3_600_000) < 1e-15);
  });

  test('local → cloud fallback (Ollama down): two linked records, only the cloud one billed', async () => {
    const r = await run({
      settings: { ...sonnet, 'fallback.localToCloud': true, 'cloud.lightModel': '' },
      localUrl: `http://127.0.0.1:${await closedPort()}`, input: { origin: 'askAuto' },
      anthropic: { usage: { input: 333, cacheWrite: 0, cacheRead: 0 } },
    });
    assert.deepEqual(r.records.map((x) => [x.route, x.status]), [['local', 'failed'], ['cloud', 'ok']]);
    const [local, cloud] = r.records as [LedgerRecord, LedgerRecord];
    assert.equal(cloud.attemptOf, local.id);
    assert.equal(local.costUsd, 0);
    assertBilled(cloud, handBill('anthropic', cloud.model, { input: 333, output: ANSWER_TOKENS }), r.events);
  });

  test('escalation: an unsure local answer escalates to the light tier; the cloud record is linked by escalatedFrom', async () => {
    const r = await run({
      settings: { ...sonnet, 'routing.escalation': 'auto', 'routing.localBelow': 0, 'routing.complexityThreshold': 1.01 },
      input: { origin: 'askAuto', question: 'How should I structure the retry logic in this fetch wrapper?' },
      ollama: { answer: "I'm not sure, but maybe the cache key is stale.", promptEvalCount: 250 },
      anthropic: { servedModel: 'claude-haiku-4-5-20251001', usage: { input: 260, cacheWrite: 0, cacheRead: 0 } },
    });
    assert.deepEqual(r.records.map((x) => x.route), ['local', 'cloud']);
    const [local, cloud] = r.records as [LedgerRecord, LedgerRecord];
    assert.equal(local.costUsd, 0);
    assert.equal(cloud.escalatedFrom, local.id);
    assert.equal((anthropic.seen[0]!.json as { model: string }).model, 'claude-haiku-4-5', 'the light tier was asked');
    const hand = handBill('anthropic', 'claude-haiku-4-5-20251001', { input: 260, output: ANSWER_TOKENS });
    assertBilled(cloud, hand);
    // The escalated local answer saved nothing: all-cloud would have made only the cloud request — and all-cloud
    // means hybrid.cloud.model answers it, not the light tier (docs/spend.md, counterfactuals).
    assert.ok((local.cloudEquivalentUsd ?? 0) > 0);
    const allCloud = handBill('anthropic', sonnet['cloud.model'] as string, { input: 260, output: ANSWER_TOKENS });
    const m = new SpendModel();
    m.add(local);
    m.add(cloud);
    const month = m.snapshot(new Date(NOW)).month;
    assert.ok(allCloud > hand);
    assert.ok(Math.abs(month.wouldHaveSpentUsd - allCloud) < 1e-12, `would have spent ${month.wouldHaveSpentUsd} ≠ ${allCloud}`);
    assert.ok(Math.abs(month.savedUsd - (allCloud - hand)) < 1e-12, `saved ${month.savedUsd}`);
    assert.ok(Math.abs(month.localCloudEquivalentUsd) < 1e-12);
  });

  test('escalation: manual "Ask the cloud" on a local answer goes to the frontier model, linked', async () => {
    const first = await run({ settings: sonnet, input: { origin: 'askPrivate' }, ollama: { promptEvalCount: 250 } });
    const local = only(first);
    const second = await run({
      settings: sonnet, input: { origin: 'askAuto', escalateFrom: { id: local.id, band: 'middle' } },
      anthropic: { usage: { input: 270, cacheWrite: 0, cacheRead: 1024 } },
    });
    const cloud = only(second);
    assert.equal(cloud.escalatedFrom, local.id);
    assertBilled(cloud, handBill('anthropic', 'claude-sonnet-4-6', { input: 270, read: 1024, output: ANSWER_TOKENS }), second.events);
  });

  test('anthropic: 529 overloaded on every try (SDK retries exhausted) → $0 cloud record, local fallback', async () => {
    const r = await run({ settings: sonnet, anthropic: { status: { code: 529, type: 'overloaded_error', message: 'Overloaded' }, retryAfter: 0 } });
    assert.equal(anthropic.seen.length, 3, 'the SDK tried three times');
    const cloud = r.records[0]!;
    assert.deepEqual([cloud.route, cloud.status, cloud.costUsd], ['cloud', 'failed', 0], 'an error answer is not a generation');
    handTotals.set(cloud.id, 0);
    assert.deepEqual(r.records.slice(1).map((x) => [x.route, x.attemptOf]), [['local', cloud.id]]);
  });

  test('anthropic: connection refused (never reached the API) → $0 cloud record', async () => {
    const saved = urls.anthropic;
    urls.anthropic = `http://127.0.0.1:${await closedPort()}`;
    try {
      const r = await run({ settings: sonnet });
      const cloud = r.records[0]!;
      assert.deepEqual([cloud.route, cloud.status, cloud.outcome, cloud.costUsd], ['cloud', 'failed', 'connection', 0]);
      handTotals.set(cloud.id, 0);
    } finally {
      urls.anthropic = saved;
    }
  });

  test('openai: 500 on every try → $0, not an estimate', async () => {
    const r = await run({ settings: gpt41, openai: { status: { code: 500, type: 'server_error', code_: null, message: 'The server had an error while processing your request.' }, retryAfter: 0 } });
    const cloud = r.records[0]!;
    assert.deepEqual([cloud.route, cloud.status, cloud.costUsd], ['cloud', 'failed', 0]);
    assert.equal(cloud.tokens.input, 0);
    handTotals.set(cloud.id, 0);
  });

  // --- The bundled table against the reference ----------------------------------------------------------------

  test('every name the reference matches (ids, exact names, prefixes with a date suffix) prices as the reference does', () => {
    const namesOf = (r: Rule): string[] => ('or' in r ? r.or.flatMap(namesOf) : 'equals' in r ? [r.equals]
      : 'starts_with' in r ? [r.starts_with, `${r.starts_with}-20990101`] : 'contains' in r ? [`x${r.contains}y`] : []);
    const usages: Bill[] = [
      { input: 1000, output: 100 }, { input: 1000, output: 100, read: 5000, write5m: 700, write1h: 300 },
      { input: 250_000, output: 100, read: 30_000 },
    ];
    let checked = 0;
    for (const provider of ['anthropic', 'openai'] as const) {
      for (const m of REF.providers[provider]!) {
        if (m.prices.input_mtok === undefined || m.prices.output_mtok === undefined) continue; // embeddings: not in the table
        for (const name of [m.id, ...namesOf(m.match)]) {
          if (!refModel(provider, name)) continue;
          for (const b of usages) {
            const ours = requestCost({ route: 'cloud', model: name, totalMs: 1, costPerHour: 0, cloudModel: name,
              usage: { input: b.input, output: b.output, cacheRead: b.read ?? 0, cacheWrite: b.write5m ?? 0, cacheWrite1h: b.write1h, source: 'provider' } }).costUsd;
            const hand = handBill(provider, name, b);
            assert.ok(ours !== null && Math.abs(ours - hand) < 1e-9, `${name}: ours ${ours} ≠ reference ${hand}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 1000, `${checked} name × usage checks`);
  });

  // --- Totals ---------------------------------------------------------------------------------------------------

  test('totals: spend model day and month, the ledger on disk and the status bar agree with Σ hand bills', async () => {
    const today = all.filter((r) => r.time.startsWith('2026-11-29'));
    const cloudToday = today.filter((r) => r.route === 'cloud' && r.costUsd !== null);
    for (const r of cloudToday) assert.ok(handTotals.has(r.id), `cloud record ${r.model}/${r.status} was hand-billed`);
    const handToday = cloudToday.reduce((s, r) => s + handTotals.get(r.id)!, 0);
    assert.ok(cloudToday.length >= 25, `${cloudToday.length} cloud bills today`);

    const model = new SpendModel();
    for (const r of all) model.add(r);
    const snap = model.snapshot(new Date(NOW));
    assert.ok(Math.abs(snap.today.cloudUsd - handToday) < 1e-9, `today ${snap.today.cloudUsd} ≠ Σ hand ${handToday}`);
    const handMonth = all.filter((r) => r.time.startsWith('2026-11') && r.route === 'cloud' && r.costUsd !== null).reduce((s, r) => s + handTotals.get(r.id)!, 0);
    assert.ok(Math.abs(snap.month.cloudUsd - handMonth) < 1e-9);
    const day = snap.days.find((d) => d.day === '2026-11-29')!;
    assert.ok(Math.abs(day.cloudUsd - handToday) < 1e-9);
    assert.equal(snap.today.unknownPriceRequests, all.filter((r) => r.route === 'cloud' && r.costUsd === null && r.time.startsWith('2026-11-29')).length);

    // The ledger (the export's source) round-trips every cost exactly.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hand-bills-'));
    try {
      const ledger = await Ledger.open(dir);
      for (const r of all) assert.equal((await ledger.append(r)).written, true);
      const loaded = await ledger.load();
      await ledger.close();
      const byId = new Map(loaded.records.map((r) => [r.id, r]));
      for (const r of all) assert.equal(byId.get(r.id)?.costUsd, r.costUsd, `ledger line of ${r.id}`);
      const diskToday = loaded.records.filter((r) => r.route === 'cloud' && r.costUsd !== null && r.time.startsWith('2026-11-29')).reduce((s, r) => s + r.costUsd!, 0);
      assert.ok(Math.abs(diskToday - handToday) < 1e-9);

      // The exports the panel writes, from the records read back from disk.
      const table = withOverrides(BUNDLED_PRICES, {});
      const [header, ...rows] = parseCsv(ledgerCsv(loaded.records, table));
      const col = (name: string) => header!.indexOf(name);
      const csvToday = rows.filter((c) => c[col('route')] === 'cloud' && c[col('time')]!.startsWith('2026-11-29') && c[col('costUsd')] !== '')
        .reduce((s, c) => s + Number(c[col('costUsd')]), 0);
      assert.equal(rows.length, all.length);
      assert.ok(Math.abs(csvToday - handToday) < 1e-9, `CSV ${csvToday} ≠ Σ hand ${handToday}`);
      assert.equal(rows.filter((c) => c[col('route')] === 'cloud' && c[col('costUsd')] === '').length,
        all.filter((r) => r.route === 'cloud' && r.costUsd === null).length, 'unknown prices export as empty, not 0');
      const json = JSON.parse(ledgerJson(loaded.records, table)) as LedgerRecord[];
      const jsonToday = json.filter((r) => r.route === 'cloud' && r.costUsd !== null && r.time.startsWith('2026-11-29')).reduce((s, r) => s + r.costUsd!, 0);
      assert.ok(Math.abs(jsonToday - handToday) < 1e-9, `JSON ${jsonToday} ≠ Σ hand ${handToday}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // Rounded once, at display: the status bar shows Σ hand bills formatted.
    const view = statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: snap.today.cloudUsd, monthUsd: snap.month.cloudUsd,
      last: { route: 'cloud', totalMs: 1200, model: 'claude-sonnet-4-6', status: 'ok' } });
    assert.match(view.text, new RegExp(`\\${formatUsd(handToday)} today`));
    assert.match(view.tooltip, new RegExp(`\\${formatUsd(handToday)} today, \\${formatUsd(handMonth)} this month`));
  });
});
