// The repo index, the retrieval terms and the review parser read text nobody vetted: string literals and comments
// of any file under the size cap, questions, a model's answer. A regex that retries a long run from each of its
// characters is quadratic there: 150 k letters in one string literal held the tag pass for half a minute, 60 k
// capitals in a comment or question took seconds in the word splitter, and so did a whitespace-only answer line.
// Each case below took seconds before; a linear pass takes milliseconds.
import * as assert from 'node:assert/strict';
import { TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createTagParser, skipReason } from '../../../src/core/context';
import { codeTerms, identifierWords, questionTerms } from '../../../src/core/context/terms';
import { parseReviewFindings } from '../../../src/core/pipeline/reviewFindings';
import { isCredentialName } from '../../../src/core/privacy/credentialNames';

const LIMIT_MS = 1000;
const N = 60_000;

function ms(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

suite('context: hostile long runs stay linear', function () {
  this.timeout(60_000);

  test('a file under the size cap with a 150 k-letter string literal is tagged quickly, prose strings still kept', async () => {
    const parser = createTagParser(TREE_SITTER_WASM_DIR);
    const lines = ['const note = "retry the request later";'];
    for (let i = 0; i < 25; i++) lines.push(`export function f${i}() { return ${i}; }`);
    lines.push(`const blob = "${'a'.repeat(150_000)}";`);
    const text = lines.join('\n');
    assert.equal(skipReason('src/blob.js', text.length, text.slice(0, 4000)), undefined, 'the index does parse this file');
    await parser.tags('src/warm.js', 'const x = "warm up";');
    const t0 = performance.now();
    const tags = await parser.tags('src/blob.js', text);
    const took = performance.now() - t0;
    assert.ok(took < LIMIT_MS * 3, `tagging took ${Math.round(took)} ms`);
    assert.equal(tags?.strings, 'retry the request later');
    assert.equal(tags?.defs.length, 25);
  });

  test('capital runs in identifiers, comments and questions are split in linear time, with the same words', () => {
    for (const f of [() => identifierWords('A'.repeat(N)), () => identifierWords(`${'A'.repeat(N)}sa`), () => codeTerms('B'.repeat(N)),
      () => questionTerms(`why ${'C'.repeat(N)}`), () => isCredentialName('D'.repeat(N))]) {
      const took = ms(f);
      assert.ok(took < LIMIT_MS, `${Math.round(took)} ms`);
    }
    assert.deepEqual(identifierWords('parseHTTPResponse URLs IDsOf XMLHttpRequest'), ['parse', 'http', 'response', 'urls', 'ids', 'of', 'xml', 'http', 'request']);
    assert.equal(isCredentialName('DB_PASSWORD'), true);
    assert.equal(isCredentialName('XMLPasswordField'), true);
  });

  test('a whitespace-only line in a review answer costs nothing, and the findings around it are read', () => {
    const answer = `- L2: error: off by one\n${' '.repeat(N)}\n${'\t'.repeat(N)}\nL3: warning: unused`;
    let found: ReturnType<typeof parseReviewFindings> = [];
    const took = ms(() => { found = parseReviewFindings(answer, { startLine: 1, endLine: 10 }); });
    assert.ok(took < LIMIT_MS, `${Math.round(took)} ms`);
    assert.deepEqual(found.map((f) => `${f.line} ${f.severity} ${f.message}`), ['2 error off by one', '3 warning unused']);
  });
});
