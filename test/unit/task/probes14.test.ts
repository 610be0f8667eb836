// Round-14 probes (test/fixtures/routing-adversarial/probes-2026-12t.json), written after the two rules they probe
// and committed before they ran (first run 41/42: the one miss, "we want customers to be able to bring their own
// domain … what does that involve", is an older rule, "simple question", firing before the quiet one can).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scoreComplexity } from '../../../src/core/task/complexity';
import { QUIET_PRODUCT_SIGNAL } from '../../../src/core/task/quietProduct';
import { isDirectEdit } from '../../../src/core/task/questionShape';
import { askAuto, routeOf } from './routeTally';

interface Probes { quiet: { high: string[]; low: string[] }; cjk: { high: string[]; low: string[] } }
const probes = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/routing-adversarial/probes-2026-12t.json'), 'utf8')) as Probes;

suite('task: round-14 probes', () => {
  test('a quiet question about the running product leans to the cloud (15 of 16)', () => {
    const wrong = probes.quiet.high.filter((q) => routeOf(askAuto(q)) !== 'high');
    assert.ok(wrong.length <= 1, wrong.join('\n'));
  });

  test('the quiet rule never fires on a tool, a platform, a lookup, a piece of code or the asker\'s machine', () => {
    for (const q of probes.quiet.low) {
      const { complexity, signals } = scoreComplexity(askAuto(q));
      assert.ok(complexity < 0.5, `${q}: ${complexity}`);
      assert.ok(!signals.includes(QUIET_PRODUCT_SIGNAL), q);
    }
  });

  test('the quiet rule needs silence, no code and more than a few words', () => {
    const q = 'the warehouse people say stock numbers are right in the morning and wrong by the evening';
    assert.equal(scoreComplexity(askAuto(q)).signals[0], QUIET_PRODUCT_SIGNAL);
    // With code attached the question is about that code.
    assert.ok(!scoreComplexity(askAuto(q, 'const stock = rows.reduce((n, r) => n + r.qty, 0);')).signals.includes(QUIET_PRODUCT_SIGNAL));
    // Eight words or fewer: the short-question penalty keeps it in the local-first band.
    assert.ok(scoreComplexity(askAuto('users say the totals look wrong')).complexity < 0.5);
  });

  test('an English verb opening a CJK sentence is its topic, unless the verb-making ending follows', () => {
    for (const q of probes.cjk.high) assert.equal(routeOf(askAuto(q)), 'high', q);
    for (const q of probes.cjk.low) assert.equal(routeOf(askAuto(q)), 'low', q);
    assert.equal(isDirectEdit('insertの後にselectすると古い値が返る'), false);
    assert.equal(isDirectEdit('update 후에 예전 값이 보여요'), false);
    assert.equal(isDirectEdit('fix一下这个函数'), true);
    assert.equal(isDirectEdit('add a 索引 to this table'), true);
    assert.equal(isDirectEdit('rename the variable'), true);
  });
});
