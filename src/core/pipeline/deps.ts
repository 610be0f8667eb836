// Binds the real core rules (classifier, router, egress gate, price table) to the host's ports: AskPorts → AskDeps.
// The extension and the cost-replay benchmark both use it, so the benchmark measures exactly the routing the user gets.

import { classify } from '../task/classify';
import { EgressGate } from '../egress/gate';
import type { Kind, Route } from '../request';
import { decide } from '../route/decide';
import { contextWindowOf, OutputHistory, preflightEstimate, priceOf, pricesAt, requestCost } from '../spend';
import type { AskDeps, AskPorts } from './askPorts';
import { LogprobSupport } from '../confidence';

export function createAskDeps(p: AskPorts): AskDeps {
  const s = p.settings;
  const defaults = new OutputHistory();
  const expected = p.expectedOutput ?? ((route: Route, kind: Exclude<Kind, 'completion'>) => defaults.expected(route, kind));
  const markers = s['privacy.markers'];
  const now = p.now ?? (() => Date.now());
  // Prices as they stand when the request goes out (a dated change applies from its UTC date).
  const table = () => pricesAt(p.priceTable, now());
  const gate = new EgressGate({ mode: s['privacy.onCloudFindings'], markers, pathPolicy: p.pathPolicy });
  return {
    settings: s,
    logprobs: p.logprobs ?? new LogprobSupport(),
    classify: (r) => classify(r, { pathPolicy: p.pathPolicy, markers }),
    ...(p.localPressure ? { localPressure: p.localPressure } : {}),
    ...(p.semantic ? { refine: (r, l, signal) => p.semantic!.refine(r.question, l, s['routing.complexityThreshold'], signal) } : {}),
    decide: (r, l, b, h, est) => decide(r, l, s, b, h, { estimatedCostUsd: est }),
    gate: (body, paths, privateFiles) => gate.prepare(body, paths, privateFiles),
    budget: p.budget,
    health: p.health,
    local: p.local,
    cloud: p.cloud,
    countTokens: p.countTokens,
    contextWindow: (model) => contextWindowOf(model, p.priceTable),
    price: (model, usage) => priceOf(model, usage, table()),
    // cacheTtl: cache/anthropicPrompt.ts marks context `ephemeral` (5 minutes), so the bound prices 5-minute writes.
    preflight: (model, promptTokens, kind, maxOutputTokens) =>
      preflightEstimate(model, promptTokens, expected('cloud', kind), maxOutputTokens, table(), { kind, cacheTtl: '5m' }),
    // Priced at the request's start, the time its record carries (now − its duration).
    cost: (route, model, usage, totalMs, requestedModel) => requestCost({
      route, model, usage, totalMs, costPerHour: s['local.costPerHour'], cloudModel: s['cloud.model'], table: p.priceTable, requestedModel,
      at: now() - Math.max(0, totalMs),
    }),
    record: p.record,
    ...(p.pending ? { pending: p.pending } : {}),
    confirm: p.confirm,
    now,
    newId: p.newId,
  };
}
