import * as assert from 'node:assert/strict';
import { lineRange } from '../../../src/shared/lineRange';

suite('context chips: line ranges', () => {
  test('a range reads with an en dash; one line reads as that line, not "3–3"', () => {
    assert.equal(lineRange(1, 38), '1–38');
    assert.equal(lineRange(3, 3), '3');
    assert.equal(lineRange(7, 6), '7', 'an empty span (end before start) is its first line');
  });
});
