// Adversarial probes against one round's new rules (test/fixtures/routing-adversarial/probes-*.json): for each
// rule, wordings it must not catch, written before they were run. The rule's own signal (when given) never fires on
// a probe; the route may miss for a reason older than the round, at most two per rule.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../../src/core/task/classify';
import { askAuto, routeOf } from './routeTally';

interface Probe { rule: string; expected: 'high' | 'low'; notSignal: string | null; q: string }

export function ruleProbeSuite(title: string, fixture: string, perRule: number): void {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'routing-adversarial', fixture);
  const probes = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: Probe[] }).items;
  suite(title, () => {
    for (const rule of [...new Set(probes.map((p) => p.rule))]) {
      test(`${rule}: ${perRule} wordings it must not catch`, () => {
        const mine = probes.filter((p) => p.rule === rule);
        assert.ok(mine.length >= perRule, `${mine.length} probes`);
        const fired = mine.filter((p) => p.notSignal !== null && classify(askAuto(p.q)).signals.includes(p.notSignal));
        assert.deepEqual(fired.map((p) => p.q), []);
        const wrong = mine.filter((p) => routeOf(askAuto(p.q)) !== p.expected);
        if (wrong.length) console.log(`      ${rule} misses: ${wrong.map((p) => `${p.expected} ${classify(askAuto(p.q)).complexity} ${p.q}`).join(' | ')}`);
        assert.ok(wrong.length <= 2, `${wrong.length} of ${mine.length} routed wrong`);
      });
    }
  });
}
