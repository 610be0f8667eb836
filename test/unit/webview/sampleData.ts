// Sample messages for the webview preview and the renderer tests: a spend snapshot with 30 days of data and
// a chat thread with a streamed answer, a code block and error cards. Deterministic (seeded), no real secrets.

import type { AskEventView, ChatStatus, FooterView, TurnView } from '../../../src/shared/protocol/chat';
import type { DayPointView, PeriodTotalsView, RecentView, SpendPanelSnapshot } from '../../../src/shared/protocol/spend';
import { computeTco } from '../../../src/core/spend/tco';

function rng(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff; };
}

function totals(local: number, cloud: number, cloudUsd: number, localUsd: number, saved: number): PeriodTotalsView {
  return {
    requests: local + cloud, localRequests: local, cloudRequests: cloud, refusedRequests: 0,
    cloudUsd, localUsd, spentUsd: cloudUsd + localUsd, wouldHaveSpentUsd: cloudUsd + localUsd + saved, savedUsd: saved,
    unknownPriceRequests: cloud > 3 ? 1 : 0, localWithoutCloudPrice: 0, estimatedTokenRequests: Math.round(local / 3), estimatedCostRequests: cloud > 2 ? 1 : 0,
    tokens: { input: (local + cloud) * 2100, output: (local + cloud) * 380, cacheRead: cloud * 900, cacheWrite: cloud * 120 },
    // Sonnet prices: each read saves $3 − $0.30, each 5-minute write costs $3.75 − $3 extra (per million).
    cacheSavedUsd: (cloud * 900 * 2.7 - cloud * 120 * 0.75) / 1e6,
    localTokens: local * 2480, localCloudEquivalentUsd: saved + localUsd, localMs: local * 2600,
    localDownCloudRequests: cloud > 2 ? 1 : 0, localDownCloudUsd: cloud > 2 ? 0.0021 : 0, overflowCloudRequests: 0, overflowCloudUsd: 0,
    status: { ok: local + cloud - 2, failed: 1, cancelled: 1 },
  };
}

export function sampleSpend(now = new Date('2026-11-22T13:00:00Z'), empty = false): SpendPanelSnapshot {
  const r = rng(7);
  const days: DayPointView[] = [];
  let mLocal = 0, mCloud = 0, mCloudUsd = 0, mLocalUsd = 0, mSaved = 0;
  for (let i = 29; i >= 0; i--) {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - i, 12);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const weekend = d.getDay() === 0 || d.getDay() === 6;
    const localRequests = empty ? 0 : Math.round((weekend ? 4 : 40) * r());
    const cloudRequests = empty ? 0 : Math.round((weekend ? 1 : 9) * r());
    const cloudUsd = cloudRequests * (0.01 + 0.05 * r());
    const localUsd = localRequests * 0.0008;
    const savedUsd = localRequests * 0.006;
    days.push({ day, cloudUsd, localUsd, savedUsd, requests: localRequests + cloudRequests, localRequests, cloudRequests });
    if (d.getMonth() === now.getMonth()) { mLocal += localRequests; mCloud += cloudRequests; mCloudUsd += cloudUsd; mLocalUsd += localUsd; mSaved += savedUsd; }
  }
  const last = days[days.length - 1];
  const today = totals(last.localRequests ?? 0, last.cloudRequests ?? 0, last.cloudUsd, last.localUsd, last.savedUsd);
  const month = totals(mLocal, mCloud, mCloudUsd, mLocalUsd, mSaved);
  const allTime = totals(mLocal * 3, mCloud * 3, mCloudUsd * 3.2, mLocalUsd * 3, mSaved * 3);
  const recent: RecentView[] = empty ? [] : [
    rec('r1', '2026-11-22T12:58:10Z', 'ask', 'askAuto', 'cloud', 'anthropic', 'claude-sonnet-4-5', 0.0412, 5210, 812, 'provider', 690, 7400,
      ['architecture question', 'no sensitive findings'], { email: 1 }),
    rec('r2', '2026-11-22T12:51:43Z', 'completion', 'inline', 'local', 'ollama', 'qwen2.5-coder:1.5b', 0, 610, 24, 'estimate', 95, 240,
      ['inline completion is always local']),
    rec('r3', '2026-11-22T12:40:02Z', 'review', 'review', 'local', 'ollama', 'qwen2.5-coder:7b', 0.0006, 3120, 640, 'provider', 410, 9100,
      ['Review Selection (private) always runs locally']),
    rec('r4', '2026-11-22T11:12:19Z', 'ask', 'askCloud', 'cloud', 'openai-compatible', 'my-custom-model', null, 1800, 300, 'estimate', 800, 3300,
      ['Ask (cloud)'], { 'aws-access-key-id': 1 }),
    { ...rec('r5', '2026-11-21T18:02:55Z', 'ask', 'askPrivate', 'local', 'ollama', 'qwen2.5-coder:7b', 0, 900, 0, 'estimate', null, 30000,
      ['Ask (private)']), status: 'failed', outcome: 'timeout' },
  ];
  return {
    generatedAt: now.toISOString(), today, month, allTime,
    byModel: empty ? [] : [
      { key: 'claude-sonnet-4-5', ...totals(0, Math.round(mCloud * 0.7), mCloudUsd * 0.8, 0, 0) },
      { key: 'gpt-4.1-mini', ...totals(0, Math.round(mCloud * 0.3), mCloudUsd * 0.2, 0, 0) },
      { key: 'qwen2.5-coder:7b', ...totals(Math.round(mLocal * 0.4), 0, 0, mLocalUsd * 0.4, mSaved * 0.4) },
      { key: 'qwen2.5-coder:1.5b', ...totals(Math.round(mLocal * 0.6), 0, 0, mLocalUsd * 0.6, mSaved * 0.6) },
    ],
    byRoute: [], byKind: [],
    days,
    latency: [
      { route: 'local', count: empty ? 0 : mLocal, p50Ms: empty ? null : 240, p95Ms: empty ? null : 1900, ttftP50Ms: empty ? null : 95, ttftP95Ms: empty ? null : 420 },
      { route: 'cloud', count: empty ? 0 : mCloud, p50Ms: empty ? null : 5200, p95Ms: empty ? null : 14100, ttftP50Ms: empty ? null : 690, ttftP95Ms: empty ? null : 1500 },
    ],
    recent,
    firstRecordTime: empty ? null : '2026-09-02T08:14:00Z',
    budget: { level: empty ? 'none' : 'near', spentTodayUsd: today.spentUsd, spentMonthUsd: month.spentUsd, dailyUsd: 0, monthlyUsd: empty ? 0 : 3 },
    priceTableDate: '2026-08-02',
    cloudModel: 'claude-sonnet-4-5',
    tco: computeTco(month, { hardwareUsd: 1600, amortizationMonths: 36, watts: 250, usdPerKwh: 0.3, costPerHour: 0, hoursOnPerDay: 0, idleWatts: 0 }, now, 'claude-sonnet-4-5'),
  };
}

function rec(id: string, time: string, kind: string, origin: string, route: 'local' | 'cloud', provider: string, model: string,
  costUsd: number | null, input: number, output: number, source: 'provider' | 'estimate', ttftMs: number | null, totalMs: number,
  reasons: string[], redactions?: Record<string, number>): RecentView {
  return { id, time, kind, origin, route, provider, model, costUsd, ttftMs, totalMs, status: 'ok', reasons, redactions,
    tokens: { input, output, cacheRead: 0, cacheWrite: 0, source } };
}

export const sampleStatus: ChatStatus = {
  localHealth: 'offline', localModel: 'qwen2.5-coder:1.5b', cloudProvider: 'anthropic', cloudKeySet: false, demo: true,
};

const footer = (over: Partial<FooterView>): FooterView => ({
  route: 'cloud', provider: 'anthropic', model: 'claude-sonnet-4-5', reasons: [], redactions: {},
  usage: { input: 5210, output: 812, cacheRead: 0, cacheWrite: 0, source: 'provider' },
  costUsd: 0.0412, ttftMs: 690, totalMs: 7400, notes: [], ...over,
});

export const sampleAnswer = [
  'The cache sits **between** the router and the providers, so a repeated prompt never reaches the network.',
  '',
  '### Why it is keyed this way',
  '',
  '- The key is a hash of the *final* body, after redaction',
  '- Entries expire after `ttlMs`; see [the docs](https://example.com/docs/cache)',
  '- A `<script>alert(1)</script>` in model output stays text, and [this](javascript:alert(1)) is not a link',
  '',
  '```ts',
  'export function cacheKey(body: ChatBody): string {',
  '  return createHash(\'sha256\').update(JSON.stringify(body)).digest(\'hex\');',
  '}',
  '```',
  '',
  '1. Hash the body',
  '2. Look it up before `provider.stream()`',
  '',
  '| Option | Hit rate | Memory |',
  '|---|---:|---:|',
  '| LRU 500 | 41% | 2 MB |',
  '| LRU 5000 | 58% | 19 MB |',
].join('\n');

/** Events for one cloud answer, the answer split into small deltas as a stream would deliver it. */
export function sampleCloudEvents(): AskEventView[] {
  const deltas: AskEventView[] = [];
  for (let i = 0; i < sampleAnswer.length; i += 17) deltas.push({ type: 'delta', text: sampleAnswer.slice(i, i + 17) });
  return [
    { type: 'route', route: 'cloud', origin: 'askAuto', model: 'claude-sonnet-4-5', provider: 'anthropic',
      reasons: ['architecture question (design, trade-offs)', 'no private paths'],
      context: [{ path: 'src/core/cache.ts', startLine: 12, endLine: 48, trimmed: false }],
      redactions: { email: 1 }, estimatedCostUsd: 0.038 },
    ...deltas,
    { type: 'notice', text: 'Thread history (2 turns) passed the privacy gate again before sending.' },
    { type: 'done', status: 'ok', footer: footer({ reasons: ['architecture question (design, trade-offs)'], redactions: { email: 1 } }) },
  ];
}

export function sampleTurns(): TurnView[] {
  return [
    {
      id: 't-err1', question: 'Explain the retry loop in fetchWithBackoff', mode: 'cloud', text: '', notices: [], status: 'failed',
      route: { type: 'route', route: 'cloud', origin: 'askCloud', model: 'claude-sonnet-4-5', provider: 'anthropic', reasons: ['Ask (cloud)'],
        context: [{ path: 'src/net/fetch.ts', startLine: 1, endLine: 80, trimmed: true }], redactions: {}, estimatedCostUsd: 0.012 },
      error: { message: 'No Anthropic API key is set. Set one with "Hybrid: Set API Key", or retry on the local model.',
        fixes: ['setApiKey', 'retryLocal', 'openSettings'], failure: { code: 'auth', message: 'no key', fix: 'setApiKey' } },
    },
    {
      id: 't-err2', question: 'what does this line do?', mode: 'private', text: '', notices: [], status: 'failed',
      error: { message: 'The local model qwen2.5-coder:7b is not installed in Ollama.', fixes: ['pullModel', 'retry'],
        failure: { code: 'modelMissing', message: 'missing', fix: 'pullModel', fixDetail: 'ollama pull qwen2.5-coder:7b' } },
    },
  ];
}
