// The rule table's own samples, run generically (gitleaks runs each rule's tps/fps the same way): every detector
// finds each of its true positives, alone and through the whole scan, and the whole scan finds nothing in any of
// its near misses. Secret-shaped samples are drawn here, at test time, from a seed.

import * as assert from 'node:assert/strict';
import type { Sample, SampleRng } from '../../../src/core/privacy/detector';
import { DETECTORS, SECRET_RULES } from '../../../src/core/privacy/detectors';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { Rng } from '../../fixtures/privacy/corpus';

const SEED = Number(process.env.DETECTOR_SEED ?? 0xd37ec7);

class TestRng extends Rng implements SampleRng {
  mixed(charset: string, n: number): string {
    const canMix = /[A-Z]/.test(charset) && /[a-z]/.test(charset) && /\d/.test(charset);
    for (;;) {
      const v = this.str(charset, n);
      if (!canMix || (/[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v))) return v;
    }
  }
}

function draw(s: Sample, g: SampleRng): string {
  return typeof s === 'string' ? s : s(g);
}

suite('privacy detectors: the rule table', () => {
  test('every detector has an id of its own and at least one true- and one false-positive sample', () => {
    const ids = DETECTORS.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate detector ids');
    for (const d of DETECTORS) {
      assert.ok(d.samples.tp.length > 0, `${d.id}: no true-positive sample`);
      assert.ok(d.samples.fp.length > 0, `${d.id}: no false-positive sample`);
    }
    // Every regex rule runs as a detector of the table (several rules may report one kind: jwt, jwt#2).
    const perKind = new Map<string, number>();
    for (const r of SECRET_RULES) perKind.set(r.kind, (perKind.get(r.kind) ?? 0) + 1);
    for (const [kind, n] of perKind) assert.ok(ids.filter((id) => id === kind || id.startsWith(`${kind}#`)).length >= n, kind);
  });

  test('every true-positive sample is found by its own detector and by the whole scan', () => {
    const g = new TestRng(SEED);
    const misses: string[] = [];
    for (const d of DETECTORS) {
      for (const s of d.samples.tp) {
        const text = draw(s, g);
        if (d.find(text).length === 0) misses.push(`${d.id}: its own find missed ${JSON.stringify(text.slice(0, 120))}`);
        else if (scanSensitive(text).length === 0) misses.push(`${d.id}: the scan missed ${JSON.stringify(text.slice(0, 120))}`);
      }
    }
    assert.deepEqual(misses, []);
  });

  test('no false-positive sample is flagged by any detector', () => {
    const g = new TestRng(SEED + 1);
    const flagged: string[] = [];
    for (const d of DETECTORS) {
      for (const s of d.samples.fp) {
        const text = draw(s, g);
        const found = scanSensitive(text);
        if (found.length > 0) flagged.push(`${d.id}: ${JSON.stringify(text.slice(0, 120))} → ${found.map((f) => f.kind).join(', ')}`);
      }
    }
    assert.deepEqual(flagged, []);
  });
});
