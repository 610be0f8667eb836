// hybrid.local.numCtx had a floor and no ceiling: a typo (81920000) reached Ollama, which tried to set aside memory
// for the whole window. The bound is 256 Ki tokens, whole numbers only; the warning names the unit, the value read
// and why the bound exists, and the default is used.
import * as assert from 'node:assert/strict';
import { normalizeSettings } from '../../../src/core/settings';
import pkg from '../../../package.json';

const read = (v: unknown) => normalizeSettings((k) => (k === 'local.numCtx' ? v : undefined));
const schema = (pkg.contributes.configuration.properties as Record<string, { type?: string; minimum?: number; maximum?: number; markdownDescription?: string }>)['hybrid.local.numCtx'];

suite('settings: hybrid.local.numCtx has an upper bound with a clear message', () => {
  for (const ok of [512, 2048, 8192, 32_768, 131_072, 262_144]) {
    test(`${ok} is kept`, () => {
      const { settings, problems } = read(ok);
      assert.deepEqual(problems, []);
      assert.equal(settings['local.numCtx'], ok);
    });
  }

  for (const bad of [262_145, 1_000_000, 81_920_000, 1e12, Number.MAX_SAFE_INTEGER]) {
    test(`${bad} → the default, and a warning that says the range in tokens, the value read and why`, () => {
      const { settings, problems } = read(bad);
      assert.equal(settings['local.numCtx'], 8192);
      assert.equal(problems.length, 1);
      assert.match(problems[0], /^hybrid\.local\.numCtx: expected a number between 512 and 262144 tokens \(got \d/);
      assert.ok(problems[0].includes(`(got ${bad})`), problems[0]);
      assert.match(problems[0], /memory/);
      assert.match(problems[0], /using the default$/);
    });
  }

  for (const bad of [8192.5, 511.999, 4096.0001]) {
    test(`${bad} (not a whole number of tokens) → the default`, () => {
      const { settings, problems } = read(bad);
      assert.equal(settings['local.numCtx'], 8192);
      assert.match(problems[0] ?? '', /^hybrid\.local\.numCtx: expected (a whole number of tokens|a number ≥ 512 tokens) \(got /);
    });
  }

  for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, '8192', -8192, 0, true, [8192], { value: 8192 }]) {
    test(`${String(bad)} → the default with a warning`, () => {
      const { settings, problems } = read(bad);
      assert.equal(settings['local.numCtx'], 8192);
      assert.equal(problems.length, 1);
      assert.match(problems[0], /^hybrid\.local\.numCtx: expected a number ≥ 512 tokens/);
    });
  }

  test('package.json declares the same bound, as an integer, and the description gives the range and the reason', () => {
    assert.equal(schema.type, 'integer');
    assert.equal(schema.minimum, 512);
    assert.equal(schema.maximum, 262_144);
    assert.match(schema.markdownDescription ?? '', /512 to 262144/);
    assert.match(schema.markdownDescription ?? '', /memory/);
  });

  test('other bounded settings keep their wording, with the value read added', () => {
    const p = normalizeSettings((k) => (k === 'local.hoursOnPerDay' ? 30 : undefined)).problems;
    assert.deepEqual(p, ['hybrid.local.hoursOnPerDay: expected a number between 0 and 24 (got 30); using the default']);
  });
});
