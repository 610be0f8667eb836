// What a user is told when settings name a deprecated model: which setting, the day, what to set instead; once per
// setting and model; the status bar line; and the 404 failure for a model past its end-of-life date.
import * as assert from 'node:assert/strict';
import { cloudModelNote, cloudModelSetting, deprecatedModelSettings, unwarned } from '../../../src/core/modelAdvice';
import { cloudModelLine } from '../../../src/core/cloudDefaults';
import { normalizeSettings, type SettingKey } from '../../../src/core/settings';
import { httpFailure, type FailureContext } from '../../../src/core/providers/failures';
import { statusText } from '../../../src/core/presentation/statusText';

const settingsFrom = (raw: Partial<Record<SettingKey, unknown>>) => normalizeSettings((k) => raw[k]).settings;
const BEFORE = Date.parse('2026-11-01T09:00:00Z');
const TODAY = Date.parse('2026-12-07T13:00:00Z');

function ctx(over: Partial<FailureContext> = {}): FailureContext {
  return {
    name: 'Anthropic', baseUrl: 'https://api.anthropic.com', model: 'claude-sonnet-4-5', baseUrlSetting: 'hybrid.anthropic.baseUrl',
    modelSetting: 'hybrid.cloud.model', timeoutSetting: 'hybrid.timeouts.cloudFirstByteMs', firstByteTimeoutMs: 30_000, idleTimeoutMs: 20_000,
    state: { attempts: 1 } as FailureContext['state'], usesApiKey: true, eolNow: TODAY, eolReplacement: 'claude-sonnet-5', ...over,
  };
}
const notFound = (message: string) => ({ type: 'error', error: { type: 'not_found_error', message }, request_id: 'req_011CUxyz' });

suite('core/modelAdvice: deprecated models in settings', () => {
  test('before end-of-life: a warning naming the setting, the day and the provider default', () => {
    const [w, ...rest] = deprecatedModelSettings(settingsFrom({ 'cloud.model': 'claude-sonnet-4-5' }), BEFORE);
    assert.equal(rest.length, 0);
    assert.equal(w!.message, 'claude-sonnet-4-5 reaches end-of-life on 30 Nov 2026 — set hybrid.cloud.model to claude-sonnet-5.');
    assert.equal(w!.retired, false);
  });

  test('after end-of-life: says every request fails; the dated snapshot is warned about like the alias', () => {
    const [w] = deprecatedModelSettings(settingsFrom({ 'cloud.model': 'claude-sonnet-4-5-20250929' }), TODAY);
    assert.equal(w!.message, 'claude-sonnet-4-5-20250929 reached end-of-life on 30 Nov 2026: Anthropic no longer serves it, every request with it fails — set hybrid.cloud.model to claude-sonnet-5.');
  });

  test('the light tier: its own setting, and "auto" as the fix (not the frontier default)', () => {
    const ws = deprecatedModelSettings(settingsFrom({ 'cloud.lightModel': 'claude-sonnet-4-5' }), TODAY);
    assert.deepEqual(ws.map((w) => [w.setting, w.replacement]), [['hybrid.cloud.lightModel', 'auto']]);
    const both = deprecatedModelSettings(settingsFrom({ 'cloud.model': 'claude-mythos-preview', 'cloud.lightModel': 'claude-sonnet-4-5' }), TODAY);
    assert.deepEqual(both.map((w) => w.setting), ['hybrid.cloud.model', 'hybrid.cloud.lightModel']);
  });

  test('nothing for current models, the defaults, "auto", an empty light tier, or OpenAI (whose SDK ships no dates)', () => {
    for (const raw of [{}, { 'cloud.model': 'claude-sonnet-4-6' }, { 'cloud.lightModel': 'auto' }, { 'cloud.lightModel': '' }, { 'cloud.provider': 'openai' },
      { 'cloud.provider': 'openai', 'cloud.model': 'gpt-4o' }, { 'cloud.provider': 'openai', 'cloud.model': 'claude-sonnet-4-5' }] as const) {
      assert.deepEqual(deprecatedModelSettings(settingsFrom(raw), TODAY), [], JSON.stringify(raw));
    }
  });

  test('a gateway\'s cloud group named after a retired Claude id is warned about, without inventing a group to switch to', () => {
    const [w] = deprecatedModelSettings(settingsFrom({ 'gateway.baseUrl': 'https://llm.example.test', 'cloud.provider': 'openai', 'cloud.model': 'anthropic/claude-sonnet-4-5' }), TODAY);
    assert.equal(w!.replacement, undefined);
    assert.match(w!.message, /^anthropic\/claude-sonnet-4-5 reached end-of-life on 30 Nov 2026.* set hybrid\.cloud\.model to a current model your gateway offers\.$/);
    // Private groups are self-hosted: never judged against Anthropic's table.
    assert.deepEqual(deprecatedModelSettings(settingsFrom({ 'gateway.baseUrl': 'https://llm.example.test', 'gateway.privateModel': 'claude-sonnet-4-5' }), TODAY), []);
  });

  test('once per setting and model in a session; again when the model or the day\'s verdict changes', () => {
    const seen = new Set<string>();
    const s = settingsFrom({ 'cloud.model': 'claude-sonnet-4-5' });
    assert.equal(unwarned(seen, deprecatedModelSettings(s, BEFORE)).length, 1);
    assert.equal(unwarned(seen, deprecatedModelSettings(s, BEFORE)).length, 0);
    assert.equal(unwarned(seen, deprecatedModelSettings(settingsFrom({ 'cloud.model': 'claude-sonnet-4-6' }), BEFORE)).length, 0);
    assert.equal(unwarned(seen, deprecatedModelSettings(s, TODAY)).length, 1, 'crossing the day: it now fails, said once more');
    assert.equal(unwarned(seen, deprecatedModelSettings(settingsFrom({ 'cloud.model': 'claude-sonnet-4-5-20250929' }), TODAY)).length, 1);
  });

  test('the status bar tooltip line marks the model, and only a deprecated one', () => {
    const s = settingsFrom({ 'cloud.model': 'claude-sonnet-4-5' });
    const line = cloudModelLine(s) + cloudModelNote(s, TODAY);
    assert.equal(line, 'Cloud model: claude-sonnet-4-5 (Anthropic) — retired: reached end-of-life on 30 Nov 2026; set hybrid.cloud.model to claude-sonnet-5');
    assert.equal(cloudModelNote(s, BEFORE), ' — deprecated: reaches end-of-life on 30 Nov 2026; set hybrid.cloud.model to claude-sonnet-5');
    assert.equal(cloudModelNote(settingsFrom({}), TODAY), '');
    assert.ok(statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, cloudModel: line }).tooltip.includes('reached end-of-life on 30 Nov 2026'));
  });

  test('which setting chose a cloud model: the light tier\'s own only when it differs from the frontier model', () => {
    const s = settingsFrom({ 'cloud.model': 'claude-sonnet-5', 'cloud.lightModel': 'claude-sonnet-4-5' });
    assert.equal(cloudModelSetting(s, 'claude-sonnet-4-5'), 'hybrid.cloud.lightModel');
    assert.equal(cloudModelSetting(s, 'claude-sonnet-5'), 'hybrid.cloud.model');
    assert.equal(cloudModelSetting(settingsFrom({ 'cloud.model': 'x', 'cloud.lightModel': 'x' }), 'x'), 'hybrid.cloud.model');
    assert.equal(cloudModelSetting(settingsFrom({}), 'claude-haiku-4-5'), 'hybrid.cloud.model', '"auto" is not a model the user named');
  });
});

suite('core/providers: a 404 for a model past its end-of-life date', () => {
  test('Anthropic\'s own not_found_error body → names the day and the setting, and the default to set', () => {
    const f = httpFailure(ctx(), { status: 404, body: notFound('model: claude-sonnet-4-5') });
    assert.equal(f.code, 'modelMissing');
    assert.equal(f.fix, 'openSettings');
    assert.equal(f.message, 'Anthropic no longer serves “claude-sonnet-4-5”: it reached end-of-life on 30 Nov 2026 (404) — set hybrid.cloud.model to claude-sonnet-5.');
  });

  test('the light tier\'s setting, and a bare 404 without a body, say the same', () => {
    const f = httpFailure(ctx({ modelSetting: 'hybrid.cloud.lightModel', eolReplacement: 'auto' }), { status: 404, body: '' });
    assert.match(f.message, /end-of-life on 30 Nov 2026 \(404\) — set hybrid\.cloud\.lightModel to auto\.$/);
  });

  test('not the model: a 404 for a path, a model before its day, an unknown model, no clock → the generic message', () => {
    const generic = /does not know the model “.+” \(404\) — check hybrid\.cloud\.model\.$/;
    assert.match(httpFailure(ctx(), { status: 404, body: notFound('POST /v1/v1/messages not found') }).message, generic);
    assert.match(httpFailure(ctx({ eolNow: BEFORE }), { status: 404, body: notFound('model: claude-sonnet-4-5') }).message, generic);
    assert.match(httpFailure(ctx({ model: 'claude-sonnet-4-7' }), { status: 404, body: notFound('model: claude-sonnet-4-7') }).message, generic);
    assert.match(httpFailure(ctx({ eolNow: undefined }), { status: 404, body: notFound('model: claude-sonnet-4-5') }).message, generic);
  });

  test('a gateway\'s 400 model_not_found for a retired group: the day, and no invented replacement', () => {
    const f = httpFailure(ctx({ name: 'The LiteLLM gateway', model: 'anthropic/claude-sonnet-4-5', eolReplacement: undefined }),
      { status: 400, body: { error: { message: 'Invalid model name passed in model=anthropic/claude-sonnet-4-5', type: 'invalid_request_error', code: 'model_not_found' } } });
    assert.equal(f.message, 'The LiteLLM gateway no longer serves “anthropic/claude-sonnet-4-5”: it reached end-of-life on 30 Nov 2026 (400) — set hybrid.cloud.model to a current model.');
  });
});
