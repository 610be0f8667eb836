// Cost replay: the bench/trace.ts workload replayed through the real pipeline (classifier, router, egress gate,
// price table, official SDK providers) against the loopback fakes, so the spend figures are what the user's
// routing would cost, next to all-cloud and all-local. It also proves the privacy promise on the same run: every
// body the cloud fakes received is scanned for the planted secret values, and the suite throws if one is there.
//
// Run alone: npx tsx -e "require('./bench/costReplay').run({quick:true}).then(r=>console.log(r))"

import { createAskDeps } from '../src/core/pipeline/deps';
import { runAsk } from '../src/core/pipeline/ask';
import type { AskEvent } from '../src/core/pipeline/events';
import { createPathPolicy } from '../src/core/privacy/paths';
import { createAnthropicProvider, createOllamaProvider } from '../src/core/providers';
import type { LedgerRecord, Usage } from '../src/core/request';
import { DEFAULT_SETTINGS, type HybridSettings } from '../src/core/settings';
import { BUNDLED_PRICES, priceOf } from '../src/core/spend';
import { startAll } from '../test/fakes';
import { figure } from './stats';
import { answerText, CATEGORIES, generateTrace, type Category, type TraceRequest } from './trace';
import type { BenchFigure } from './types';

export const FULL_SIZE = 2000;
export const QUICK_SIZE = 300;

export interface Outcome {
  request: TraceRequest;
  route: 'local' | 'cloud' | 'refuse';
  /** Tokens the fakes reported (zero for refusals). */
  usage: Usage;
  /** What Hybrid Assistant's ledger says this request cost (0 for completions: local at costPerHour 0). */
  hybridUsd: number;
  allCloudUsd: number;
  redacted: boolean;
  ms: number;
}

export interface ReplayResult {
  outcomes: Outcome[];
  cloudBodies: unknown[];
  leaks: Array<{ index: number; category: Category; sensitive: string }>;
}

const CLOUD_MODEL = DEFAULT_SETTINGS['cloud.model'];

export async function replay(trace: TraceRequest[]): Promise<ReplayResult> {
  const fakes = await startAll({ ports: { ollama: 0, anthropic: 0, openai: 0 } });
  try {
    const { ollama, anthropic, openai } = fakes;
    if (!ollama || !anthropic || !openai) throw new Error('cost replay: a fake did not start');
    const settings: HybridSettings = {
      ...DEFAULT_SETTINGS, 'local.baseUrl': ollama.url, 'anthropic.baseUrl': anthropic.url, 'openai.baseUrl': fakes.urls.openai ?? '',
    };
    const local = createOllamaProvider({ baseUrl: ollama.url, numCtx: settings['local.numCtx'], keepAlive: settings['local.keepAlive'] });
    // Not a credential: the fake accepts any key.
    const cloud = createAnthropicProvider({ baseUrl: anthropic.url, apiKey: 'bench-fake-key' });
    const records = new Map<string, LedgerRecord>();
    const deps = createAskDeps({
      settings,
      pathPolicy: createPathPolicy({ privateGlobs: [] }),
      priceTable: BUNDLED_PRICES,
      local: () => local,
      cloud: async () => cloud,
      countTokens: async (text) => Math.ceil(text.length / 4),
      budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
      health: () => ({ local: 'ready', cloud: 'ready' }),
      record: async (r) => { records.set(r.id, r); },
      confirm: async () => true,
      newId: () => `replay-${current}`,
    });
    let current = -1;
    const signal = new AbortController().signal;
    const outcomes: Outcome[] = [];

    for (const request of trace) {
      current = request.index;
      const reply = { text: answerText(request.answerTokens, request.index + 1), ttftMs: 0, perTokenMs: 0 };
      ollama.fake.setReply(reply);
      anthropic.fake.setReply(reply);
      const t0 = performance.now();
      if (request.completion) {
        const c = request.completion;
        const gen = local.complete({ model: settings['local.completionModel'], prefix: c.prefix, suffix: c.suffix, maxTokens: c.maxTokens, stop: ['\n\n\n'], temperature: 0.1 }, signal);
        let step = await gen.next();
        while (!step.done) step = await gen.next();
        const ms = performance.now() - t0;
        const result = step.value;
        if (result.finish === 'error') throw new Error(`cost replay: completion #${request.index} failed: ${result.failure?.message}`);
        outcomes.push({ request, route: 'local', usage: result.usage, hybridUsd: 0, allCloudUsd: price(result.usage), redacted: false, ms });
        continue;
      }
      const input = request.ask!;
      let route: Outcome['route'] = 'refuse';
      let redacted = false;
      let failure: string | undefined;
      for await (const e of runAsk(deps, input, signal) as AsyncGenerator<AskEvent>) {
        if (e.type === 'route') { route = e.route; redacted = Object.keys(e.redactions).length > 0; }
        if (e.type === 'error' && e.failure?.code !== 'blocked' && route !== 'refuse') failure = e.message;
      }
      const ms = performance.now() - t0;
      if (failure) throw new Error(`cost replay: request #${request.index} (${request.category}) failed: ${failure}`);
      const record = records.get(`replay-${request.index}`);
      if (!record) throw new Error(`cost replay: request #${request.index} left no ledger record`);
      // Refusals record costUsd null with no tokens: nothing was sent, so nothing was spent.
      if (record.costUsd === null && route !== 'refuse') throw new Error(`cost replay: request #${request.index} has an unknown price (${record.model})`);
      // A refused request sent nothing; all-cloud would have sent its question, context and a full answer.
      const usage = record.status === 'ok' ? record.tokens : estimatedUsage(request);
      outcomes.push({ request, route, usage, hybridUsd: record.costUsd ?? 0, allCloudUsd: price(usage), redacted, ms });
    }

    const cloudBodies = [...anthropic.fake.requests, ...openai.fake.requests].map((r) => r.body);
    return { outcomes, cloudBodies, leaks: scanForCanaries(trace, cloudBodies) };
  } finally {
    await fakes.close();
  }
}

function price(u: Usage): number {
  const p = priceOf(CLOUD_MODEL, u, BUNDLED_PRICES);
  if (p === undefined) throw new Error(`cost replay: no price for ${CLOUD_MODEL}`);
  return p;
}

function estimatedUsage(r: TraceRequest): Usage {
  const chars = (r.ask?.question.length ?? 0) + (r.ask?.context ?? []).reduce((n, c) => n + c.text.length, 0);
  return { input: Math.ceil(chars / 4), output: r.answerTokens, cacheRead: 0, cacheWrite: 0, source: 'estimate' };
}

/** Every planted value searched in every serialized cloud body; one hit is one leak. */
function scanForCanaries(trace: TraceRequest[], bodies: unknown[]): ReplayResult['leaks'] {
  const texts = bodies.map((b) => (typeof b === 'string' ? b : JSON.stringify(b)));
  const leaks: ReplayResult['leaks'] = [];
  for (const r of trace) {
    for (const value of r.canaries) {
      // JSON escapes some characters (e.g. "/" stays, but "\"" would not); search both forms.
      const escaped = JSON.stringify(value).slice(1, -1);
      if (texts.some((t) => t.includes(value) || t.includes(escaped))) {
        leaks.push({ index: r.index, category: r.category, sensitive: r.sensitive ?? 'unknown' });
        break;
      }
    }
  }
  return leaks;
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : (100 * n) / d);
const single = (name: string, unit: string, value: number, note: string, extra: Partial<BenchFigure> = {}): BenchFigure =>
  ({ ...figure(name, unit, [value]), runs: 1, note, ...extra });

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const size = quick ? QUICK_SIZE : FULL_SIZE;
  const trace = generateTrace({ size });
  const { outcomes, cloudBodies, leaks } = await replay(trace);

  const planted = trace.filter((r) => r.canaries.length > 0);
  if (leaks.length > 0) {
    const list = leaks.slice(0, 5).map((l) => `#${l.index} ${l.category}/${l.sensitive}`).join(', ');
    throw new Error(`cost replay: ${leaks.length} sensitive request(s) reached the cloud fake with their planted values: ${list}`);
  }

  const count = Object.fromEntries(CATEGORIES.map((c) => [c, outcomes.filter((o) => o.request.category === c).length])) as Record<Category, number>;
  const mix = CATEGORIES.map((c) => `${count[c]} ${c}`).join(', ');
  const allCloud = outcomes.reduce((s, o) => s + o.allCloudUsd, 0);
  const hybrid = outcomes.reduce((s, o) => s + o.hybridUsd, 0);
  const refused = outcomes.filter((o) => o.route === 'refuse').length;
  const byCategory = (key: 'allCloudUsd' | 'hybridUsd', total: number): string => CATEGORIES
    .map((c) => `${c} ${pct(outcomes.filter((o) => o.request.category === c).reduce((s, o) => s + o[key], 0), total).toFixed(0)} %`).join(', ');

  const sensitive = outcomes.filter((o) => o.request.sensitive);
  const sensitiveAuto = sensitive.filter((o) => o.request.category !== 'askCloud');
  const sensitiveAutoCloud = sensitiveAuto.filter((o) => o.route === 'cloud').length;
  const sensitiveAskCloud = sensitive.filter((o) => o.request.category === 'askCloud');
  const askCloudRedacted = sensitiveAskCloud.filter((o) => o.route === 'cloud' && o.redacted).length;
  const askCloudRefused = sensitiveAskCloud.filter((o) => o.route === 'refuse').length;
  const askCloudPlain = sensitiveAskCloud.length - askCloudRedacted - askCloudRefused;

  const arch = outcomes.filter((o) => o.request.category === 'architecture');
  const archCloud = arch.filter((o) => o.route === 'cloud').length;
  const archClean = arch.filter((o) => !o.request.sensitive);
  const archCleanCloud = archClean.filter((o) => o.route === 'cloud').length;
  const simple = outcomes.filter((o) => o.request.category === 'simple');
  const simpleLocal = simple.filter((o) => o.route === 'local').length;

  const askMs = outcomes.filter((o) => o.request.ask).map((o) => o.ms);
  const askMsFor = (route: Outcome['route']): number[] => outcomes.filter((o) => o.request.ask && o.route === route).map((o) => o.ms);
  const completionMs = outcomes.filter((o) => o.request.completion).map((o) => o.ms);
  const tokensIn = outcomes.reduce((s, o) => s + o.usage.input, 0);
  const tokensOut = outcomes.reduce((s, o) => s + o.usage.output, 0);
  const one = 'single replay of the whole trace (runs: 1)';

  return [
    single('trace size', 'requests', outcomes.length,
      `${mix}; ${sensitive.length} sensitive; ${(tokensIn / 1e6).toFixed(2)} M input + ${(tokensOut / 1e6).toFixed(2)} M output tokens (fakes' usage)`),
    single(`spend: all-cloud (${CLOUD_MODEL})`, 'USD', allCloud,
      `${one}; every request priced on ${CLOUD_MODEL} with the fakes' reported tokens (${refused} refused requests at their estimated size); by category: ${byCategory('allCloudUsd', allCloud)}`),
    single('spend: all-local', 'USD', 0, `${one}; local tokens cost $0 (hybrid.local.costPerHour = 0)`),
    single('spend: Hybrid Assistant routing', 'USD', hybrid,
      `${one}; sum of the ledger records' costUsd (completions local, $0); by category: ${byCategory('hybridUsd', hybrid)}`,
      { baseline: { name: 'all-cloud', median: allCloud }, ratio: allCloud > 0 ? hybrid / allCloud : undefined }),
    single('sensitive requests whose planted values reached the cloud', '%', pct(leaks.length, planted.length),
      `must be 0 (the suite throws otherwise): ${leaks.length} of ${planted.length} requests; ${cloudBodies.length} cloud bodies scanned for every planted value`),
    single('sensitive requests routed to the cloud (all but Ask (cloud))', '%', pct(sensitiveAutoCloud, sensitiveAuto.length),
      `${sensitiveAutoCloud} of ${sensitiveAuto.length} (completions, reviews, automatic and private asks)`),
    single('sensitive Ask (cloud) requests sent redacted', '%', pct(askCloudRedacted, sensitiveAskCloud.length),
      `${askCloudRedacted} of ${sensitiveAskCloud.length} sent with the secret/e-mail redacted; ${askCloudRefused} refused (private path or marker); ${askCloudPlain} sent unredacted`),
    single('architecture questions routed to the cloud', '%', pct(archCloud, arch.length),
      `${archCloud} of ${arch.length}; ${archCleanCloud} of ${archClean.length} without sensitive content (sensitive ones stay local)`),
    single('simple questions kept local', '%', pct(simpleLocal, simple.length), `${simpleLocal} of ${simple.length} automatic simple questions`),
    figure('pipeline overhead per Ask / review (runAsk wall time)', 'ms', askMs,
      { note: 'fakes answer instantly (ttft 0, no per-token delay): classify + route + trim + gate + SDK + loopback HTTP + ledger' }),
    figure('pipeline overhead, local route', 'ms', askMsFor('local'), { note: 'runAsk wall time of the requests answered by the Ollama fake' }),
    figure('pipeline overhead, cloud route', 'ms', askMsFor('cloud'), { note: 'runAsk wall time of the requests answered by the Anthropic fake (includes the egress gate rescan)' }),
    figure('completion request (Ollama provider FIM, wall time)', 'ms', completionMs,
      { note: 'provider.complete() against the fake Ollama, instant answer' }),
  ];
}
