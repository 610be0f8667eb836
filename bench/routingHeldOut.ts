// Every blind routing set in one table: accuracy of the complexity score against the labels, frontier-worthy kept
// local, simple sent to the cloud; and, for sets that label the final route (12u on), the route Ask (automatic)
// takes through classify + decide, where a request carrying a secret must stay local whatever its score.
// npx tsx bench/routingHeldOut.ts [--misses=12u]   (print one set's misses: only for a set you may tune on)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from '../src/core/task/classify';
import { decide } from '../src/core/route/decide';
import { createPathPolicy } from '../src/core/privacy/paths';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { type BlindCase, loadBlindSet } from '../test/fixtures/routing-blind/load';

const dir = path.join(__dirname, '..', 'test', 'fixtures', 'routing-blind');
const threshold = DEFAULT_SETTINGS['routing.complexityThreshold'];
const markers = DEFAULT_SETTINGS['privacy.markers'];
const pathPolicy = createPathPolicy({ privateGlobs: [] });
const pct = (a: number, b: number): string => (b ? `${((a / b) * 100).toFixed(1)}%` : '–');

/** The route Ask (automatic) takes with the default settings, a ready local model and a cloud key. */
export function finalRoute(c: BlindCase): string {
  const labels = classify(c.request, { pathPolicy, markers });
  return decide(c.request, labels, DEFAULT_SETTINGS, { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 },
    { local: 'ready', cloud: 'ready' }).route;
}

function row(name: string, cases: BlindCase[], withRoute: boolean): string {
  let right = 0, high = 0, highLocal = 0, low = 0, lowCloud = 0, routeRight = 0, secret = 0, secretCloud = 0;
  for (const c of cases) {
    const got = classify(c.request).complexity >= threshold ? 'high' : 'low';
    if (got === c.expected) right++;
    if (c.expected === 'high') { high++; if (got === 'low') highLocal++; } else { low++; if (got === 'high') lowCloud++; }
    if (!withRoute) continue;
    const route = finalRoute(c);
    if (route === c.route) routeRight++;
    if (c.secret) { secret++; if (route === 'cloud') secretCloud++; }
  }
  const base = `${name.padEnd(6)} ${String(cases.length).padStart(4)}  ${pct(right, cases.length).padStart(6)}  ${`${pct(highLocal, high)} (${highLocal}/${high})`.padStart(14)}  ${`${pct(lowCloud, low)} (${lowCloud}/${low})`.padStart(14)}`;
  return withRoute ? `${base}  route ${pct(routeRight, cases.length)} (${routeRight}/${cases.length}); secrets sent to cloud ${secretCloud}/${secret}` : base;
}

function main(): void {
  const misses = process.argv.find((a) => a.startsWith('--misses='))?.slice('--misses='.length);
  const files = fs.readdirSync(dir).filter((f) => /^blind-2026-12[a-z]?\.json$/.test(f)).sort();
  console.log('set       n  score  frontier-local    simple-cloud');
  for (const f of files) {
    const name = f.replace(/^blind-2026-/, '').replace(/\.json$/, '');
    const cases = loadBlindSet(f);
    const withRoute = cases.some((c) => c.secret !== undefined);
    console.log(row(name, cases, withRoute));
    if (name !== misses) continue;
    for (const c of cases) {
      const r = classify(c.request);
      const got = r.complexity >= threshold ? 'high' : 'low';
      const route = withRoute ? finalRoute(c) : '';
      if (got !== c.expected || (withRoute && route !== c.route)) {
        console.log(`   MISS want ${c.expected}/${c.route} got ${r.complexity.toFixed(2)} ${route} [${c.lang}] ${c.shape} :: ${r.signals.slice(0, 4).join('; ')} :: ${c.request.question.replace(/\s+/g, ' ').slice(0, 140)}`);
      }
    }
  }
}

if (require.main === module) main();
