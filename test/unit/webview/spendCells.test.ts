import * as assert from 'node:assert/strict';
import { cacheSavedText, cloudLegendText } from '../../../src/webview/spend/cells';

suite('spend panel: the by-model "Cache saved" cell', () => {
  test('a model with no price saved an unknown amount, not $0.00', () => {
    assert.equal(cacheSavedText({ requests: 1, cloudRequests: 1, unknownPriceRequests: 1, cacheSavedUsd: 0 }), 'unknown');
  });
  test('a priced cloud model shows its figure; a local model has none', () => {
    assert.equal(cacheSavedText({ requests: 3, cloudRequests: 3, unknownPriceRequests: 0, cacheSavedUsd: 0.0042 }), '$0.0042');
    assert.equal(cacheSavedText({ requests: 20, cloudRequests: 0, unknownPriceRequests: 0, cacheSavedUsd: 0 }), '—');
  });
});

suite('spend panel: the "Local vs cloud" legend', () => {
  const month = { localRequests: 1, cloudRequests: 1, cloudUsd: 0, unknownPriceRequests: 0, estimatedCostRequests: 0 };
  test('a cloud request on a model without a price is named, not a bare $0.00', () => {
    assert.equal(cloudLegendText({ ...month, unknownPriceRequests: 1 }), 'Cloud 1 (50%) · $0.00 + 1 unpriced');
  });
  test('a priced month reads its bill; estimates are labelled', () => {
    assert.equal(cloudLegendText({ ...month, cloudRequests: 3, cloudUsd: 0.0421 }), 'Cloud 3 (75%) · $0.04');
    assert.equal(cloudLegendText({ ...month, cloudUsd: 0.0031, estimatedCostRequests: 1 }), 'Cloud 1 (50%) · $0.0031 est.');
  });
});
