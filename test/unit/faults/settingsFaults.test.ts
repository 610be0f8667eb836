// Malformed settings as users really write them: each gives a readable problem naming the setting, the default is
// used, and the pipeline still ends with a clear message instead of an instant failure or a request that never ends.
import * as assert from 'node:assert/strict';
import { normalizeSettings, type SettingKey } from '../../../src/core/settings';
import pkg from '../../../package.json';
import { duration } from '../../../src/core/providers/failureText';
import { FaultRig } from './rig';

const declared = pkg.contributes.configuration.properties as Record<string, { minimum?: number; maximum?: number; type?: string }>;

function normalized(raw: Record<string, unknown>) {
  return normalizeSettings((k) => raw[k]);
}

suite('faults: malformed settings', () => {
  // hybrid.cloud.model = "" is its declared default (the provider's model, test/unit/config/cloudModelDefault): a number is the fault.
  const cases: Array<[string, unknown]> = [
    ['timeouts.idleMs', 0], ['timeouts.localFirstByteMs', 5], ['timeouts.cloudFirstByteMs', -1],
    ['timeouts.cloudFirstByteMs', '30000'], ['timeouts.idleMs', 3_000_000_000], ['local.numCtx', 0],
    ['completion.maxLines', 0], ['local.hoursOnPerDay', 30], ['routing.complexityThreshold', 2],
    ['local.amortizationMonths', 0], ['completion.prefixTokens', 1], ['timeouts.localLoadMs', Number.NaN],
    ['local.chatModel', '   '], ['local.completionModel', ''], ['cloud.model', 42],
    ['cloud.provider', 'gemini'], ['anthropic.baseUrl', 'api.anthropic.com'], ['local.baseUrl', '127.0.0.1:11434'],
  ];
  for (const [key, value] of cases) {
    test(`hybrid.${key} = ${JSON.stringify(value)} → a problem naming it, the default used`, () => {
      const { settings, problems } = normalized({ [key]: value });
      assert.equal(problems.length, 1, `problems: ${JSON.stringify(problems)}`);
      assert.match(problems[0], new RegExp(`^hybrid\\.${key.replace('.', '\\.')}: .*using the default`));
      const def = normalized({}).settings[key as SettingKey];
      assert.deepEqual(settings[key as SettingKey], def);
    });
  }

  test('every numeric bound declared in package.json is enforced (the editor only underlines, it does not refuse)', () => {
    for (const [name, schema] of Object.entries(declared)) {
      if (schema.type !== 'number' && schema.type !== 'integer') continue;
      const key = name.slice('hybrid.'.length);
      if (schema.minimum !== undefined && schema.minimum > 0) {
        assert.equal(normalized({ [key]: schema.minimum - 0.5 }).problems.length, 1, `${name} below its minimum ${schema.minimum}`);
      }
      if (schema.maximum !== undefined) assert.equal(normalized({ [key]: schema.maximum + 1 }).problems.length, 1, `${name} above its maximum`);
      if (schema.minimum !== undefined) assert.deepEqual(normalized({ [key]: schema.minimum }).problems, [], `${name} at its minimum`);
    }
  });

  test('values that are fine stay: trimmed strings, large but valid time-outs', () => {
    const { settings, problems } = normalized({ 'cloud.model': ' claude-sonnet-4-6 ', 'timeouts.cloudFirstByteMs': 600_000, 'local.chatModel': 'llama3.2:3b' });
    assert.deepEqual(problems, []);
    assert.equal(settings['cloud.model'], 'claude-sonnet-4-6');
    assert.equal(settings['timeouts.cloudFirstByteMs'], 600_000);
  });
});

suite('faults: settings that pass the checks still end a request clearly', function () {
  this.timeout(15_000);
  let rig: FaultRig;
  suiteSetup(async () => { rig = await FaultRig.start(); });
  suiteTeardown(async () => { await rig.close(); });
  setup(() => rig.reset());

  test('the normalised settings of a user who wrote timeouts in seconds ("10") answer normally', async () => {
    const { settings, problems } = normalized({ 'timeouts.localFirstByteMs': 10, 'timeouts.idleMs': 20 });
    assert.equal(problems.length, 2, JSON.stringify(problems));
    const o = await rig.run({}, { settings: { 'timeouts.localFirstByteMs': settings['timeouts.localFirstByteMs'], 'timeouts.idleMs': settings['timeouts.idleMs'] } });
    assert.equal(o.errors.length, 0, JSON.stringify(o.errors));
    assert.equal(o.records[0].status, 'ok');
  });
});

suite('faults: time-outs in messages match the setting', () => {
  test('1,500 ms reads "1.5 s" (not "2 s"), 600 ms "600 ms", 30,000 ms "30 s"', () => {
    assert.deepEqual([duration(600), duration(1500), duration(2000), duration(30_000)], ['600 ms', '1.5 s', '2 s', '30 s']);
  });
});
