// The blind sets (test/fixtures/routing-blind): each was written and labelled by policy, then committed before the
// classifier ran on it, so its first run is an honest estimate for wording nobody tuned on. The first set's misses
// then led to mechanisms (it is tuning data now); the second was written after those and is never tuned on: only
// its totals are printed, never its misses. The third was written after the second, scored once and tuned on; the
// fourth was written after that round and is held out like the second; the fifth was written after the fourth,
// scored once and tuned on; the sixth was written after that last round and is held out; the seventh was written by
// someone who had read neither the rules nor the earlier sets, scored once and tuned on, and so were the eighth (hard
// problems in plain words), the ninth (big tool names on small asks, typed fast) and the tenth (hard problems shown
// by symptoms, casual trade-offs, plans and who-sees-what; long scenes before small asks). The eleventh was written
// after the tenth round by someone who had read neither the rules nor any earlier set, and is held out like the
// second: its totals (overall and per language) are printed, never its misses. The twelfth was written before its
// author read the rules and is held out the same way; the round-12 tuning set (12m) was written after it, on hard
// questions in plain words, and tuned on. The thirteenth (12o) was written before its author read the rules and is
// held out; the round-13 tuning sets (12p to 12s) were written after it and tuned on. The fourteenth (12t) was written
// by the round-14 helper after reading docs/routing.md but no rule source, committed before its first run, and is held
// out. The fifteenth (12u) was written by the round-15 helper before reading any rule source, from questions implied by
// package READMEs, changelogs and error texts in node_modules, and committed before its first run; the round-15 fixes
// were diagnosed from its misses, so it is tuned on now. Its requests with a secret (a {{kind}} placeholder filled at
// load time) must stay local whatever their score. The round-15 check batch (12v) was written after those fixes and
// committed before its first run. The sixteenth (12w: chat-typed, mixed languages, traces, rare languages, follow-ups
// with history, private paths) was written by the round-16 helper before the classifier ran on it and is tuned on now;
// its check batch (12x) was written after the fixes and is held out (totals only). Floors sit a little under the
// measured figures (see docs/routing.md).
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import { decide } from '../../../src/core/route/decide';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { type BlindCase, loadBlindSet } from '../../fixtures/routing-blind/load';
import { pct, tally, threshold, type Tally } from './routeTally';


function report(name: string, cases: BlindCase[]): { all: Tally; langs: Map<string, Tally> } {
  const all = tally(cases);
  console.log(`      ${name}: ${pct(all.right, all.n)} (${all.right}/${all.n}); frontier-worthy kept local ${pct(all.highLocal, all.high)} (${all.highLocal}/${all.high}); simple sent to cloud ${pct(all.lowCloud, all.low)} (${all.lowCloud}/${all.low})`);
  const langs = new Map<string, Tally>();
  for (const lang of [...new Set(cases.map((c) => c.lang))].sort()) {
    const t = tally(cases.filter((c) => c.lang === lang));
    langs.set(lang, t);
    console.log(`        ${lang.padEnd(4)} ${pct(t.right, t.n).padStart(8)} (${t.right}/${t.n})`);
  }
  return { all, langs };
}

suite('task: routing on the blind sets', () => {
  const first = loadBlindSet('blind-2026-12.json');
  const second = loadBlindSet('blind-2026-12b.json');
  const third = loadBlindSet('blind-2026-12c.json');
  const fourth = loadBlindSet('blind-2026-12d.json');
  const fifth = loadBlindSet('blind-2026-12e.json');
  const sixth = loadBlindSet('blind-2026-12f.json');
  const seventh = loadBlindSet('blind-2026-12g.json');
  const eighth = loadBlindSet('blind-2026-12h.json');
  const ninth = loadBlindSet('blind-2026-12i.json');
  const tenth = loadBlindSet('blind-2026-12j.json');
  const eleventh = loadBlindSet('blind-2026-12k.json');
  const twelfth = loadBlindSet('blind-2026-12l.json');
  const roundTwelve = loadBlindSet('blind-2026-12m.json');
  const roundTwelveB = loadBlindSet('blind-2026-12n.json');
  const thirteenth = loadBlindSet('blind-2026-12o.json');
  const roundThirteen = ['12p', '12q', '12r', '12s'].flatMap((s) => loadBlindSet(`blind-2026-${s}.json`));
  const fourteenth = loadBlindSet('blind-2026-12t.json');
  const fifteenth = loadBlindSet('blind-2026-12u.json');
  const roundFifteen = loadBlindSet('blind-2026-12v.json');
  const sixteenth = loadBlindSet('blind-2026-12w.json');
  const roundSixteen = loadBlindSet('blind-2026-12x.json');
  const tuned = [...first, ...third, ...fifth, ...seventh, ...eighth, ...ninth, ...tenth];

  test('the sets have the shape the issue asks for', () => {
    assert.ok(first.length >= 200, `${first.length} questions in the first set`);
    assert.ok(second.length >= 60, `${second.length} questions in the second set`);
    for (const set of [first, second, third, fourth, fifth, sixth, seventh, eighth, ninth]) {
      assert.ok(set.filter((c) => c.lang === 'en').length / set.length >= 0.4, 'English ≥ 40 %');
      for (const lang of ['de', 'fr', 'es', 'pt', 'zh', 'ja', 'ru', 'ko', 'it']) assert.ok(set.some((c) => c.lang === lang), lang);
      for (const label of ['high', 'low'] as const) assert.ok(set.filter((c) => c.expected === label).length * 3 >= set.length, `a third ${label}`);
    }
  });

  test('tenth set (first run 72.0 %: 33.8 % frontier-worthy kept local, 17.1 % simple sent to cloud): ≥ 97 %, ≤ 3 % of each error', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'pt', 'zh', 'ja']) assert.ok(tenth.some((c) => c.lang === lang), lang);
    assert.equal(tenth.filter((c) => c.expected === 'high').length, 65);
    assert.equal(tenth.length, 100);
    const { all } = report('tenth blind set', tenth);
    const wrong = tenth.filter((c) => (classify(c.request).complexity >= threshold ? 'high' : 'low') !== c.expected);
    if (wrong.length) console.log(`      tenth set misses:\n${wrong.map((c) => `        ${c.expected} ${classify(c.request).complexity} [${c.lang}] ${c.shape} ${c.request.question.slice(0, 110)}`).join('\n')}`);
    assert.ok(all.right / all.n >= 0.97, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.03, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.03, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('round-12 tuning set (first run 66.9 %: 46.8 % frontier-worthy kept local, 7.3 % simple sent to cloud): ≥ 97 %, ≤ 3 % of each error', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh', 'ru']) assert.ok(roundTwelve.some((c) => c.lang === lang), lang);
    assert.equal(roundTwelve.length, 118);
    const { all } = report('round-12 tuning set', roundTwelve);
    const wrong = roundTwelve.filter((c) => (classify(c.request).complexity >= threshold ? 'high' : 'low') !== c.expected);
    if (wrong.length) console.log(`      round-12 tuning misses:\n${wrong.map((c) => `        ${c.expected} ${classify(c.request).complexity} [${c.lang}] ${c.request.question.slice(0, 110)}`).join('\n')}`);
    assert.ok(all.right / all.n >= 0.97, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.03, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.03, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('second round-12 tuning set (first run 62.7 %: 20.5 % frontier-worthy kept local, 55.6 % simple sent to cloud): ≥ 93 %, no frontier-worthy kept local, ≤ 12 % simple sent to cloud', () => {
    assert.equal(roundTwelveB.length, 75);
    const { all } = report('second round-12 tuning set', roundTwelveB);
    const wrong = roundTwelveB.filter((c) => (classify(c.request).complexity >= threshold ? 'high' : 'low') !== c.expected);
    if (wrong.length) console.log(`      second round-12 tuning misses:\n${wrong.map((c) => `        ${c.expected} ${classify(c.request).complexity} [${c.lang}] ${c.request.question.slice(0, 110)}`).join('\n')}`);
    assert.ok(all.right / all.n >= 0.93, `accuracy ${pct(all.right, all.n)}`);
    assert.equal(all.highLocal, 0);
    assert.ok(all.lowCloud / all.low <= 0.12, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('round-13 tuning sets (first runs 75.0 %, 70.8 %, 97.1 % and 91.4 %): ≥ 97 %, ≤ 3 % of each error', () => {
    assert.equal(roundThirteen.length, 218);
    const { all } = report('round-13 tuning sets', roundThirteen);
    const wrong = roundThirteen.filter((c) => (classify(c.request).complexity >= threshold ? 'high' : 'low') !== c.expected);
    if (wrong.length) console.log(`      round-13 tuning misses:\n${wrong.map((c) => `        ${c.expected} ${classify(c.request).complexity} [${c.lang}] ${c.request.question.slice(0, 110)}`).join('\n')}`);
    assert.ok(all.right / all.n >= 0.97, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.03, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.03, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('first, third, fifth, seventh, eighth, ninth and tenth sets (tuned on after first runs of 92.6 %, 87.0 %, 81.5 %, 82.2 %, 80.0 %, 92.0 % and 72.0 %): ≥ 98 %, every language ≥ 90 %', () => {
    const { all, langs } = report('first, third, fifth, seventh, eighth, ninth and tenth blind sets', tuned);
    const wrong = tuned.filter((c) => (classify(c.request).complexity >= threshold ? 'high' : 'low') !== c.expected);
    if (wrong.length) console.log(`      first set misses:\n${wrong.map((c) => `        ${c.expected} ${classify(c.request).complexity} [${c.lang}] ${c.request.question.slice(0, 100)}`).join('\n')}`);
    assert.ok(all.right / all.n >= 0.98, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.02, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.02, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
    for (const [lang, t] of langs) assert.ok(t.right / t.n >= 0.9, `${lang}: ${pct(t.right, t.n)}`);
  });

  test('second set (never tuned on; first run 92.5 %, now 96.3 %): ≥ 94 %, ≤ 6 % frontier-worthy kept local, ≤ 8 % simple sent to cloud', () => {
    const { all } = report('second blind set (held out: totals only)', second);
    assert.ok(all.right / all.n >= 0.94, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.06, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.08, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('fourth set (never tuned on; first run 86.9 %, 91.7 % before round 14, now 96.4 %): ≥ 94 %, ≤ 9 % frontier-worthy kept local, ≤ 6 % simple sent to cloud', () => {
    const { all } = report('fourth blind set (held out: totals only)', fourth);
    assert.ok(all.right / all.n >= 0.94, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.09, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.06, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('sixth set (never tuned on; first run 87.5 %, 87.5 % before round 14, now 92.5 %): ≥ 90 %, ≤ 15 % frontier-worthy kept local, ≤ 6 % simple sent to cloud', () => {
    const { all } = report('sixth blind set (held out: totals only)', sixth);
    assert.ok(all.right / all.n >= 0.9, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.15, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.06, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('eleventh set (never tuned on; first run 94.2 %: 3.3 % frontier-worthy kept local, 8.3 % simple sent to cloud): ≥ 92 %, ≤ 6 % frontier-worthy kept local, ≤ 11 % simple sent to cloud', () => {
    for (const lang of ['en', 'es', 'pt', 'de', 'fr', 'zh', 'ja', 'ko', 'it']) assert.ok(eleventh.some((c) => c.lang === lang), lang);
    assert.equal(eleventh.length, 120);
    assert.equal(eleventh.filter((c) => c.expected === 'high').length, 60);
    const { all } = report('eleventh blind set (held out: totals only)', eleventh);
    assert.ok(all.right / all.n >= 0.92, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.06, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.11, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('twelfth set (never tuned on; first run 87.6 %: 11.9 % frontier-worthy kept local, 12.9 % simple sent to cloud): ≥ 85 %, ≤ 15 % of each error', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh', 'ru']) assert.ok(twelfth.some((c) => c.lang === lang), lang);
    assert.equal(twelfth.length, 129);
    assert.equal(twelfth.filter((c) => c.expected === 'high').length, 67);
    const { all } = report('twelfth blind set (held out: totals only)', twelfth);
    assert.ok(all.right / all.n >= 0.85, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.15, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.15, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('the three held-out sets together (91.0 %): ≥ 89 %, ≤ 17 % frontier-worthy kept local, ≤ 5 % simple sent to cloud', () => {
    const all = tally([...second, ...fourth, ...sixth]);
    console.log(`      held-out blind sets together: ${pct(all.right, all.n)} (${all.right}/${all.n}); frontier-worthy kept local ${pct(all.highLocal, all.high)}; simple sent to cloud ${pct(all.lowCloud, all.low)}`);
    assert.ok(all.right / all.n >= 0.89, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.17, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.05, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('the four held-out sets together, the eleventh added (92.0 %): ≥ 90 %, ≤ 13 % frontier-worthy kept local, ≤ 6 % simple sent to cloud', () => {
    const all = tally([...second, ...fourth, ...sixth, ...eleventh]);
    console.log(`      four held-out blind sets together: ${pct(all.right, all.n)} (${all.right}/${all.n}); frontier-worthy kept local ${pct(all.highLocal, all.high)}; simple sent to cloud ${pct(all.lowCloud, all.low)}`);
    assert.ok(all.right / all.n >= 0.9, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.13, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.06, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('the five held-out sets together, the twelfth added (91.3 %): ≥ 89 %, ≤ 13 % frontier-worthy kept local, ≤ 9 % simple sent to cloud', () => {
    const all = tally([...second, ...fourth, ...sixth, ...eleventh, ...twelfth]);
    console.log(`      five held-out blind sets together: ${pct(all.right, all.n)} (${all.right}/${all.n}); frontier-worthy kept local ${pct(all.highLocal, all.high)}; simple sent to cloud ${pct(all.lowCloud, all.low)}`);
    assert.ok(all.right / all.n >= 0.89, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.13, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.09, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('thirteenth set (never tuned on; first run 88.7 %: 15.5 % frontier-worthy kept local, 8.0 % simple sent to cloud): ≥ 89 %, ≤ 15 % frontier-worthy kept local, ≤ 7 % simple sent to cloud', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh', 'ru', 'ko', 'it']) assert.ok(thirteenth.some((c) => c.lang === lang), lang);
    assert.equal(thirteenth.length, 133);
    assert.equal(thirteenth.filter((c) => c.expected === 'high').length, 58);
    const { all } = report('thirteenth blind set (held out: totals only)', thirteenth);
    assert.ok(all.right / all.n >= 0.89, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.15, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.07, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('the six held-out sets together, the thirteenth added: ≥ 90 %, ≤ 12 % frontier-worthy kept local, ≤ 8 % simple sent to cloud', () => {
    const all = tally([...second, ...fourth, ...sixth, ...eleventh, ...twelfth, ...thirteenth]);
    console.log(`      six held-out blind sets together: ${pct(all.right, all.n)} (${all.right}/${all.n}); frontier-worthy kept local ${pct(all.highLocal, all.high)}; simple sent to cloud ${pct(all.lowCloud, all.low)}`);
    assert.ok(all.right / all.n >= 0.9, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.12, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.08, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('fourteenth set (never tuned on; first run 95.2 %: no frontier-worthy kept local, 8.4 % simple sent to cloud): ≥ 93 %, ≤ 3 % frontier-worthy kept local, ≤ 10 % simple sent to cloud', () => {
    assert.equal(fourteenth.length, 147);
    assert.equal(fourteenth.filter((c) => c.expected === 'high').length, 64);
    const { all } = report('fourteenth blind set (held out: totals only)', fourteenth);
    assert.ok(all.right / all.n >= 0.93, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.03, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.1, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('the seven held-out sets together, the fourteenth added (92.8 % before round 14, 95.0 % after): ≥ 93 %, ≤ 6 % frontier-worthy kept local, ≤ 7 % simple sent to cloud', () => {
    const all = tally([...second, ...fourth, ...sixth, ...eleventh, ...twelfth, ...thirteenth, ...fourteenth]);
    console.log(`      seven held-out blind sets together: ${pct(all.right, all.n)} (${all.right}/${all.n}); frontier-worthy kept local ${pct(all.highLocal, all.high)}; simple sent to cloud ${pct(all.lowCloud, all.low)}`);
    assert.ok(all.right / all.n >= 0.93, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.06, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.07, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('fifteenth set (first run 93.7 %: 1.8 % frontier-worthy kept local, 8.8 % simple sent to cloud; route 94.9 %): ≥ 96 %, ≤ 3 % frontier-worthy kept local, ≤ 5 % simple sent to cloud', () => {
    for (const lang of ['en', 'de', 'es', 'pt', 'ja', 'zh', 'ru']) assert.ok(fifteenth.some((c) => c.lang === lang), lang);
    assert.equal(fifteenth.length, 158);
    assert.equal(fifteenth.filter((c) => c.expected === 'high').length, 56);
    const { all } = report('fifteenth blind set', fifteenth);
    assert.ok(all.right / all.n >= 0.96, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.03, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.05, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });

  test('round-15 check batch (first run 94.1 %: 1 of 11 frontier-worthy kept local, 1 of 23 simple sent to cloud): ≥ 97 %', () => {
    assert.equal(roundFifteen.length, 34);
    const { all } = report('round-15 check batch', roundFifteen);
    assert.ok(all.right / all.n >= 0.97, `accuracy ${pct(all.right, all.n)}`);
  });

  test('sixteenth set (first run 92.2 %: 9.1 % frontier-worthy kept local, 6.9 % simple sent to cloud): ≥ 97 %; check batch 12x (first run 94.6 %, held out): ≥ 91 %', () => {
    for (const lang of ['en', 'de', 'es', 'pt', 'hi', 'zh', 'ja', 'ru']) assert.ok(sixteenth.some((c) => c.lang === lang), lang);
    assert.equal(sixteenth.length, 167);
    assert.ok(sixteenth.some((c) => c.request.history?.length), 'follow-up turns carry their history');
    const { all } = report('sixteenth blind set', sixteenth);
    assert.ok(all.right / all.n >= 0.97 && all.highLocal / all.high <= 0.03 && all.lowCloud / all.low <= 0.03, `accuracy ${pct(all.right, all.n)}`);
    const check = tally(roundSixteen);
    console.log(`      round-16 check batch (held out: totals only): ${pct(check.right, check.n)} (${check.right}/${check.n})`);
    assert.ok(check.right / check.n >= 0.91, `accuracy ${pct(check.right, check.n)}`);
  });

  test('a request carrying a secret stays local whatever its score (fresh secrets each run), and the final route matches the label', () => {
    const pathPolicy = createPathPolicy({ privateGlobs: [] });
    const budget = { level: 'none' as const, spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };
    const cases = [...fifteenth, ...roundFifteen, ...sixteenth, ...roundSixteen];
    const withSecret = cases.filter((c) => c.secret !== undefined);
    // 12w and 12x add secrets in the question, the context and the chat history, and files under private paths.
    assert.equal(withSecret.length, 35);
    assert.ok(withSecret.some((c) => c.expected === 'high'), 'some secret-carrying requests are frontier-worthy');
    let right = 0;
    for (const c of cases) {
      const labels = classify(c.request, { pathPolicy, markers: DEFAULT_SETTINGS['privacy.markers'] });
      const d = decide(c.request, labels, DEFAULT_SETTINGS, budget, { local: 'ready', cloud: 'ready' });
      if (c.secret) assert.equal(d.route, 'local', `${c.file} ${c.shape}: a ${c.secret} secret would go to the cloud`);
      if (d.route === c.route) right++;
    }
    console.log(`      final route, sets 12u to 12x: ${pct(right, cases.length)} (${right}/${cases.length}); ${withSecret.length} requests with a secret, all local`);
    assert.ok(right / cases.length >= 0.96, `final route ${pct(right, cases.length)}`);
  });

  test('the seven held-out sets with the fifteenth (tuned on since; 94.7 % with its first run, 95.5 % after): ≥ 94 %, ≤ 5 % frontier-worthy kept local, ≤ 7 % simple sent to cloud', () => {
    const all = tally([...second, ...fourth, ...sixth, ...eleventh, ...twelfth, ...thirteenth, ...fourteenth, ...fifteenth]);
    console.log(`      seven held-out sets and the fifteenth: ${pct(all.right, all.n)} (${all.right}/${all.n}); frontier-worthy kept local ${pct(all.highLocal, all.high)}; simple sent to cloud ${pct(all.lowCloud, all.low)}`);
    assert.ok(all.right / all.n >= 0.94, `accuracy ${pct(all.right, all.n)}`);
    assert.ok(all.highLocal / all.high <= 0.05, `frontier-worthy kept local ${pct(all.highLocal, all.high)}`);
    assert.ok(all.lowCloud / all.low <= 0.07, `simple sent to cloud ${pct(all.lowCloud, all.low)}`);
  });
});
