import * as assert from 'node:assert/strict';
import { usedFiles, whyLine } from '../../../src/webview/chat/routeText';

suite('chat view: the narrow Why line and context summary', () => {
  test('the low band: the band line that restates the score is dropped, and no setting id is shown', () => {
    const why = whyLine(['local: short question (3 words) (score 0.00, below 0.25), nothing sensitive found',
      'band: local (score below hybrid.routing.localBelow 0.25)']);
    assert.equal(why, 'Short question (3 words) (score 0.00, below 0.25), nothing sensitive found');
    assert.doesNotMatch(why, /hybrid\./);
  });

  test('the middle band keeps its escalation promise, without the setting id', () => {
    const why = whyLine(['local first: design question (score 0.40, between 0.25 and 0.6), nothing sensitive found',
      'band: local first (score from hybrid.routing.localBelow 0.25 up to hybrid.routing.complexityThreshold 0.6); if the local answer\'s confidence is below 0.7, the light cloud model answers too (hybrid.routing.escalation "auto")']);
    assert.equal(why, 'Local first: design question (score 0.40, between 0.25 and 0.6), nothing sensitive found · '
      + 'If the local answer\'s confidence is below 0.7, the light cloud model answers too');
  });

  test('reasons without setting ids pass through', () => {
    assert.equal(whyLine(['cloud: you asked the cloud model', 'note: 85% of the monthly budget used']),
      'You asked the cloud model · Note: 85% of the monthly budget used');
  });

  test('after sending, "will be redacted" reads as what happened; a preview keeps the future', () => {
    const reasons = ['cloud: you asked the cloud model', '1 email address will be redacted before sending (an email address)'];
    assert.equal(whyLine(reasons), 'You asked the cloud model · 1 email address redacted before sending (an email address)');
    assert.match(whyLine(reasons, false), /will be redacted/);
  });

  test('the repo map note does not bring its own file counts', () => {
    assert.equal(whyLine(['cloud: asks how to approach it (score 0.70), nothing sensitive found', 'attached a repo map of 4 files, ~200 tokens and 8 definitions from 3 files']),
      'Asks how to approach it (score 0.70), nothing sensitive found · Attached the repo map (~200 tokens) and 8 definitions from other files');
  });

  test('under an answer the repo map\'s per-file reasons fold into one clause; a preview (Explain Route) keeps each', () => {
    const reasons = ['cloud: asks how to approach it (score 0.70), nothing sensitive found',
      'why src/cart.ts: matches subtotal, tax; linked to src/api/client.ts', 'why src/api/client.ts: linked to src/cart.ts',
      'why src/tax.ts: similarity 0.81', 'note: 85% of the monthly budget used'];
    assert.equal(whyLine(reasons), 'Asks how to approach it (score 0.70), nothing sensitive found · 3 files chosen from the repo map (hover for why each) · Note: 85% of the monthly budget used');
    assert.match(whyLine(reasons, false), /Why src\/cart\.ts: matches subtotal, tax; linked to src\/api\/client\.ts · Why src\/api\/client\.ts/);
    assert.equal(whyLine(['local: you asked privately', 'why a.ts: matches a']), 'You asked privately · 1 file chosen from the repo map (hover for why each)');
  });

  test('a path that starts a clause keeps its case; a word is capitalised', () => {
    assert.equal(whyLine(['local: internal/rates.ts matches a private path (rule "internal/" in .aiignore; remove it there to let the file go to the cloud)']),
      'internal/rates.ts matches a private path (rule "internal/" in .aiignore; remove it there to let the file go to the cloud)');
    assert.equal(whyLine(['local: .env matches a private path']), '.env matches a private path');
    assert.equal(whyLine(['cloud: you asked the cloud model']), 'You asked the cloud model');
  });

  test('"Used N files" counts distinct files; the repo map is named, not counted', () => {
    const c = (path: string) => ({ path });
    assert.equal(usedFiles([c('src/a.ts'), c('src/b.ts'), c('src/b.ts'), c('repo map')]), 'Used 2 files and the repo map');
    assert.equal(usedFiles([c('src/a.ts')]), 'Used 1 file');
  });
});
