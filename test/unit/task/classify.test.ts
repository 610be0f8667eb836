import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/task/classify';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import type { Request } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { loadLabelledRequests } from '../../fixtures/requests/load';
import { GENERATORS, Rng } from '../../fixtures/privacy/corpus';

const threshold = DEFAULT_SETTINGS['routing.complexityThreshold'];

function req(partial: Partial<Request>): Request {
  return { id: 'r', kind: 'ask', origin: 'askAuto', question: '', context: [], ...partial };
}

suite('routing: classify', () => {
  test('labelled set: ≥200 requests, accuracy ≥ 90 %', () => {
    const all = loadLabelledRequests();
    assert.ok(all.length >= 200, `${all.length} labelled requests`);
    const wrong = all.filter((l) => (classify(l.request).complexity >= threshold ? 'high' : 'low') !== l.expected);
    const accuracy = 1 - wrong.length / all.length;
    const highs = all.filter((l) => l.expected === 'high').length;
    console.log(`      classifier accuracy: ${(accuracy * 100).toFixed(1)} % (${all.length - wrong.length}/${all.length}; ${highs} high, ${all.length - highs} low; threshold ${threshold})`);
    assert.ok(accuracy >= 0.9, wrong.map((w) => w.request.question).join('\n'));
  });

  test('signals explain the score, scores stay in 0..1', () => {
    const high = classify(req({ question: 'What are the trade-offs of event sourcing versus a CRUD model for our ledger architecture?' }));
    assert.ok(high.complexity >= threshold);
    assert.ok(high.signals.includes('architecture question'));
    const low = classify(req({ question: 'Rename this variable.' }));
    assert.ok(low.complexity < threshold && low.complexity >= 0);
    assert.ok(low.signals.includes('small edit'));
  });

  test('kind: completions score 0; "explain…" asks become explain', () => {
    assert.equal(classify(req({ kind: 'completion', origin: 'inline' })).complexity, 0);
    assert.equal(classify(req({ question: 'Explain this function' })).kind, 'explain');
    assert.equal(classify(req({ kind: 'review', origin: 'review', question: 'Review' })).kind, 'review');
  });

  test('findings come from question, every context item and the history; file lines are mapped', () => {
    const rng = new Rng(3);
    const key = GENERATORS['github-pat'](rng, 0).value;
    const labels = classify(req({
      question: 'contact me at li.wei@initech.co.uk',
      context: [{ source: 'selection', text: `a\nconst t = "${key}";`, path: 'src/a.ts', startLine: 40 }],
      history: [{ role: 'user', content: `earlier: ${GENERATORS['stripe-secret-key'](rng, 0).value}` }],
    }));
    assert.deepEqual(labels.findings.map((f) => f.kind).sort(), ['email', 'github-pat', 'stripe-secret-key']);
    assert.deepEqual(labels.privatePaths, []);
  });

  test('private paths are listed from the path policy', () => {
    const pathPolicy = createPathPolicy({ privateGlobs: [], aiignore: 'docs/internal/\n' });
    const labels = classify(req({ context: [
      { source: 'file', text: 'PORT=1', path: '.env.production' },
      { source: 'open', text: '# plan', path: 'docs/internal/roadmap.md' },
      { source: 'open', text: 'x', path: 'src/x.ts' },
    ] }), { pathPolicy });
    assert.deepEqual(labels.privatePaths, ['.env.production', 'docs/internal/roadmap.md']);
  });
});
