import * as assert from 'node:assert/strict';
import { providerName } from '../../../src/webview/chat/providerName';

suite('chat view: the set-up list', () => {
  test('names the cloud provider as the key prompt does, not by its setting value', () => {
    assert.equal(providerName('anthropic'), 'Anthropic');
    assert.equal(providerName('openai'), 'OpenAI');
    assert.equal(providerName('gateway'), 'LiteLLM gateway');
    assert.equal(providerName('something-new'), 'something-new', 'an unknown value is shown as set, not hidden');
  });
});
