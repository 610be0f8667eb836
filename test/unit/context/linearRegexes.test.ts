// The repo index, the retrieval terms and the review parser read text nobody vetted: string literals and comments
// of any file under the size cap, questions, a model's answer. A regex that retries a long run from each of its
// characters is quadratic there: 150 k letters in one string literal held the tag pass for half a minute, 60 k
// capitals in a comment or question took seconds in the word splitter, and so did a whitespace-only answer line
// (33 s, 9 s and 11 s on the old code; a few hundred milliseconds together now). Judged by how each scales
// (linearTime.ts), so a loaded machine does not fail a linear pass.
import * as assert from 'node:assert/strict';
import { TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createTagParser, skipReason } from '../../../src/core/context';
import { codeTerms, identifierWords, joinedTerms, questionTerms } from '../../../src/core/context/terms';
import { parseReviewFindings } from '../../../src/core/pipeline/reviewFindings';
import { isCredentialName } from '../../../src/core/privacy/credentialNames';
import { superLinear } from '../linearTime';

const LIMIT_MS = 500;
const N = 60_000;

/** A JavaScript file the index parses (25 short lines first, so it is not judged minified) ending in a long literal. */
function fileWithLiteral(n: number): string {
  const lines = ['const note = "retry the request later";'];
  for (let i = 0; i < 25; i++) lines.push(`export function f${i}() { return ${i}; }`);
  lines.push(`const blob = "${'a'.repeat(n)}";`);
  return lines.join('\n');
}

suite('context: hostile long runs stay linear', function () {
  this.timeout(120_000);

  test('a file under the size cap with a 150 k-letter string literal is tagged in linear time, prose strings still kept', async () => {
    const parser = createTagParser(TREE_SITTER_WASM_DIR);
    const text = fileWithLiteral(150_000);
    assert.equal(skipReason('src/blob.js', text.length, text.slice(0, 4000)), undefined, 'the index does parse this file');
    const tags = await parser.tags('src/blob.js', text);
    assert.equal(tags?.strings, 'retry the request later');
    assert.equal(tags?.defs.length, 25);
    // parser.tags is async; the tag pass itself (extractTags) is synchronous over the parsed tree: time whole runs.
    const timed = async (n: number): Promise<number> => {
      let best = Infinity;
      for (let i = 0; i < 2; i++) { const t0 = performance.now(); await parser.tags('src/blob.js', fileWithLiteral(n)); best = Math.min(best, performance.now() - t0); }
      return best;
    };
    const whole = await timed(150_000);
    if (whole > LIMIT_MS * 3) {
      const quarter = await timed(37_500);
      assert.ok(whole <= quarter * 8 + 5, `${Math.round(whole)} ms, ${Math.round(quarter)} ms at a quarter of the length`);
    }
  });

  test('capital runs in identifiers, comments and questions are split in linear time, with the same words', () => {
    const slow: string[] = [];
    const cases: [string, (s: string) => unknown, (n: number) => string][] = [
      ['identifierWords', identifierWords, (n) => 'A'.repeat(n)], ['identifierWords, plural', identifierWords, (n) => `${'A'.repeat(n)}sa`],
      ['codeTerms', codeTerms, (n) => 'B'.repeat(n)], ['questionTerms', questionTerms, (n) => `why ${'C'.repeat(n)}`],
      ['isCredentialName', isCredentialName, (n) => 'D'.repeat(n)],
      // Words joined by a slash, dot or hyphen: long runs of segments that end on a separator, or never end.
      ['joinedTerms, segments', (q) => joinedTerms(q, () => true), (n) => `${'ab.'.repeat(n / 3)}.`], ['joinedTerms, one word', (q) => joinedTerms(q, () => true), (n) => `x ${'E'.repeat(n)}/`]];
    for (const [name, work, make] of cases) {
      const r = superLinear((s) => { work(s); }, make, N, LIMIT_MS);
      if (r) slow.push(`${name}: ${r}`);
    }
    assert.deepEqual(slow, []);
    assert.deepEqual(identifierWords('parseHTTPResponse URLs IDsOf XMLHttpRequest'), ['parse', 'http', 'response', 'url', 'id', 'of', 'xml', 'http', 'request']);
    assert.equal(isCredentialName('DB_PASSWORD'), true);
    assert.equal(isCredentialName('XMLPasswordField'), true);
  });

  test('a whitespace-only line in a review answer costs nothing, and the findings around it are read', () => {
    const answer = (n: number): string => `- L2: error: off by one\n${' '.repeat(n)}\n${'\t'.repeat(n)}\nL3: warning: unused`;
    assert.equal(superLinear((s) => { parseReviewFindings(s, { startLine: 1, endLine: 10 }); }, answer, N, LIMIT_MS), undefined);
    const found = parseReviewFindings(answer(N), { startLine: 1, endLine: 10 });
    assert.deepEqual(found.map((f) => `${f.line} ${f.severity} ${f.message}`), ['2 error off by one', '3 warning unused']);
  });
});
