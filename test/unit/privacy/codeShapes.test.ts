// Code that names a credential without holding one. Found over node_modules (scripts/privacyAB.ts): 287 of 2,179
// findings were the next key of an object literal after a shorthand one (`{ apiKey, dangerouslyAllowBrowser: … }`)
// or a member read through optional chaining (`opts?.workSecret`, `u?.input_tokens`). Redacting them spoils the
// code a cloud answer is about; values in the same places are still found.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { scanSensitive } from '../../../src/core/privacy/scan';

const secrets = (text: string): string[] => scanSensitive(text, { markers: [] }).filter((f) => f.category === 'secret').map((f) => text.slice(f.start, f.end));

suite('code shapes around credential names', () => {
  test('the next key after a shorthand property, and optional or non-null member reads, are not values', () => {
    for (const t of [
      'const client = new Client({ apiKey, dangerouslyAllowBrowser: true });',
      "run({ origin: 'cloud', apiKey, firstByteTimeoutMs: 5_000 }).then(done);",
      'return { token, expiresAt: Date.now() + ttl };',
      'const apiKey = found.key?.trim();',
      'const secret = opts?.workSecret;',
      'const token = opts!.auth!.token;',
      'headers: { ...client._authState?.extraHeaders, authorization: `Bearer ${token}` }',
    ]) assert.deepEqual(secrets(t), [], t);
  });
  test('field names with a figure and a unit in them are names, not values (Anthropic usage: ephemeral_1h_input_tokens)', () => {
    for (const t of [
      "const w1h = num(raw, 'cache_creation_token_details', 'ephemeral_1h_input_tokens');",
      "TOKEN_WINDOW = 'RATE_5M_TOKENS'",
      "const token = u['ephemeral_5m_input_tokens'] ?? 0;",
    ]) assert.deepEqual(secrets(t), [], t);
    // A random value cut by underscores still is one: its parts are no figure with a unit.
    for (let i = 0; i < 200; i++) {
      const v = `${randomBytes(6).toString('base64url').replace(/[-_]/g, 'k')}_${randomBytes(3).toString('hex')}_${randomBytes(6).toString('base64url').replace(/[-_]/g, 'Q')}`;
      const t = `api_key = '${v}'`;
      if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v)) assert.ok(secrets(t).length > 0, t);
    }
  });
  test('values in the same places are still found', () => {
    const v = `Xk4${randomBytes(12).toString('base64url').replace(/[-_]/g, 'q')}9`;
    for (const t of [
      `const client = new Client({ apiKey: '${v}', dangerouslyAllowBrowser: true });`,
      `const token = cfg?.x7Hq2Lm9PzR4${v};`,
      `password: ${v}:`,
      `login(apiKey, "${v}")`,
    ]) assert.ok(secrets(t).some((s) => s.includes(v.slice(0, 10))), `${t}: ${JSON.stringify(secrets(t))}`);
  });
});
