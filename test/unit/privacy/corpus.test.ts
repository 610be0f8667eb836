// The privacy corpus: every generated secret is found (recall 100 %) and none survives the egress gate; the
// near-miss set stays under 2 % false positives. Figures are printed so the closing note can quote them.
import * as assert from 'node:assert/strict';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { EgressGate } from '../../../src/core/egress/gate';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { negatives, positives, SYNTAXES } from '../../fixtures/privacy/corpus';

const markers = DEFAULT_SETTINGS['privacy.markers'];

suite('privacy: corpus', () => {
  const pos = positives();
  const neg = negatives();

  test('corpus shape: ≥150 positives, ≥16 kinds, ≥8 syntaxes; ≥150 negatives', () => {
    assert.ok(pos.length >= 150, `${pos.length} positives`);
    assert.ok(new Set(pos.map((p) => p.kind)).size >= 16);
    assert.ok(new Set(pos.map((p) => p.syntax)).size >= 8);
    assert.deepEqual([...new Set(pos.map((p) => p.syntax))].sort(), [...SYNTAXES].sort());
    assert.ok(neg.length >= 150, `${neg.length} negatives`);
  });

  test('recall: every planted secret is covered by a finding of its kind', () => {
    const missed: string[] = [];
    for (const c of pos) {
      const findings = scanSensitive(c.text, { markers });
      for (const part of c.secretParts) {
        const at = c.text.indexOf(part);
        assert.ok(at >= 0);
        const covered = findings.some((f) => f.kind === c.kind && f.start <= at && f.end >= at + part.length);
        if (!covered) missed.push(`${c.kind} in ${c.syntax}`);
      }
    }
    const recall = 1 - missed.length / pos.length;
    console.log(`      privacy corpus recall: ${(recall * 100).toFixed(1)} % (${pos.length - missed.length}/${pos.length}, ${new Set(pos.map((p) => p.kind)).size} kinds, ${SYNTAXES.length} syntaxes)`);
    assert.deepEqual(missed, []);
  });

  test('file-start and file-end placements put the secret at byte 0 / the last byte', () => {
    const starts = pos.filter((p) => p.syntax === 'file-start' && p.text.startsWith(p.secretParts[0]));
    const ends = pos.filter((p) => p.syntax === 'file-end' && p.text.endsWith(p.secretParts[p.secretParts.length - 1].slice(-8)));
    assert.ok(starts.length >= 16, `${starts.length} at byte 0`);
    assert.ok(ends.length >= 20, `${ends.length} at the end`);
  });

  test('nothing planted leaves the egress gate (redact mode), and block mode sends nothing', () => {
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: createPathPolicy({ privateGlobs: [] }) });
    const blocker = new EgressGate({ mode: 'block', markers, pathPolicy: createPathPolicy({ privateGlobs: [] }) });
    const leaked: string[] = [];
    for (const c of pos) {
      const body = { model: 'm', system: 'You are a helpful assistant.', maxTokens: 100,
        messages: [{ role: 'user' as const, content: `Why does this fail?\n\n${c.text}` }] };
      const r = gate.prepare(body, ['src/app.ts']);
      assert.ok(r.ok, `${c.kind}/${c.syntax}: ${r.ok ? '' : r.reason}`);
      if (!r.ok) continue;
      const out = [r.body.system, ...r.body.messages.map((m) => m.content)].join('\n');
      for (const part of c.secretParts) if (out.includes(part)) leaked.push(`${c.kind} in ${c.syntax}`);
      assert.ok(r.redactedCount >= 1);
      assert.equal(blocker.prepare(body, []).ok, false);
    }
    console.log(`      secrets absent from gate output: ${(((pos.length - leaked.length) / pos.length) * 100).toFixed(1)} % (${pos.length - leaked.length}/${pos.length})`);
    assert.deepEqual(leaked, []);
  });

  test('near misses: false-positive rate ≤ 2 %', () => {
    const flagged: string[] = [];
    for (const n of neg) {
      const findings = scanSensitive(n.text, { markers });
      if (findings.length > 0) flagged.push(`${n.category}: ${findings.map((f) => f.kind).join(', ')}`);
    }
    const rate = flagged.length / neg.length;
    console.log(`      near-miss false positives: ${(rate * 100).toFixed(1)} % (${flagged.length}/${neg.length})${flagged.length ? ' — ' + flagged.join('; ') : ''}`);
    assert.ok(rate <= 0.02, flagged.join('\n'));
  });
});
