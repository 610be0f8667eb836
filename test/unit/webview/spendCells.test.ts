import * as assert from 'node:assert/strict';
import { cacheSavedText } from '../../../src/webview/spend/cells';

suite('spend panel: the by-model "Cache saved" cell', () => {
  test('a model with no price saved an unknown amount, not $0.00', () => {
    assert.equal(cacheSavedText({ requests: 1, cloudRequests: 1, unknownPriceRequests: 1, cacheSavedUsd: 0 }), 'unknown');
  });
  test('a priced cloud model shows its figure; a local model has none', () => {
    assert.equal(cacheSavedText({ requests: 3, cloudRequests: 3, unknownPriceRequests: 0, cacheSavedUsd: 0.0042 }), '$0.0042');
    assert.equal(cacheSavedText({ requests: 20, cloudRequests: 0, unknownPriceRequests: 0, cacheSavedUsd: 0 }), '—');
  });
});
