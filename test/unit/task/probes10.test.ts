// Adversarial probes against the rules added after the tenth blind set (test/fixtures/routing-adversarial/
// probes-2026-12j.json): for each new rule, fifteen wordings it must not catch, written before they were run.
// The rule's own signal (when given) must not fire on any probe, and each group routes at least 13 of 15 right
// (a miss may come from a rule older than the round: "pourquoi" asks for a cause, "duas vezes" is work done twice).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { askAuto, routeOf } from './routeTally';
import { ruleProbeSuite } from './ruleProbes';

ruleProbeSuite('task: probes against the rules of the tenth blind round', 'probes-2026-12j.json', 15);

// Fresh wordings of the families the round fixed, written after the rules and committed before they ran
// (family-2026-12j.json): first run 35/40 (main before the round: 28/40), then the five misses were fixed as
// families (a safest order, "live in a separate service", any user opening any invoice, "keep seeing the old one",
// a zero-downtime scene before a convention lookup).
suite('task: fresh wordings of the tenth round families', () => {
  test('at least 38 of 40 routed right, at most one of each error', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'routing-adversarial', 'family-2026-12j.json'), 'utf8')) as { items: { expected: 'high' | 'low'; q: string }[] };
    const wrong = raw.items.filter((p) => routeOf(askAuto(p.q)) !== p.expected);
    if (wrong.length) console.log(`      family misses: ${wrong.map((p) => `${p.expected} ${p.q}`).join(' | ')}`);
    assert.equal(raw.items.length, 40);
    assert.ok(wrong.length <= 2, `${wrong.length} wrong`);
    assert.ok(wrong.filter((p) => p.expected === 'high').length <= 1 && wrong.filter((p) => p.expected === 'low').length <= 1, 'one of each error at most');
  });
});
