// Deprecated Anthropic models: our copy of the SDK's table must equal the installed SDK's (its internal/ path is not
// in the package's exports map, so nothing can import it), dates are judged as UTC days, and only exact ids (in the
// forms gateways, Bedrock and Vertex write them) count.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANTHROPIC_DEPRECATED_MODELS, dayText, modelLifecycle, parseSdkDate } from '../../../src/core/modelLifecycle';
import { DEFAULT_CLOUD_MODEL } from '../../../src/core/cloudDefaults';
import { lightModel } from '../../../src/core/route/tiers';
import { normalizeSettings } from '../../../src/core/settings';

// index.js sits at the package's root (package.json itself is not exported either).
const sdkRoot = path.dirname(require.resolve('@anthropic-ai/sdk'));
const utc = (iso: string) => Date.parse(iso);

/** The object literal `const DEPRECATED_MODELS = {…}` a compiled SDK file inlines (what its console.warn reads). */
function inlinedTable(file: string): Record<string, string> {
  const src = fs.readFileSync(path.join(sdkRoot, file), 'utf8');
  const m = /DEPRECATED_MODELS = (\{[^}]*\})/.exec(src);
  assert.ok(m, `${file}: no DEPRECATED_MODELS table (the SDK changed how it ships it: re-check modelLifecycle.ts)`);
  const out: Record<string, string> = {};
  for (const e of m[1]!.matchAll(/'([^']+)':\s*'([^']+)'/g)) out[e[1]!] = e[2]!;
  return out;
}

suite('core/modelLifecycle: the SDK\'s deprecated models', () => {
  test('our table equals the installed SDK\'s internal/data/deprecated-models (cjs and esm)', async () => {
    // By file path: `@anthropic-ai/sdk/internal/data` is not exported (ERR_PACKAGE_PATH_NOT_EXPORTED).
    const cjs = (require(path.join(sdkRoot, 'internal/data/deprecated-models.js')) as { DEPRECATED_MODELS: Record<string, string> }).DEPRECATED_MODELS;
    assert.deepEqual({ ...ANTHROPIC_DEPRECATED_MODELS }, { ...cjs });
    assert.deepEqual(inlinedTable('internal/data/deprecated-models.mjs'), { ...cjs });
    assert.throws(() => require('@anthropic-ai/sdk/internal/data'), /ERR_PACKAGE_PATH_NOT_EXPORTED|not defined by "exports"/);
  });

  test('the tables the SDK warns with (messages, beta messages) hold nothing our table lacks, with the same dates', () => {
    for (const file of ['resources/messages/messages.js', 'resources/beta/messages/messages.js', 'resources/messages/messages.mjs']) {
      const inline = inlinedTable(file);
      assert.ok(Object.keys(inline).length > 0, file);
      for (const [model, date] of Object.entries(inline)) assert.equal(ANTHROPIC_DEPRECATED_MODELS[model], date, `${file}: ${model}`);
    }
  });

  test('every date in the SDK\'s table parses to a real day', () => {
    for (const [model, text] of Object.entries(ANTHROPIC_DEPRECATED_MODELS)) assert.match(parseSdkDate(text) ?? '', /^\d{4}-\d{2}-\d{2}$/, model);
    assert.equal(parseSdkDate('November 30th, 2026'), '2026-11-30');
    assert.equal(parseSdkDate('June 30th, 2026'), '2026-06-30');
    assert.equal(parseSdkDate('March 1st, 2027'), '2027-03-01');
    assert.equal(parseSdkDate('august 22nd 2027'), '2027-08-22');
    for (const bad of ['February 30th, 2027', 'Smarch 3rd, 2027', 'soon', '', '2026-11-30', 'November 0th, 2026']) assert.equal(parseSdkDate(bad), undefined, bad);
  });

  test('before the day: deprecated, not retired; on the day and after: retired (UTC days)', () => {
    assert.deepEqual(modelLifecycle('claude-sonnet-4-5', utc('2026-11-29T23:59:59Z')), { model: 'claude-sonnet-4-5', eol: '2026-11-30', retired: false });
    assert.equal(modelLifecycle('claude-sonnet-4-5', utc('2026-11-30T00:00:00Z'))?.retired, true);
    assert.equal(modelLifecycle('claude-sonnet-4-5', utc('2026-12-07T13:00:00Z'))?.retired, true);
    assert.equal(modelLifecycle('claude-sonnet-4-5', new Date('2025-01-01T00:00:00Z'))?.retired, false);
    assert.equal(modelLifecycle('claude-mythos-preview', utc('2026-12-07T00:00:00Z'))?.eol, '2026-06-30');
    assert.equal(dayText('2026-11-30'), '30 Nov 2026');
  });

  test('alias and dated snapshot both listed; the gateway, Bedrock and Vertex spellings of them too', () => {
    const now = utc('2026-12-07T12:00:00Z');
    for (const name of ['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929', ' Claude-Sonnet-4-5 ', 'anthropic/claude-sonnet-4-5',
      'anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5@20250929']) {
      assert.equal(modelLifecycle(name, now)?.eol, '2026-11-30', name);
    }
  });

  test('unknown models and near-misses are not deprecated: no date is invented', () => {
    const now = utc('2026-12-07T12:00:00Z');
    for (const name of ['claude-sonnet-5', 'claude-sonnet-4-6', 'claude-haiku-4-5', 'claude-sonnet-4', 'claude-sonnet-4-50', 'claude-sonnet-4-5-20260101',
      'claude-sonnet-4-5-1', 'claude-sonnet-4-5-latest', 'my-claude-sonnet-4-5', 'openai/claude-sonnet-4-5', 'gpt-5.4', 'gpt-4o', 'gpt-3.5-turbo',
      '', '   ', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      assert.equal(modelLifecycle(name, now), undefined, JSON.stringify(name));
    }
  });

  test('the models we pick by default (frontier, light "auto", both providers) are not deprecated', () => {
    const now = utc('2026-12-07T12:00:00Z');
    for (const model of Object.values(DEFAULT_CLOUD_MODEL)) assert.equal(modelLifecycle(model, now), undefined, model);
    for (const provider of ['anthropic', 'openai']) {
      const s = normalizeSettings((k) => ({ 'cloud.provider': provider } as Record<string, unknown>)[k]).settings;
      assert.equal(modelLifecycle(lightModel(s)!, now), undefined, lightModel(s));
      assert.equal(modelLifecycle(s['cloud.model'], now), undefined, s['cloud.model']);
    }
  });
});
