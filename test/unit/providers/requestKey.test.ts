// Issue #16 item 9: the API key is read once per request and passed along. Composed as AskService.ask composes it
// (cloudForRequest, then runAsk with that provider), against the fake Messages API: one SecretStorage read for
// the router's key check, the provider lookup and the SDK call together.
import * as assert from 'node:assert/strict';
import { FakeAnthropic } from '../../fakes/anthropic';
import type { StartedServer } from '../../fakes/base';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { runAsk } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import type { CloudProviderId, KeySource } from '../../../src/core/ports';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { cloudForRequest } from '../../../src/core/providers/requestKey';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { testKey } from './helpers';

class CountingKeys implements KeySource {
  reads: CloudProviderId[] = [];
  constructor(private readonly key: string | undefined) {}
  async get(provider: CloudProviderId): Promise<string | undefined> {
    this.reads.push(provider);
    return this.key;
  }
}

suite('providers / the API key is read once per request', () => {
  const fake = new FakeAnthropic();
  let server: StartedServer;
  suiteSetup(async () => { server = await fake.start(); });
  suiteTeardown(async () => { await server.close(); });
  setup(() => fake.reset());

  async function ask(keys: KeySource): Promise<AskEvent[]> {
    const { keySet, provider } = await cloudForRequest(keys, 'anthropic', (apiKey) => createAnthropicProvider({ baseUrl: server.url, apiKey }));
    const deps = createAskDeps({
      settings: { ...DEFAULT_SETTINGS, 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-6' },
      pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
      local: () => { throw new Error('a cloud ask must not reach the local model'); },
      cloud: async () => provider,
      countTokens: async (s) => Math.ceil(s.length / 4),
      budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
      health: () => ({ local: 'offline', cloud: keySet ? 'ready' : 'noKey' }),
      record: async () => undefined, confirm: async () => true, newId: () => 'req-1',
    });
    const events: AskEvent[] = [];
    for await (const e of runAsk(deps, { origin: 'askCloud', kind: 'ask', question: 'What does a B-tree split do?', context: [] }, new AbortController().signal)) events.push(e);
    return events;
  }

  test('a cloud answer costs one key read, and that key is the one sent', async () => {
    const keys = new CountingKeys(testKey());
    const events = await ask(keys);
    assert.deepEqual(keys.reads, ['anthropic']);
    assert.equal(fake.requests.length, 1);
    assert.equal(fake.requests[0]!.headers['x-api-key'], '[redacted]', 'the key that was read reached the API');
    const done = events.find((e) => e.type === 'done');
    assert.ok(done && done.type === 'done' && done.status === 'ok', JSON.stringify(events.at(-1)));
  });

  test('without a key: one read, nothing sent, the set-key fix offered', async () => {
    const keys = new CountingKeys(undefined);
    const events = await ask(keys);
    assert.deepEqual(keys.reads, ['anthropic']);
    assert.equal(fake.requests.length, 0);
    const err = events.find((e) => e.type === 'error');
    assert.ok(err && err.type === 'error' && err.fixes.includes('setApiKey'));
  });
});
