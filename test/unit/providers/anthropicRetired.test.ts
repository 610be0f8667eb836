// A model past its end-of-life date, through the real Anthropic SDK against the loopback fake: the API's 404
// not_found_error ("model: claude-sonnet-4-5") must reach the user as "reached end-of-life on 30 Nov 2026 — set
// hybrid.cloud.model to …", not as a typo to look for. The SDK's own word on it is a console.warn that still says
// "will reach end-of-life" after the day; it is captured here only to keep the test output clean and to show it.
import * as assert from 'node:assert/strict';
import { FakeAnthropic } from '../../fakes/anthropic';
import type { StartedServer } from '../../fakes/base';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { cloudModelSetting } from '../../../src/core/modelAdvice';
import { normalizeSettings } from '../../../src/core/settings';
import { errorTitle, settingNamed } from '../../../src/webview/chat/errorTitle';
import { settingQuery } from '../../../src/core/settingQuery';
import { drain, never, sealed, testKey } from './helpers';

const TODAY = Date.parse('2026-12-07T13:00:00Z');
const BEFORE = Date.parse('2026-11-29T23:00:00Z');

suite('providers/anthropic: a retired model (real SDK, loopback fake)', () => {
  const fake = new FakeAnthropic();
  let server: StartedServer;
  let warned: string[] = [];
  const realWarn = console.warn;
  suiteSetup(async () => { server = await fake.start(); });
  suiteTeardown(async () => { await fake.close(); });
  setup(() => {
    fake.reset(); fake.retiredModels.clear(); fake.setReply({ ttftMs: 0, perTokenMs: 0 });
    warned = [];
    console.warn = (...a: unknown[]) => { warned.push(a.map(String).join(' ')); };
  });
  teardown(() => { console.warn = realWarn; });

  const settings = normalizeSettings((k) => ({ 'cloud.model': 'claude-sonnet-5', 'cloud.lightModel': 'claude-sonnet-4-5-20250929' } as Record<string, unknown>)[k]).settings;
  const run = (model: string, now: number) => drain(createAnthropicProvider({
    baseUrl: server.url, apiKey: testKey(), maxRetries: 2, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000,
    wallClock: { now: () => now }, modelSetting: (m) => cloudModelSetting(settings, m),
  }).stream(sealed(model), never()));

  test('after the day: the 404 names the day and the setting, once, not retried; the Open Settings button lands on it', async () => {
    fake.retiredModels.add('claude-sonnet-4-5');
    const d = await run('claude-sonnet-4-5', TODAY);
    const f = d.result.failure!;
    assert.equal(f.code, 'modelMissing');
    assert.equal(f.status, 404);
    assert.equal(f.message, 'Anthropic no longer serves “claude-sonnet-4-5”: it reached end-of-life on 30 Nov 2026 (404) — set hybrid.cloud.model to claude-sonnet-5.');
    assert.equal(fake.requests.length, 1, 'a 404 is not retried');
    assert.equal(settingQuery(settingNamed(f.message)), 'hybrid.cloud.model');
    assert.equal(errorTitle(f.code), 'Model not found');
    // What the SDK alone would have said, and where: the extension host's console, in the future tense.
    assert.equal(warned.length, 1);
    assert.match(warned[0]!, /The model 'claude-sonnet-4-5' is deprecated and will reach end-of-life on November 30th, 2026/);
  });

  test('the light tier\'s dated snapshot: its own setting, and "auto" to set', async () => {
    fake.retiredModels.add('claude-sonnet-4-5-20250929');
    const f = (await run('claude-sonnet-4-5-20250929', TODAY)).result.failure!;
    assert.equal(f.message, 'Anthropic no longer serves “claude-sonnet-4-5-20250929”: it reached end-of-life on 30 Nov 2026 (404) — set hybrid.cloud.lightModel to auto.');
  });

  test('a model the table does not list (mythos preview is listed; a typo is not) gets the generic 404', async () => {
    fake.retiredModels.add('claude-sonet-4-5');
    const f = (await run('claude-sonet-4-5', TODAY)).result.failure!;
    assert.equal(f.message, 'Anthropic does not know the model “claude-sonet-4-5” (404) — check hybrid.cloud.model.');
  });

  test('before the day the model answers, and nothing is said in the answer (the settings warning does that)', async () => {
    const d = await run('claude-sonnet-4-5', BEFORE);
    assert.equal(d.result.failure, undefined);
    assert.ok(d.text.startsWith('[fake-anthropic]'));
  });

  test('a 404 before the day (the API retired it early, or a proxy does not have it): not called end-of-life', async () => {
    fake.retiredModels.add('claude-sonnet-4-5');
    const f = (await run('claude-sonnet-4-5', BEFORE)).result.failure!;
    assert.equal(f.message, 'Anthropic does not know the model “claude-sonnet-4-5” (404) — check hybrid.cloud.model.');
  });
});
