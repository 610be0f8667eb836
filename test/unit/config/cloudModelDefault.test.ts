// hybrid.cloud.model's default follows hybrid.cloud.provider while the user has not set it: switching to OpenAI
// used to send "claude-sonnet-5" to OpenAI (a 404 card on the first question).
import * as assert from 'node:assert/strict';
import { cloudModelLine, DEFAULT_CLOUD_MODEL, followedProvider } from '../../../src/core/cloudDefaults';
import { statusText } from '../../../src/core/presentation/statusText';
import { DECLARED_DEFAULTS, normalizeSettings, type SettingKey } from '../../../src/core/settings';
import pkg from '../../../package.json';
import { BUNDLED_PRICES, findModel } from '../../../src/core/spend';
import { AskRig } from '../spend/fixtures/askRig';

const settingsFrom = (raw: Partial<Record<SettingKey, unknown>>) => normalizeSettings((k) => raw[k]).settings;

suite('settings: the cloud model follows the provider until the user names one', function () {
  this.timeout(20_000);

  test('unset: Anthropic → claude-sonnet-5, OpenAI → gpt-5.4; both are rows of the price table with their own provider', () => {
    assert.equal(settingsFrom({})['cloud.model'], 'claude-sonnet-5');
    assert.equal(settingsFrom({ 'cloud.provider': 'openai' })['cloud.model'], 'gpt-5.4');
    for (const [provider, model] of Object.entries(DEFAULT_CLOUD_MODEL)) assert.equal(findModel(model, BUNDLED_PRICES)?.provider, provider, model);
  });

  test('a model the user named stays, whatever the provider (a gateway group may carry any name)', () => {
    assert.equal(settingsFrom({ 'cloud.provider': 'openai', 'cloud.model': 'claude-sonnet-5' })['cloud.model'], 'claude-sonnet-5');
    assert.equal(settingsFrom({ 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1' })['cloud.model'], 'gpt-4.1');
    assert.equal(settingsFrom({ 'cloud.provider': 'anthropic', 'cloud.model': 'claude-haiku-4-5' })['cloud.model'], 'claude-haiku-4-5');
  });

  test('an unusable value falls back to the provider\'s default, and says so', () => {
    for (const bad of [42, ['gpt-4.1'], { id: 'x' }]) {
      const { settings, problems } = normalizeSettings((k) => ({ 'cloud.provider': 'openai', 'cloud.model': bad } as Record<string, unknown>)[k]);
      assert.equal(settings['cloud.model'], 'gpt-5.4');
      assert.ok(problems.some((p) => p.startsWith('hybrid.cloud.model:')), problems.join('; '));
    }
  });

  test('empty is the declared default: the provider\'s model, silently (the Settings editor writes "" when the field is cleared)', () => {
    for (const empty of ['', '  ', '\t']) {
      for (const [provider, model] of Object.entries(DEFAULT_CLOUD_MODEL)) {
        const { settings, problems } = normalizeSettings((k) => ({ 'cloud.provider': provider, 'cloud.model': empty } as Record<string, unknown>)[k]);
        assert.equal(settings['cloud.model'], model, `${JSON.stringify(empty)} with ${provider}`);
        assert.deepEqual(problems, []);
      }
    }
    const a = settingsFrom({ 'cloud.model': '' }), o = settingsFrom({ 'cloud.provider': 'openai', 'cloud.model': '' });
    assert.match(followedProvider(a, o) ?? '', /cloud questions go to gpt-5\.4/, 'a cleared field follows the provider as an unset one does');
  });

  test('the Settings editor shows what is used: declared default "", the description names each provider\'s default', () => {
    const declared = (pkg.contributes.configuration.properties as Record<string, { default: unknown; markdownDescription?: string }>)['hybrid.cloud.model'];
    assert.equal(declared.default, DECLARED_DEFAULTS['cloud.model']);
    assert.equal(declared.default, '');
    for (const [provider, model] of Object.entries(DEFAULT_CLOUD_MODEL)) {
      const name = provider === 'openai' ? 'OpenAI' : 'Anthropic';
      assert.ok(declared.markdownDescription?.includes(`\`${model}\` with ${name}`), `the description names ${model} for ${name}: ${declared.markdownDescription}`);
    }
  });

  test('the switch is said once, naming the model that now answers; not when the user chose the model', () => {
    const a = settingsFrom({}), o = settingsFrom({ 'cloud.provider': 'openai' });
    assert.match(followedProvider(a, o) ?? '', /now OpenAI; cloud questions go to gpt-5\.4/);
    assert.match(followedProvider(o, a) ?? '', /now Anthropic; cloud questions go to claude-sonnet-5/);
    assert.equal(followedProvider(a, a), undefined);
    assert.equal(followedProvider(a, settingsFrom({ 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1' })), undefined);
  });

  test('the status bar tooltip names the model cloud questions go to', () => {
    const tip = (raw: Partial<Record<SettingKey, unknown>>) => statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: 0, monthUsd: 0, cloudModel: cloudModelLine(settingsFrom(raw)) }).tooltip;
    assert.match(tip({ 'cloud.provider': 'openai' }), /^Cloud model: gpt-5\.4 \(the default for OpenAI\)$/m);
    assert.match(tip({}), /^Cloud model: claude-sonnet-5 \(the default for Anthropic\)$/m);
    assert.match(tip({ 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1' }), /^Cloud model: gpt-4\.1 \(OpenAI\)$/m);
  });

  test('through the whole Ask pipeline: OpenAI is asked for gpt-5.4, and the bill is gpt-5.4\'s (1000×2.5 + 11×15 = 2665 µ$)', async () => {
    const rig = new AskRig('The map call returns a new array of the same length.', new Date(2026, 11, 6, 15).getTime());
    await rig.open();
    try {
      const s = settingsFrom({ 'cloud.provider': 'openai' });
      const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': s['cloud.model'] }, openai: { usage: { prompt: 1000, cached: 0, reasoning: 0 } } });
      assert.equal((rig.openai.seen[0]!.json as { model: string }).model, 'gpt-5.4');
      assert.equal(r.records.length, 1);
      assert.ok(Math.abs((r.records[0]!.costUsd ?? NaN) - 0.002665) < 1e-12, String(r.records[0]!.costUsd));
    } finally { await rig.close(); }
  });
});
