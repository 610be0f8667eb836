// A workspace can add privacy markers, and a marker that is a regular expression runs over every body on the
// extension host's one thread: a pattern that backtracks exponentially is matched as literal text and reported,
// so a cloned repository cannot hold the window; ordinary patterns keep working as written.
import * as assert from 'node:assert/strict';
import { findMarkers, markerProblems } from '../../../src/core/privacy/markers';
import { backtrackingRisk } from '../../../src/core/privacy/regexRisk';

suite('privacy: markers that could backtrack for minutes', () => {
  test('nested or alternating repeated groups are risky; fixed counts, single repeats and plain alternation are not', () => {
    for (const risky of ['(a+)+$', '(a*)*b', '(\\w+\\s?)*x', '(a|aa)*b', '(.*a){2,}', '((ab)+c)+', '(x+x+)+y', '([a-z]+)*!', '(?:a|b?)+z']) {
      assert.ok(backtrackingRisk(risky), risky);
    }
    for (const fine of ['ACME-\\d+-SECRET', 'INTERNAL[ _-]ONLY', '(ab)+', '(\\d{3}-)+\\d{4}', '(?:and|&)', 'PROJECT (?:ORION|VEGA)', 'a+b+c+', '[(]+x', '\\(a+\\)+', 'DO NOT (?:SHARE|DISTRIBUTE)']) {
      assert.equal(backtrackingRisk(fine), undefined, fine);
    }
  });

  test('a risky marker is matched as its literal text, at once, and reported; a safe regex still matches as written', () => {
    const body = `${'a'.repeat(40_000)}!`;
    const started = performance.now();
    assert.deepEqual(findMarkers(body, ['(a+)+$']), []);
    assert.ok(performance.now() - started < 1000, 'the scan returned at once');
    assert.equal(findMarkers('token (a+)+$ here', ['(a+)+$']).length, 1, 'the literal text is still a marker');
    assert.equal(findMarkers('see ACME-42-SECRET now', ['ACME-\\d+-SECRET']).length, 1);
    assert.deepEqual(markerProblems(['CONFIDENTIAL', 'ACME-\\d+-SECRET', '(a+)+$']),
      ['hybrid.privacy.markers: "(a+)+$" is matched as literal text: a repeated group that repeats inside can take exponential time']);
  });
});
