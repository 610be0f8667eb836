import * as assert from 'node:assert/strict';
import { redact, scanSensitive } from '../../../src/core/privacy/scan';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { SECRET_RULES } from '../../../src/core/privacy/detectors';
import { luhnValid } from '../../../src/core/privacy/detectors/cards';
import { ibanValid } from '../../../src/core/privacy/detectors/ibans';
import { ssnValid } from '../../../src/core/privacy/detectors/nationalIds';
import { GENERATORS, Rng, ibanCheck } from '../../fixtures/privacy/corpus';

const rng = new Rng(42);
const gen = (kind: string): string => GENERATORS[kind](rng, 0).value;

suite('privacy: scanSensitive', () => {
  test('at least 40 secret kinds, plus PEM keys, URL passwords and the generic rules', () => {
    const kinds = new Set(SECRET_RULES.map((r) => r.kind));
    for (const k of ['private-key', 'database-url-password', 'basic-auth-url', 'generic-secret', 'password-assignment']) kinds.add(k);
    assert.ok(kinds.size >= 40, `${kinds.size} kinds`);
    for (const r of SECRET_RULES) assert.ok(r.re.global && r.re.hasIndices, `${r.kind} needs g and d flags`);
  });

  test('a finding says kind, category, offsets, line and label — never the value', () => {
    const key = gen('aws-access-key-id');
    const text = `line one\nline two\nconst id = "${key}";\n`;
    const [f] = scanSensitive(text);
    assert.equal(f.kind, 'aws-access-key-id');
    assert.equal(f.category, 'secret');
    assert.equal(f.line, 3);
    assert.equal(text.slice(f.start, f.end), key);
    assert.ok(!JSON.stringify(f).includes(key));
  });

  test('redact replaces spans with [REDACTED:<kind>] and merges overlaps', () => {
    const text = 'abc SECRET1 def';
    const out = redact(text, [
      { kind: 'a', category: 'secret', start: 4, end: 9, line: 1 },
      { kind: 'b', category: 'secret', start: 6, end: 11, line: 1 },
    ]);
    assert.equal(out, 'abc [REDACTED:a] def');
    assert.equal(redact('x', []), 'x');
  });

  test('CRLF line endings and a UTF-8 BOM: found, with the right line', () => {
    const key = gen('npm-access-token');
    const text = `\uFEFFregistry=https://registry.npmjs.org/\r\n# ci\r\n//registry.npmjs.org/:_authToken=${key}\r\n`;
    const f = scanSensitive(text);
    assert.deepEqual(f.map((x) => [x.kind, x.line]), [['npm-access-token', 3]]);
  });

  test('PII checksums: Luhn, SSN ranges, IBAN mod-97', () => {
    assert.ok(luhnValid('4111111111111111'));
    assert.ok(!luhnValid('4012888888881882'));
    assert.ok(ssnValid('123', '45', '6788'));
    assert.ok(!ssnValid('666', '12', '3456') && !ssnValid('000', '12', '3456') && !ssnValid('912', '12', '3456'));
    const bban = '370400440532013000';
    assert.ok(ibanValid('DE' + ibanCheck('DE', bban) + bban));
    assert.ok(!ibanValid('DE00' + bban));
  });

  test('personal data in prose', () => {
    // Card and SSN drawn at test time (a card with spaces: generator index 1).
    const card = GENERATORS['credit-card'](rng, 1).value;
    const text = `Call Dana at (415) 555-0132 or mail dana.k@globex.de; card ${card}; SSN ${gen('us-ssn')}.`;
    const kinds = scanSensitive(text).map((f) => f.kind).sort();
    assert.deepEqual(kinds, ['credit-card', 'email', 'phone', 'us-ssn']);
  });

  test('markers are configurable; invalid regex sources are taken literally', () => {
    const text = 'CONFIDENTIAL — do not share\nproject (Falcon';
    assert.deepEqual(scanSensitive(text, { markers: ['CONFIDENTIAL'] }).map((f) => f.kind), ['marker']);
    assert.equal(scanSensitive(text, { markers: ['(Falcon'] })[0].line, 2);
    assert.deepEqual(scanSensitive('confidentiality matters', { markers: ['CONFIDENTIAL'] }), []);
  });

  test('a private path makes the whole text one private-path finding', () => {
    const policy = createPathPolicy({ privateGlobs: ['internal/**'] });
    const f = scanSensitive('PORT=1', { path: 'internal/plan.md', pathPolicy: policy });
    assert.deepEqual(f.map((x) => [x.kind, x.category, x.start, x.end]), [['private-path', 'path', 0, 6]]);
    assert.deepEqual(scanSensitive('PORT=1', { path: 'src/a.ts', pathPolicy: policy }), []);
  });

  test('database and basic-auth URLs: only the password is the secret', () => {
    const pw = gen('generic-secret').slice(0, 16);
    const text = `DATABASE_URL=postgres://app:${pw}@db:5432/x\nproxy=https://bob:${pw}x@proxy.local:8080`;
    const f = scanSensitive(text);
    assert.deepEqual(f.map((x) => x.kind), ['database-url-password', 'basic-auth-url']);
    assert.equal(text.slice(f[0].start, f[0].end), pw);
  });

  test('a PEM header without its footer (truncated selection) is still a private key', () => {
    const header = ['-----', 'BEGIN RSA ', 'PRIVATE KEY', '-----'].join('');
    const body = rng.str('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 64);
    const f = scanSensitive(`${header}\n${body}\n${body}`);
    assert.equal(f[0].kind, 'private-key');
    assert.equal(f[0].label, 'RSA private key');
    assert.ok(f[0].end >= header.length + 2 * 65);
  });

  suite('pathological inputs finish and are handled (time is measured in bench/routing.ts)', () => {
    test('10 MB file → one unscannable finding', () => {
      const big = 'const a = 1;\n'.repeat(800_000);
      const f = scanSensitive(big);
      assert.equal(f.length, 1);
      assert.equal(f[0].category, 'unscannable');
    });

    test('200 KB single line of random base64 → scanned, nothing invented', () => {
      const line = rng.str('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 200_000);
      const f = scanSensitive(line);
      assert.ok(f.every((x) => x.category === 'secret'));
      assert.ok(f.length <= 2);
    });

    test('200 KB adversarial "key = " line and "a@" repetition', () => {
      assert.deepEqual(scanSensitive('key = '.repeat(35_000)), []);
      assert.deepEqual(scanSensitive('a@'.repeat(100_000)), []);
      assert.deepEqual(scanSensitive('password: ' + '='.repeat(200_000)), []);
      const digits = '1234 '.repeat(40_000);
      assert.ok(Array.isArray(scanSensitive(digits)));
    });

    test('minified code with a token inside is still caught', () => {
      const tok = gen('github-pat');
      const min = 'var a=function(e,t){return e.token||t};'.repeat(5000) + `var k="${tok}";` + 'b.c=d;'.repeat(5000);
      const f = scanSensitive(min);
      assert.deepEqual(f.map((x) => x.kind), ['github-pat']);
    });

    test('binary (NUL bytes) and non-UTF-8 (replacement chars) → unscannable', () => {
      const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' + 'x'.repeat(100);
      assert.equal(scanSensitive(png)[0].category, 'unscannable');
      const latin1 = new TextDecoder('utf-8').decode(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
      assert.equal(scanSensitive(latin1)[0].category, 'unscannable');
    });

    test('a past deadline turns the scan into unscannable, never a silent pass', () => {
      const f = scanSensitive('token: ' + gen('generic-secret'), { deadline: Date.now() - 1 });
      assert.equal(f[f.length - 1].category, 'unscannable');
    });

    test('maxBytes is configurable', () => {
      assert.equal(scanSensitive('x'.repeat(2000), { maxBytes: 1000 })[0].kind, 'unscannable');
    });
  });
});
