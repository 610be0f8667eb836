// The core API names architecture.md promises (tests and tools outside the extension rely on them).
import * as assert from 'node:assert/strict';
import * as core from '../../../src/core';

suite('core API', () => {
  test('exports the names architecture.md lists, and they work together', () => {
    for (const name of ['scanSensitive', 'redact', 'classify', 'decide', 'priceOf'] as const) {
      assert.equal(typeof core[name], 'function', name);
    }
    const email = ['ada', 'lovelace'].join('.') + '@analytical-engines.org';
    const text = `contact: ${email}\n`;
    const findings = core.scanSensitive(text, { path: 'notes.md' });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].line, 1);
    assert.equal(core.redact(text, findings), `contact: [REDACTED:${findings[0].kind}]\n`);
    assert.equal(core.priceOf('no-such-model', { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, source: 'provider' }), undefined);
    const usd = core.priceOf('claude-sonnet-4-6', { input: 1_000_000, output: 0, cacheRead: 0, cacheWrite: 0, source: 'provider' });
    assert.equal(usd, 3);
  });
});
