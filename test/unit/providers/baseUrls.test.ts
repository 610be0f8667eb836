import * as assert from 'node:assert/strict';
import { anthropicSdkBase, openAISdkBase } from '../../../src/core/providers/baseUrls';

suite('providers/baseUrls', () => {
  test('Anthropic: a trailing /v1 (or slash) is dropped, anything else kept', () => {
    assert.equal(anthropicSdkBase('https://api.anthropic.com'), 'https://api.anthropic.com');
    assert.equal(anthropicSdkBase('https://api.anthropic.com/'), 'https://api.anthropic.com');
    assert.equal(anthropicSdkBase('https://api.anthropic.com/v1'), 'https://api.anthropic.com');
    assert.equal(anthropicSdkBase('https://api.anthropic.com/v1/'), 'https://api.anthropic.com');
    assert.equal(anthropicSdkBase('https://gw.example.com/anthropic'), 'https://gw.example.com/anthropic');
    assert.equal(anthropicSdkBase('https://gw.example.com/v1beta'), 'https://gw.example.com/v1beta');
  });

  test('OpenAI: a bare origin gets /v1; an explicit path is kept', () => {
    assert.equal(openAISdkBase('http://127.0.0.1:8000'), 'http://127.0.0.1:8000/v1');
    assert.equal(openAISdkBase('http://127.0.0.1:8000/'), 'http://127.0.0.1:8000/v1');
    assert.equal(openAISdkBase('https://api.openai.com/v1'), 'https://api.openai.com/v1');
    assert.equal(openAISdkBase('https://openrouter.ai/api/v1/'), 'https://openrouter.ai/api/v1');
    assert.equal(openAISdkBase('https://example.openai.azure.com/openai/deployments/gpt'), 'https://example.openai.azure.com/openai/deployments/gpt');
    assert.equal(openAISdkBase('not a url'), 'not a url');
  });
});
