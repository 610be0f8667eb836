// Round-15 probes (test/fixtures/routing-adversarial/probes-2026-12u.json), written after the round-15 mechanisms
// and committed before they ran. First run 33/35: "what is the naming convention for kafka topics in a microservices
// architecture?" (a lookup was refused for naming two parts; a lookup's parts are its object now) and "which http
// status code for a failed idempotency check?" (still a miss: "idempotency" reads as a problem even inside a lookup).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scoreComplexity } from '../../../src/core/task/complexity';
import { pastedCodeLines, proseOf } from '../../../src/core/task/questionShape';
import { randomBytes } from 'node:crypto';
import { askAuto, routeOf } from './routeTally';

/** Generated per run: no key- or password-shaped literal is committed. */
const b64 = (n: number): string => randomBytes(n).toString('base64').slice(0, n);

interface Group { low: string[]; high: string[] }
const probes = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/routing-adversarial/probes-2026-12u.json'), 'utf8')) as
  Record<'selection' | 'lookup' | 'errorLines' | 'addresses' | 'testTimeout' | 'justWant' | 'security', Group> & { snippet: string };

function wrongIn(group: Group, code?: string): string[] {
  const out: string[] = [];
  for (const want of ['low', 'high'] as const) {
    for (const q of group[want]) if (routeOf(askAuto(q, code)) !== want) out.push(`${want}: ${q}`);
  }
  return out;
}

suite('task: round-15 probes', () => {
  test('the editor\'s selection is code in view: concurrency words about it stay local, a system around it does not', () => {
    assert.deepEqual(wrongIn(probes.selection, probes.snippet), []);
  });

  test('a convention lookup with no scene is small whatever it names, unless it names a problem (one known miss)', () => {
    const wrong = wrongIn(probes.lookup);
    assert.deepEqual(wrong, ['low: which http status code for a failed idempotency check?']);
  });

  test('a tool\'s error lines are pasted material: their words are not the asker\'s report', () => {
    assert.deepEqual(wrongIn(probes.errorLines), []);
    assert.equal(pastedCodeLines('TypeError: x is undefined\n    at f (a.js:1:1)\nwhy'), 2);
    assert.ok(!proseOf('reason: APIConnectionTimeoutError: Request timed out.\nwhere do I catch it').includes('timed out'));
  });

  test('an address or connection string is a name, not the system parts its words spell', () => {
    assert.deepEqual(wrongIn(probes.addresses), []);
    assert.ok(!/mongodb|prod/.test(proseOf(`connection fails: mongodb://admin:${randomBytes(6).toString("hex")}@10.0.3.7:27017/prod`)));
  });

  test('one test\'s time limit is the runner\'s setting; a request or a shared suite timing out is a system problem', () => {
    assert.deepEqual(wrongIn(probes.testTimeout), []);
  });

  test('"just want to …" narrows the ask, unless the ask itself names a hard problem', () => {
    assert.deepEqual(wrongIn(probes.justWant), []);
  });

  test('what a design protects against, and tampering, are security design; an edit or a lookup that says so is not', () => {
    assert.deepEqual(wrongIn(probes.security), []);
  });

  test('key armour and long tokens are pasted material, so a pasted key is no quiet product question', () => {
    // The armour lines are assembled from pieces, as the privacy corpus does: no key-shaped literal in the source.
    const key = [['-----BEGIN OPENSSH ', 'PRIVATE KEY-----'].join(''), b64(70), ['-----END OPENSSH ', 'PRIVATE KEY-----'].join('')].join('\n');
    const q = `is this key in the right format? I pasted it into the deploy settings\n${key}`;
    assert.equal(pastedCodeLines(q), 3);
    assert.ok(scoreComplexity(askAuto(q)).complexity < 0.5);
  });
});
