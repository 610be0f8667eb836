// The adversarial review of 2026-12-06 (test/fixtures/routing-adversarial): probes written to make that day's new
// rules route wrong. First run 42/90, the rules before that day 82/90; after the fixes it is tuning data, and the
// floor keeps the fixed rules from sliding back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { askAuto, tally } from './routeTally';

interface Probe { q: string; expected: 'high' | 'low'; group: string }

suite('task: the adversarial probes against the scene and plain-words rules', () => {
  test('≥ 92 % right, and no group below 75 %', () => {
    const file = path.join(__dirname, '..', '..', 'fixtures', 'routing-adversarial', 'probes-2026-12-06.json');
    const probes = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: Probe[] }).items;
    assert.ok(probes.length >= 80, `${probes.length} probes`);
    const cases = probes.map((p) => ({ group: p.group, expected: p.expected, request: askAuto(p.q) }));
    const all = tally(cases);
    console.log(`      adversarial probes: ${all.right}/${all.n}`);
    assert.ok(all.right / all.n >= 0.92, `${all.right}/${all.n}`);
    for (const group of new Set(cases.map((c) => c.group))) {
      const t = tally(cases.filter((c) => c.group === group));
      assert.ok(t.right / t.n >= 0.75, `group ${group}: ${t.right}/${t.n}`);
    }
  });
});
