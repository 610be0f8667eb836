// Adversarial probes against the rules added after the tenth blind set (test/fixtures/routing-adversarial/
// probes-2026-12j.json): for each new rule, fifteen wordings it must not catch, written before they were run.
// The rule's own signal (when given) must not fire on any probe, and each group routes at least 13 of 15 right
// (a miss may come from a rule older than the round: "pourquoi" asks for a cause, "duas vezes" is work done twice).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../../src/core/task/classify';
import { askAuto, routeOf } from './routeTally';

interface Probe { rule: string; expected: 'high' | 'low'; notSignal: string | null; q: string }

const file = path.join(__dirname, '..', '..', 'fixtures', 'routing-adversarial', 'probes-2026-12j.json');
const probes = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: Probe[] }).items;

suite('task: probes against the rules of the tenth blind round', () => {
  for (const rule of [...new Set(probes.map((p) => p.rule))]) {
    test(`${rule}: fifteen wordings it must not catch`, () => {
      const mine = probes.filter((p) => p.rule === rule);
      assert.ok(mine.length >= 15, `${mine.length} probes`);
      const fired = mine.filter((p) => p.notSignal !== null && classify(askAuto(p.q)).signals.includes(p.notSignal));
      assert.deepEqual(fired.map((p) => p.q), []);
      const wrong = mine.filter((p) => routeOf(askAuto(p.q)) !== p.expected);
      if (wrong.length) console.log(`      ${rule} misses: ${wrong.map((p) => `${p.expected} ${classify(askAuto(p.q)).complexity} ${p.q}`).join(' | ')}`);
      assert.ok(wrong.length <= 2, `${wrong.length} of ${mine.length} routed wrong`);
    });
  }
});

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
