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
