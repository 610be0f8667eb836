// The seventeenth blind set (12y: Polish, Turkish, Vietnamese, Indonesian, Hebrew and Swahili beside English,
// Chinese and Spanish; short hard questions, long pasted code with a trivial ask, commands, follow-ups with history,
// reviews of private code, secrets and private paths, hard questions in simple words), written by the round-17 helper
// before the classifier ran on it and tuned on since; its check batch (12z) was written after the fixes and is held
// out (totals only). Floors sit a little under the measured figures.
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import { decide } from '../../../src/core/route/decide';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { loadBlindSet } from '../../fixtures/routing-blind/load';
import { pct, tally } from './routeTally';

suite('task: seventeenth blind set', () => {
  const seventeenth = loadBlindSet('blind-2026-12y.json');
  const roundSeventeen = loadBlindSet('blind-2026-12z.json');

  test('12y (first run 86.9 %: 23.5 % frontier-worthy kept local, 4.9 % simple sent to cloud): ≥ 97 %; 12z (first run 92.1 %, held out): ≥ 89 %', () => {
    for (const lang of ['en', 'zh', 'es', 'pl', 'tr', 'vi', 'id', 'he', 'sw']) assert.ok(seventeenth.some((c) => c.lang === lang), lang);
    assert.equal(seventeenth.length, 183);
    assert.ok(seventeenth.filter((c) => c.request.history?.length).length >= 15, 'follow-up turns carry their history');
    const all = tally(seventeenth);
    console.log(`      seventeenth blind set: ${pct(all.right, all.n)} (${all.right}/${all.n}); frontier-worthy kept local ${pct(all.highLocal, all.high)}; simple sent to cloud ${pct(all.lowCloud, all.low)}`);
    assert.ok(all.right / all.n >= 0.97 && all.highLocal / all.high <= 0.03 && all.lowCloud / all.low <= 0.03, `accuracy ${pct(all.right, all.n)}`);
    const check = tally(roundSeventeen);
    console.log(`      round-17 check batch (held out: totals only): ${pct(check.right, check.n)} (${check.right}/${check.n})`);
    assert.ok(check.right / check.n >= 0.89, `accuracy ${pct(check.right, check.n)}`);
  });

  test('a request with a secret, a private path or a CONFIDENTIAL header stays local (fresh secrets each run)', () => {
    const pathPolicy = createPathPolicy({ privateGlobs: [] });
    const budget = { level: 'none' as const, spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };
    const cases = [...seventeenth, ...roundSeventeen];
    const withSecret = cases.filter((c) => c.secret !== undefined);
    assert.equal(withSecret.length, 31);
    assert.ok(withSecret.some((c) => c.expected === 'high') && withSecret.some((c) => c.secret === 'marker'), 'hard ones and marked code among them');
    let right = 0;
    for (const c of cases) {
      const d = decide(c.request, classify(c.request, { pathPolicy, markers: DEFAULT_SETTINGS['privacy.markers'] }), DEFAULT_SETTINGS, budget, { local: 'ready', cloud: 'ready' });
      if (c.secret) assert.equal(d.route, 'local', `${c.file} ${c.shape}: a ${c.secret} request would go to the cloud`);
      if (d.route === c.route) right++;
    }
    console.log(`      final route, 12y and 12z: ${pct(right, cases.length)} (${right}/${cases.length}); ${withSecret.length} requests with a secret, all local`);
    assert.ok(right / cases.length >= 0.97, `final route ${pct(right, cases.length)}`);
  });
});
