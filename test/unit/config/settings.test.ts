import * as assert from 'node:assert/strict';
import { DECLARED_DEFAULTS, DEFAULT_SETTINGS, freshProblems, normalizeSettings, unionOfLayers, type SettingKey } from '../../../src/core/settings';
import pkg from '../../../package.json';

const declared = pkg.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[] }>;

suite('settings', () => {
  test('every setting in code is declared in package.json with the same default, and vice versa', () => {
    const inCode = Object.keys(DEFAULT_SETTINGS).map((k) => `hybrid.${k}`).sort();
    assert.deepEqual(Object.keys(declared).sort(), inCode);
    for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
      assert.deepEqual(declared[`hybrid.${key}`].default, key in DECLARED_DEFAULTS ? DECLARED_DEFAULTS[key] : DEFAULT_SETTINGS[key], `default of hybrid.${key}`);
    }
  });

  test('malformed values fall back to defaults with a readable problem', () => {
    const raw: Record<string, unknown> = {
      'budget.dailyUsd': 'ten',
      'budget.monthlyUsd': -5,
      'privacy.onCloudFindings': 'yolo',
      'local.baseUrl': 'not a url',
      'privacy.privateGlobs': [1, 2],
      'pricing': { 'my-model': { input: 'cheap' } },
      'completion.enabled': 'yes',
      'cloud.model': '  gpt-5.4  ',
    };
    const { settings, problems } = normalizeSettings((k) => raw[k]);
    assert.equal(settings['budget.dailyUsd'], 0);
    assert.equal(settings['budget.monthlyUsd'], 0);
    assert.equal(settings['privacy.onCloudFindings'], 'block', 'an unknown privacy mode is the stricter one');
    assert.equal(settings['local.baseUrl'], 'http://127.0.0.1:11434');
    assert.deepEqual(settings['privacy.privateGlobs'], []);
    assert.deepEqual(settings.pricing, {});
    assert.equal(settings['completion.enabled'], true);
    assert.equal(settings['cloud.model'], 'gpt-5.4');
    assert.equal(problems.length, 7);
    assert.ok(problems.some((p) => p.startsWith('hybrid.budget.dailyUsd: expected a number')));
    assert.ok(problems.some((p) => p.includes('"my-model" needs "input"')));
  });

  test('hybrid.pricing: one mistyped model keeps the user\'s other prices, and the problem names it', () => {
    const read = (pricing: unknown) => normalizeSettings((k) => (k === 'pricing' ? pricing : undefined));
    const good = { input: 0.2, output: 0.6, cacheRead: 0.02 };
    const mixed = read({ 'team-coder': good, 'typo-model': { input: '0.1', output: 1 }, 'half': { input: 1 }, 'neg': { input: -1, output: 1 } });
    assert.deepEqual(mixed.settings.pricing, { 'team-coder': good });
    assert.equal(mixed.problems.length, 1);
    for (const m of ['"typo-model" needs "input"', '"half" needs "output"', '"neg" needs "input"', 'the other 1 of yours apply']) assert.ok(mixed.problems[0]!.includes(m), mixed.problems[0]);
    assert.deepEqual(read({ a: good }).problems, []);
    const notAnObject = read(['x']);
    assert.deepEqual(notAnObject.settings.pricing, {});
    assert.match(notAnObject.problems[0]!, /expected an object of model → prices/);
  });

  test('privacy settings fail closed: a bad entry keeps the rest, a string is a list, an unknown mode blocks', () => {
    const read = (values: Record<string, unknown>) => normalizeSettings((k) => values[k]);
    const mixed = read({ 'privacy.privateGlobs': ['vault/**', 42, null, 'contracts/'], 'privacy.markers': ['ACME-ONLY', { re: 'x' }] });
    assert.deepEqual(mixed.settings['privacy.privateGlobs'], ['vault/**', 'contracts/']);
    assert.deepEqual(mixed.settings['privacy.markers'], ['ACME-ONLY']);
    assert.equal(mixed.problems.length, 2);
    assert.match(mixed.problems[0], /privateGlobs: .*ignored 2 entries .* the other 2 apply/);
    assert.deepEqual(read({ 'privacy.privateGlobs': 'vault/**' }).settings['privacy.privateGlobs'], ['vault/**']);
    assert.equal(read({ 'privacy.onCloudFindings': 'Block' }).settings['privacy.onCloudFindings'], 'block');
    assert.equal(read({ 'privacy.onCloudFindings': 'redacted' }).settings['privacy.onCloudFindings'], 'block');
    assert.deepEqual(read({ 'privacy.privateGlobs': ['a/'], 'privacy.onCloudFindings': 'redact' }).problems, []);
  });

  test('a workspace layer that is not a list cannot remove the user\'s private globs', () => {
    const globs = unionOfLayers('privacy.privateGlobs', ['vault/**'], 'x/', undefined);
    assert.deepEqual(normalizeSettings((k) => (k === 'privacy.privateGlobs' ? globs : undefined)).settings['privacy.privateGlobs'], ['vault/**', 'x/']);
    const odd = unionOfLayers('privacy.privateGlobs', ['vault/**'], 7, undefined);
    assert.deepEqual(normalizeSettings((k) => (k === 'privacy.privateGlobs' ? odd : undefined)).settings['privacy.privateGlobs'], ['vault/**']);
    assert.deepEqual(unionOfLayers('privacy.markers', undefined, ['ACME-ONLY'], undefined), [...DEFAULT_SETTINGS['privacy.markers'], 'ACME-ONLY']);
    assert.equal(unionOfLayers('privacy.markers', undefined, undefined, undefined), undefined);
  });

  test('enum settings accept each declared value', () => {
    for (const [key, schema] of Object.entries(declared)) {
      if (!schema.enum) continue;
      for (const value of schema.enum) {
        const short = key.slice('hybrid.'.length);
        const { problems } = normalizeSettings((k) => (k === short ? value : undefined));
        assert.deepEqual(problems, [], `${key} = ${value}`);
      }
    }
  });

  test('a bad value is reported when it appears, not again while the user changes other settings', () => {
    const read = (values: Record<string, unknown>) => normalizeSettings((k) => values[k]).problems;
    const bad = { 'timeouts.idleMs': -5 };
    const first = read(bad);
    assert.equal(first.length, 1);
    assert.deepEqual(freshProblems(new Set(), first), first, 'new: told');
    const later = read({ ...bad, 'completion.debounceMs': 120 });
    assert.deepEqual(freshProblems(new Set(first), later), [], 'unchanged while another setting changed: not told again');
    const worse = read({ ...bad, 'budget.dailyUsd': 'lots' });
    assert.deepEqual(freshProblems(new Set(later), worse).length, 1, 'only the new problem is told');
    assert.match(freshProblems(new Set(later), worse)[0]!, /budget\.dailyUsd/);
    // Fixed, then broken again: told again.
    assert.deepEqual(freshProblems(new Set(read({})), first), first);
  });
});
