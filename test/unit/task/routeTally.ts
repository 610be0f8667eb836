// How a labelled routing set fared: right, hard questions kept local, simple ones sent to the cloud (the two
// costly mistakes), by the classifier's score against the default threshold.
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import type { Request } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

export const threshold = DEFAULT_SETTINGS['routing.complexityThreshold'];

export interface Tally { n: number; right: number; high: number; highLocal: number; low: number; lowCloud: number }

// The blind suites score the same loaded requests in several combined sets; classifying each once keeps the file
// well inside mocha's time-out on a loaded machine (the classifier is pure, so a cached route is the same route).
const routes = new WeakMap<Request, 'high' | 'low'>();

/** Where the classifier sends a request at the default threshold. */
export function routeOf(request: Request): 'high' | 'low' {
  let route = routes.get(request);
  if (!route) routes.set(request, (route = classify(request).complexity >= threshold ? 'high' : 'low'));
  return route;
}

/** An Ask (automatic) with the question and, when given, one selected snippet. */
export function askAuto(question: string, code?: string): Request {
  return { id: 't', kind: 'ask', origin: 'askAuto', question, context: code ? [{ source: 'selection', text: code, path: 'src/a.ts', startLine: 1 }] : [] };
}

/** Every question goes where `want` says (the question is the failure message). */
export function assertRoutes(want: 'high' | 'low', questions: readonly string[]): void {
  for (const q of questions) assert.equal(routeOf(askAuto(q)), want, q);
}

export function tally(cases: readonly { request: Request; expected: 'high' | 'low' }[]): Tally {
  const t: Tally = { n: 0, right: 0, high: 0, highLocal: 0, low: 0, lowCloud: 0 };
  for (const c of cases) {
    const got = routeOf(c.request);
    t.n++;
    if (got === c.expected) t.right++;
    if (c.expected === 'high') { t.high++; if (got === 'low') t.highLocal++; } else { t.low++; if (got === 'high') t.lowCloud++; }
  }
  return t;
}

export const pct = (a: number, b: number): string => (b ? `${((a / b) * 100).toFixed(1)} %` : '–');
