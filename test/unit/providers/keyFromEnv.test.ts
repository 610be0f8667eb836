// After "Clear API Key" the environment's key is used; when the provider rejects that key, the card must say where
// it lives — "run Set API Key" alone sent users looking for a stored key that no longer exists.

import * as assert from 'node:assert/strict';
import { FakeAnthropic } from '../../fakes/anthropic';
import { FakeOpenAI } from '../../fakes/openai';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { drain, sealed } from './helpers';
import { httpFailure } from '../../../src/core/providers/failures';
import { cloudForRequest } from '../../../src/core/providers/requestKey';
import type { ChatProvider } from '../../../src/core/wire/types';

const ctx = {
  name: 'Anthropic', baseUrl: 'https://api.anthropic.com', model: 'claude-x', baseUrlSetting: 'hybrid.anthropic.baseUrl',
  modelSetting: 'hybrid.cloud.model', timeoutSetting: 'hybrid.timeouts.cloudFirstByteMs', firstByteTimeoutMs: 30_000, idleTimeoutMs: 30_000,
  state: {}, usesApiKey: true,
};
const rejected = (extra: object, status = 401): string =>
  httpFailure({ ...ctx, ...extra } as never, { status, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } } as never).message;

suite('a rejected key is named by where it lives', () => {
  test('a key from the environment: the variable is named, with both ways out', () => {
    for (const status of [401, 403]) {
      const m = rejected({ keyFromEnv: 'ANTHROPIC_API_KEY' }, status);
      assert.match(m, /from the environment variable ANTHROPIC_API_KEY/);
      assert.match(m, /correct or unset it/);
      assert.match(m, /Set API Key/);
      // The card named the variable twice ("from … ANTHROPIC_API_KEY … so ANTHROPIC_API_KEY was used").
      assert.equal(m.split('ANTHROPIC_API_KEY').length - 1, 1, m);
    }
    for (const env of ['OPENAI_API_KEY', 'X']) assert.equal(rejected({ keyFromEnv: env }).split(env).length - 1, 1, 'a one-letter name is still said once');
  });
  test('a stored key: unchanged wording, no variable named', () => {
    const m = rejected({});
    assert.equal(m, 'Anthropic rejected the API key (401) — run “Hybrid: Set API Key”.');
  });
  test('a server that takes no key never names a variable', () => {
    assert.doesNotMatch(rejected({ usesApiKey: false, keyFromEnv: 'OPENAI_API_KEY' }), /OPENAI_API_KEY/);
  });
  test('cloudForRequest hands the variable to the provider only when the key came from it', async () => {
    const built: Array<[string, string | undefined]> = [];
    const build = (k: string, env?: string): ChatProvider => { built.push([k, env]); return {} as ChatProvider; };
    await cloudForRequest({ get: async () => 'sk-stored', lookup: async () => ({ key: 'sk-stored' }) }, 'anthropic', build);
    await cloudForRequest({ get: async () => 'sk-env', lookup: async () => ({ key: ' sk-env ', fromEnv: 'ANTHROPIC_API_KEY' }) }, 'anthropic', build);
    await cloudForRequest({ get: async () => 'sk-old' }, 'openai', build);
    const none = await cloudForRequest({ get: async () => undefined, lookup: async () => ({ key: '  ', fromEnv: 'OPENAI_API_KEY' }) }, 'openai', build);
    assert.deepEqual(built, [['sk-stored', undefined], ['sk-env', 'ANTHROPIC_API_KEY'], ['sk-old', undefined]]);
    assert.equal(none.keySet, false, 'a blank environment variable is no key');
  });
});

suite('a rejected environment key through the real SDK clients (loopback fakes)', () => {
  const anthropic = new FakeAnthropic();
  const openai = new FakeOpenAI();
  let urls: string[] = [];
  suiteSetup(async () => { urls = [(await anthropic.start()).url, (await openai.start()).url]; });
  suiteTeardown(async () => { await anthropic.close(); await openai.close(); });

  test('Anthropic and OpenAI 401s name the variable the key came from; a stored key\'s 401 does not', async () => {
    anthropic.setFault({ kind: 'status', status: 401 });
    openai.setFault({ kind: 'status', status: 401 });
    const key = `sk-test-${Date.now().toString(36)}`;
    const a = await drain(createAnthropicProvider({ baseUrl: urls[0]!, apiKey: key, keyFromEnv: 'ANTHROPIC_API_KEY' }).stream(sealed('claude-sonnet-4-6'), new AbortController().signal));
    const o = await drain(createOpenAIProvider({ baseUrl: urls[1]!, apiKey: key, keyFromEnv: 'OPENAI_API_KEY', location: 'cloud' }).stream(sealed('gpt-5.4'), new AbortController().signal));
    const s = await drain(createAnthropicProvider({ baseUrl: urls[0]!, apiKey: key }).stream(sealed('claude-sonnet-4-6'), new AbortController().signal));
    assert.match(a.result.failure?.message ?? '', /environment variable ANTHROPIC_API_KEY \(401\)/);
    assert.match(o.result.failure?.message ?? '', /environment variable OPENAI_API_KEY \(401\)/);
    assert.doesNotMatch(s.result.failure?.message ?? '', /environment/);
    assert.ok(!JSON.stringify([a, o, s].map((d) => d.result.failure)).includes(key), 'the key is never in a message');
  });
});
