import * as assert from 'node:assert/strict';
import { parseReviewFindings } from '../../../src/core/pipeline/reviewFindings';

suite('review findings', () => {
  test('parses the requested format, ranges and drifted forms, clamped to the reviewed range', () => {
    const answer = [
      'Here is my review:',
      '- L12: error: `user` may be undefined; check before use.',
      '- L14-16: warning: the loop re-reads the file on each pass.',
      '* **Line 3**: info: prefer const.',
      '1. L99: warning: out of range line',
      '- L20: missing severity defaults to warning',
      'Summary: fine otherwise.',
    ].join('\n');
    const f = parseReviewFindings(answer, { startLine: 10, endLine: 30 });
    assert.deepEqual(f.map((x) => [x.line, x.endLine, x.severity]), [
      [12, 12, 'error'], [14, 16, 'warning'], [10, 10, 'info'], [30, 30, 'warning'], [20, 20, 'warning'],
    ]);
    assert.equal(f[0].message, '`user` may be undefined; check before use.');
  });

  test('an answer without findings yields none', () => {
    assert.deepEqual(parseReviewFindings('Looks good to me. Nothing worth changing.', { startLine: 1, endLine: 5 }), []);
  });
});
