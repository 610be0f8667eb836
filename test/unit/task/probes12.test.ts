// Adversarial probes against the rules added after the twelfth blind set (test/fixtures/routing-adversarial/
// probes-2026-12m.json): for each new rule, twelve wordings it must not catch, written and committed before they
// ran (first run 57/144 right, a new signal firing on 78; now 138/144, none firing: the six left are older rules).
// The rule's own signal (when given) must not fire on any probe, and each group routes at least 10 of 12 right.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { askAuto, routeOf } from './routeTally';
import { ruleProbeSuite } from './ruleProbes';

ruleProbeSuite('task: probes against the rules of the twelfth blind round', 'probes-2026-12m.json', 12);

// The second round-12 changes (tuning set 12n): hard questions after a topic label or ending in a tool how-to must not
// be read as small, and small asks in the new terms' words must stay local. First run 57/76 (a new signal firing on
// 4); now 68/76, none firing; the eight left are older rules ("deux fois", "every morning at 7" in a cron lookup,
// "dovremmo … o", the word migration in a prisma lookup, a failure report about a loading animation).
ruleProbeSuite('task: probes against the second round-12 changes', 'probes-2026-12n.json', 6);

// Fresh wordings of the round's families, written after the rules and committed before they ran
// (family-2026-12m.json): first run 29/40 (main before the round: 26/40, 11 of 24 frontier-worthy kept local; the
// round's rules: 6 kept local, 5 simple sent to the cloud). The misses were then fixed as families ("what layer should
// do the permission checks", "someone always forgets one", "two services both update", two-factor auth on the whole
// platform, users who never update the app, "um cluster por cliente ou um só", a retry count in a yaml, slack, heavy
// work while in use), so it is tuning data now.
suite('task: fresh wordings of the twelfth round families', () => {
  test('at least 38 of 40 routed right, no frontier-worthy one kept local', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'routing-adversarial', 'family-2026-12m.json'), 'utf8')) as { items: { expected: 'high' | 'low'; q: string }[] };
    const wrong = raw.items.filter((p) => routeOf(askAuto(p.q)) !== p.expected);
    if (wrong.length) console.log(`      family misses: ${wrong.map((p) => `${p.expected} ${p.q}`).join(' | ')}`);
    assert.equal(raw.items.length, 40);
    assert.ok(wrong.length <= 2, `${wrong.length} wrong`);
    assert.equal(wrong.filter((p) => p.expected === 'high').length, 0);
  });
});
