// Escalation sweep: the cost-replay trace run through the product's real routing code — classify, decide (three
// bands, tiers), the confidence scorer, escalationAction / decideEscalation, the price table and the cache
// breakpoint planner — for escalation thresholds 0.5 … 0.9 with the light tier on and off. No HTTP here: token
// counts are the trace's own (≈ 4 chars a token, answers of the drawn length), so a point of the curve costs
// milliseconds. Assumptions (docs/performance.md, "Escalation sweep"):
//   - each question carries a hidden "needs frontier" label (trace.ts NEEDS_FRONTIER_SHARE);
//   - the fake local model's token stream is drawn per label: a question it can answer gets 0–12 % of tokens
//     below p = 0.3, one that needs a frontier model 20–60 %, and 5 % of those are "confidently wrong" (0–8 %);
//   - offers are accepted (the user clicks "Ask the cloud" when offered), i.e. `offer` behaves like `auto`
//     except that low-band answers go to the frontier model (a manual escalation);
//   - follow-ups: 30 % of cloud answers get one follow-up that re-sends system + context + history.
// It also writes docs/escalation-curve.svg (the cost/quality curve next to RouteLLM's published point).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { minCacheableTokens, planBreakpoints } from '../src/core/cache/breakpoints';
import { scoreConfidence, type TokenLogprob } from '../src/core/confidence';
import { classify } from '../src/core/task/classify';
import { createPathPolicy } from '../src/core/privacy/paths';
import { systemPromptFor, userMessage } from '../src/core/pipeline/prompts';
import type { Usage } from '../src/core/request';
import { decide } from '../src/core/route/decide';
import { decideEscalation, escalationAction, escalationUnavailable } from '../src/core/route/escalate';
import { cloudModelFor } from '../src/core/route/tiers';
import { DEFAULT_SETTINGS, type HybridSettings } from '../src/core/settings';
import { BUNDLED_PRICES, priceOf } from '../src/core/spend';
import { Rng } from '../test/fixtures/privacy/corpus';
import { figure } from './stats';
import { generateTrace, needsFrontierLabels, type TraceRequest } from './trace';
import type { BenchFigure } from './types';

export const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9] as const;
const FOLLOW_UP_SHARE = 0.3;
const pathPolicy = createPathPolicy({ privateGlobs: [] });
const OK_BUDGET = { level: 'none' as const, spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };
const HEALTHY = { local: 'ready' as const, cloud: 'ready' as const };

export interface Point {
  threshold: number;
  light: boolean;
  /** hybrid.routing.complexityThreshold of this point: the default 0.5, or 1.01 = every automatic Ask local first. */
  complexityThreshold: number;
  costRatio: number;
  /** Non-sensitive needs-frontier questions that ended on the frontier model. */
  frontierShare: number;
  localShare: number;
  escalations: number;
  cacheSavingUsd: number;
  cacheSavingShare: number;
  sensitiveOnWire: number;
}

function price(model: string, u: Usage): number {
  const p = priceOf(model, u, BUNDLED_PRICES);
  if (p === undefined) throw new Error(`escalation bench: no price for ${model}`);
  return p;
}

/** A local answer's token stream, drawn per label (see the header). */
export function drawTokens(rng: Rng, needsFrontier: boolean, n: number): TokenLogprob[] {
  const lowShare = needsFrontier ? (rng.next() < 0.05 ? rng.next() * 0.08 : 0.2 + rng.next() * 0.4) : rng.next() * 0.12;
  return Array.from({ length: n }, () => {
    const p = rng.next() < lowShare ? 0.02 + rng.next() * 0.27 : 0.6 + rng.next() * 0.4;
    return { token: 't', logprob: Math.log(p) };
  });
}

function usageOf(r: TraceRequest): { usage: Usage; prefixText: string } {
  if (r.completion) {
    const chars = r.completion.prefix.length + r.completion.suffix.length;
    return { usage: { input: Math.ceil(chars / 4), output: r.answerTokens, cacheRead: 0, cacheWrite: 0, source: 'estimate' }, prefixText: '' };
  }
  const a = r.ask!;
  const system = systemPromptFor(a.kind);
  const text = system + userMessage(a.question, a.context);
  return { usage: { input: Math.ceil(text.length / 4), output: r.answerTokens, cacheRead: 0, cacheWrite: 0, source: 'estimate' },
    prefixText: system + userMessage('', a.context) };
}

/** Follow-up cost on `model` with and without the planner's breakpoints (cache read 10 %, write 125 %). */
function followUp(model: string, prefixText: string, answerTokens: number): { withCache: number; without: number } {
  const prefix = Math.ceil(prefixText.length / 4) + answerTokens; // system + context + first answer (history)
  const question = 30;
  const out = 300;
  const without = price(model, { input: prefix + question, output: out, cacheRead: 0, cacheWrite: 0, source: 'estimate' });
  const marks = planBreakpoints(model, [{ id: 'history', text: 'x'.repeat(prefix * 4), stable: true }]);
  if (marks.length === 0 || prefix < minCacheableTokens(model)) return { withCache: without, without };
  // The first request wrote the prefix (its extra 25 % is counted here); the follow-up reads it.
  const write = price(model, { input: 0, output: 0, cacheRead: 0, cacheWrite: prefix, source: 'estimate' })
    - price(model, { input: prefix, output: 0, cacheRead: 0, cacheWrite: 0, source: 'estimate' });
  const withCache = write + price(model, { input: question, output: out, cacheRead: prefix, cacheWrite: 0, source: 'estimate' });
  return { withCache, without };
}

export function sweepPoint(trace: readonly TraceRequest[], labels: readonly boolean[], threshold: number, light: boolean,
  over: Partial<HybridSettings> = {}): Point {
  const settings: HybridSettings = { ...DEFAULT_SETTINGS, 'routing.escalation': 'auto', 'routing.escalationThreshold': threshold,
    'cloud.lightModel': light ? 'auto' : '', ...over };
  const frontier = settings['cloud.model'];
  const rng = new Rng(99); // same draws for every point, so points differ only by the setting
  let allCloud = 0, hybrid = 0, local = 0, escalations = 0, nf = 0, nfOnFrontier = 0, sensitiveOnWire = 0;
  let cacheWith = 0, cacheWithout = 0;
  trace.forEach((r, i) => {
    const { usage, prefixText } = usageOf(r);
    allCloud += price(frontier, usage);
    const tokens = drawTokens(rng, labels[i], Math.min(200, r.answerTokens));
    const followRoll = rng.next();
    if (!r.ask || r.category === 'review' || r.category === 'askPrivate') { local++; return; }
    const request = { id: `b${i}`, kind: r.ask.kind, origin: r.ask.origin, question: r.ask.question, context: r.ask.context };
    const lab = classify(request, { pathPolicy, markers: settings['privacy.markers'] });
    const sensitive = lab.findings.length > 0 || lab.privatePaths.length > 0;
    const d = decide(request, lab, settings, OK_BUDGET, HEALTHY);
    let endModel: string | undefined;
    if (d.route === 'cloud') {
      endModel = cloudModelFor(settings, d.tier);
      // Redacted Ask (cloud) requests are the only sensitive ones sent; a sensitive automatic one must never be.
      if (sensitive && request.origin !== 'askCloud') sensitiveOnWire++;
    } else if (d.route === 'local') {
      const score = scoreConfidence({ text: 'answer', tokens }).score;
      if (!escalationUnavailable(request, lab) && escalationAction(settings, score) === 'escalate') {
        const e = decideEscalation(request, lab, settings, OK_BUDGET, HEALTHY, { band: d.band, manual: d.band !== 'middle' });
        if (e.route === 'cloud') { endModel = cloudModelFor(settings, e.tier); escalations++; if (sensitive) sensitiveOnWire++; }
      }
    }
    if (endModel) {
      hybrid += price(endModel, usage);
      if (followRoll < FOLLOW_UP_SHARE) {
        const f = followUp(endModel, prefixText, r.answerTokens);
        cacheWith += f.withCache;
        cacheWithout += f.without;
      }
    } else local++;
    if (labels[i] && !sensitive) { nf++; if (endModel === frontier) nfOnFrontier++; }
  });
  return {
    threshold, light, complexityThreshold: settings['routing.complexityThreshold'], costRatio: hybrid / allCloud, frontierShare: nf ? nfOnFrontier / nf : 1, localShare: local / trace.length,
    escalations, cacheSavingUsd: cacheWithout - cacheWith, cacheSavingShare: cacheWithout ? (cacheWithout - cacheWith) / cacheWithout : 0,
    sensitiveOnWire,
  };
}

export function sweep(size: number): Point[] {
  const trace = generateTrace({ size });
  const labels = needsFrontierLabels(trace);
  return [0.5, 1.01].flatMap((ct) => [true, false].flatMap((light) =>
    THRESHOLDS.map((t) => sweepPoint(trace, labels, t, light, { 'routing.complexityThreshold': ct }))));
}

/** The cost/quality curve as a small self-contained SVG. */
export function curveSvg(points: Point[], routeLlm = { cost: 0.15, quality: 0.95 }): string {
  const W = 520, H = 320, L = 60, B = 40, T = 20, R = 20;
  const x = (c: number) => L + (c / 0.7) * (W - L - R);
  const y = (q: number) => H - B - ((q - 0.3) / 0.7) * (H - B - T);
  const line = (light: boolean, ct: number, color: string) => {
    const ps = points.filter((p) => p.light === light && p.complexityThreshold === ct);
    const d = ps.map((p, i) => `${i ? 'L' : 'M'}${x(p.costRatio).toFixed(1)},${y(p.frontierShare).toFixed(1)}`).join(' ');
    const dots = ps.map((p) => `<circle cx="${x(p.costRatio).toFixed(1)}" cy="${y(p.frontierShare).toFixed(1)}" r="3" fill="${color}"><title>threshold ${p.threshold}: ${p.costRatio.toFixed(3)}× cost, ${(p.frontierShare * 100).toFixed(1)} %</title></circle>`
      + `<text x="${(x(p.costRatio) + 4).toFixed(1)}" y="${(y(p.frontierShare) - 4).toFixed(1)}" font-size="9" fill="${color}">${p.threshold}</text>`).join('');
    return `<path d="${d}" fill="none" stroke="${color}" stroke-width="1.5"${ct > 1 ? ' stroke-dasharray="5 3"' : ''}/>${dots}`;
  };
  const ticksX = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7].map((c) => `<line x1="${x(c)}" x2="${x(c)}" y1="${H - B}" y2="${H - B + 4}" stroke="#666"/><text x="${x(c)}" y="${H - B + 16}" font-size="10" text-anchor="middle">${c.toFixed(1)}×</text>`).join('');
  const ticksY = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((q) => `<line x1="${L - 4}" x2="${L}" y1="${y(q)}" y2="${y(q)}" stroke="#666"/><text x="${L - 6}" y="${y(q) + 3}" font-size="10" text-anchor="end">${Math.round(q * 100)} %</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="#fff"/>
<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>
${ticksX}${ticksY}
<text x="${(L + W - R) / 2}" y="${H - 6}" font-size="11" text-anchor="middle">cost as a share of all-cloud (lower is better)</text>
<text x="14" y="${(T + H - B) / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 14 ${(T + H - B) / 2})">needs-frontier on the frontier model</text>
<line x1="${x(0.35)}" x2="${x(0.35)}" y1="${T}" y2="${H - B}" stroke="#bbb" stroke-dasharray="4 3"/><line x1="${L}" x2="${W - R}" y1="${y(0.95)}" y2="${y(0.95)}" stroke="#bbb" stroke-dasharray="4 3"/>
${line(true, 0.5, '#1f77b4')}${line(false, 0.5, '#d62728')}${line(true, 1.01, '#1f77b4')}${line(false, 1.01, '#d62728')}
<rect x="${x(routeLlm.cost) - 4}" y="${y(routeLlm.quality) - 4}" width="8" height="8" fill="#2ca02c"/><text x="${x(routeLlm.cost) - 40}" y="${y(routeLlm.quality) + 16}" font-size="10" fill="#2ca02c">RouteLLM, published: 0.15× cost</text><text x="${x(routeLlm.cost) - 40}" y="${y(routeLlm.quality) + 28}" font-size="10" fill="#2ca02c">at 95 % of GPT-4 quality (a different axis)</text>
<text x="${W - R - 4}" y="${y(0.72)}" font-size="10" text-anchor="end" fill="#1f77b4">blue: light tier on (point labels = escalation threshold)</text>
<text x="${W - R - 4}" y="${y(0.72) + 14}" font-size="10" text-anchor="end" fill="#d62728">red: light tier off</text>
<text x="${W - R - 4}" y="${y(0.72) + 28}" font-size="10" text-anchor="end" fill="#555">solid: default bands (light on/off coincide)</text>
<text x="${W - R - 4}" y="${y(0.72) + 42}" font-size="10" text-anchor="end" fill="#555">dashed: complexityThreshold 1.01 (all local first)</text>
<text x="${W - R - 4}" y="${y(0.72) + 56}" font-size="10" text-anchor="end" fill="#999">grey lines: target ≤ 0.35× and ≥ 95 %</text>
</svg>
`;
}

export async function run({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const points = sweep(quick ? 300 : 2000);
  if (points.some((p) => p.sensitiveOnWire > 0)) throw new Error('escalation bench: a sensitive automatic request would have gone to the cloud');
  if (!quick) fs.writeFileSync(path.join(__dirname, '..', 'docs', 'escalation-curve.svg'), curveSvg(points));
  return points.map((p) => ({
    ...figure(`${p.complexityThreshold > 1 ? 'all local first' : 'default bands'}, escalation ${p.threshold.toFixed(1)}, light ${p.light ? 'on' : 'off'}: cost vs all-cloud`, '×', [p.costRatio]), runs: 1,
    note: `needs-frontier on frontier ${(p.frontierShare * 100).toFixed(1)} %; answered locally ${(p.localShare * 100).toFixed(1)} %; ${p.escalations} escalations; follow-up caching saves $${p.cacheSavingUsd.toFixed(2)} (${(p.cacheSavingShare * 100).toFixed(0)} % of follow-up cost); sensitive on the wire: ${p.sensitiveOnWire}`,
  }));
}
