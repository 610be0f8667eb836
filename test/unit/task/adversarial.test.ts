// The adversarial review of 2026-12-06 (test/fixtures/routing-adversarial): probes written to make that day's new
// rules route wrong. First run 42/90, the rules before that day 82/90; after the fixes it is tuning data, and the
// floor keeps the fixed rules from sliding back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../../src/core/task/classify';
import { threshold } from './routeTally';

interface Probe { q: string; expected: 'high' | 'low'; group: string }

suite('task: the adversarial probes against the scene and plain-words rules', () => {
  test('≥ 92 % right, and no group below 75 %', () => {
    const file = path.join(__dirname, '..', '..', 'fixtures', 'routing-adversarial', 'probes-2026-12-06.json');
    const probes = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: Probe[] }).items;
    assert.ok(probes.length >= 80, `${probes.length} probes`);
    const got = probes.map((p) => ({ ...p, right: (classify({ id: 'p', kind: 'ask', origin: 'askAuto', question: p.q, context: [] }).complexity >= threshold ? 'high' : 'low') === p.expected }));
    const right = got.filter((g) => g.right).length;
    console.log(`      adversarial probes: ${right}/${got.length}`);
    assert.ok(right / got.length >= 0.92, `${right}/${got.length}`);
    for (const group of new Set(got.map((g) => g.group))) {
      const mine = got.filter((g) => g.group === group);
      assert.ok(mine.filter((g) => g.right).length / mine.length >= 0.75, `group ${group}: ${mine.filter((g) => g.right).length}/${mine.length}`);
    }
  });
});
