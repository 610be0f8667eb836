// Independent red team for issue #21, written from the leak classes' descriptions and the real formats, without
// reading the detectors or the team's own red-team tests. Every value is generated from a seed at test time
// (REDTEAM_SEED overrides it; the known lists were taken at the default). Each attack has benign twins of the same shape.
// Cases that leak today are listed in fixtures/privacy/independent/known.ts and reported by count, not skipped:
// every other case is asserted. REDTEAM_VERBOSE=1 prints a reproduction for each failing case.

import * as assert from 'node:assert/strict';
import { corpus } from '../../fixtures/privacy/independent/cases';
import { IBAN_REGISTRY, ibanValid } from '../../fixtures/privacy/independent/iban';
import { KNOWN_FALSE_POSITIVES, KNOWN_LEAKS } from '../../fixtures/privacy/independent/known';
import { holds, measure, type Outcome } from '../../fixtures/privacy/independent/measure';
import { luhnValid } from '../../fixtures/privacy/independent/random';

const DEFAULT_SEED = 2026120621;
const seed = Number(process.env.REDTEAM_SEED ?? DEFAULT_SEED);

const key = (o: Outcome) => `${o.c.cls}:${o.c.name}`;

function repro(o: Outcome): string {
  return `  ${key(o)}\n    text: ${JSON.stringify(o.c.text.length > 300 ? o.c.text.slice(0, 300) + '…' : o.c.text)}\n` +
    `    found: ${o.findings.length ? o.findings.join(', ') : 'nothing'}; gate: ${o.gate}` +
    (o.c.planted.length ? `; pieces on the wire: ${o.leaked.length ? o.leaked.slice(0, 3).join(' | ') : 'none'}` : '');
}

suite('privacy: independent red team (#21 classes)', () => {
  const { attacks, benign } = corpus(seed);
  const outcomes = [...attacks, ...benign].map(measure);

  test('corpus shape: five classes, every registry country, valid checksums, planted values in the text', () => {
    const classes = new Set(attacks.map((c) => c.cls));
    assert.deepEqual([...classes].sort(), ['1-credential-lines', '2-wrapped-keys', '3-iban-registry', '4-path-labels', '7-punctuation']);
    for (const cls of classes) assert.ok(benign.some((b) => b.cls === cls), `${cls} has benign twins`);
    const countries = new Set(attacks.filter((c) => c.cls === '3-iban-registry').map((c) => c.name.slice(0, 2)));
    assert.equal(countries.size, Object.keys(IBAN_REGISTRY).length);
    assert.ok(countries.size >= 88, `${countries.size} countries`);
    for (const c of attacks) {
      assert.ok(c.planted.length > 0 && c.planted.every((v) => v.length >= 8), c.name);
      // Wrapped values are in the text only piecewise; everything else verbatim.
      if (c.cls !== '2-wrapped-keys' || c.name.endsWith('one-line-control')) assert.ok(c.planted.every((v) => c.text.includes(v)), c.name);
      if (c.name.startsWith('iban') || c.cls === '3-iban-registry') assert.ok(c.planted.every(ibanValid), c.name);
      if (c.name.startsWith('card-')) assert.ok(c.planted.every((v) => luhnValid(v.replace(/\D/g, ''))), c.name);
    }
    assert.equal(new Set(attacks.map((c) => `${c.cls}:${c.name}`)).size, attacks.length, 'attack names are unique');
    assert.equal(new Set(benign.map((c) => `${c.cls}:${c.name}`)).size, benign.length, 'benign names are unique');
  });

  test('every attack outside the known-leak list is found and leaves no 8-char piece on the wire; no twin outside the known list is flagged', () => {
    const rows = new Map<string, { attacks: number; leaks: number; benign: number; fps: number }>();
    const failing: Outcome[] = [];
    const fixedSinceListed: string[] = [];
    for (const o of outcomes) {
      const row = rows.get(o.c.cls) ?? { attacks: 0, leaks: 0, benign: 0, fps: 0 };
      rows.set(o.c.cls, row);
      const ok = holds(o);
      const listed = o.c.planted.length ? KNOWN_LEAKS.has(key(o)) : KNOWN_FALSE_POSITIVES.has(key(o));
      if (o.c.planted.length) { row.attacks++; if (!ok) row.leaks++; } else { row.benign++; if (!ok) row.fps++; }
      if (!ok) failing.push(o);
      else if (listed) fixedSinceListed.push(key(o));
    }
    console.log(`      independent red team, seed ${seed}:`);
    console.table(Object.fromEntries([...rows].sort().map(([cls, r]) => [cls, r])));
    const leaks = failing.filter((o) => o.c.planted.length);
    const fps = failing.filter((o) => !o.c.planted.length);
    console.log(`      leaks: ${leaks.length} of ${attacks.length} attacks; false positives: ${fps.length} of ${benign.length} twins` +
      (fixedSinceListed.length ? `; now holding but still listed in known.ts: ${fixedSinceListed.join(', ')}` : ''));
    if (process.env.REDTEAM_VERBOSE) console.log(failing.map(repro).join('\n'));
    const unexpected = failing.filter((o) => !(o.c.planted.length ? KNOWN_LEAKS : KNOWN_FALSE_POSITIVES).has(key(o)));
    // Names do not carry values, so another seed is held to the same lists: a new failure there is a value-dependent hole.
    assert.deepEqual(unexpected.map(repro), [], 'cases outside the known lists failed');
  });
});
