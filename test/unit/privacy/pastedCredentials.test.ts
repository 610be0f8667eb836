// Credentials pasted where no file name gives them away (issue #21 items 1 and 2): credential-file lines inside
// a sentence, and keys hard-wrapped behind a mail quote, a comment leader or indentation (the dequoted view).
// Values are drawn at test time.

import * as assert from 'node:assert/strict';
import { dequotedView } from '../../../src/core/privacy/views/dequoted';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { ALNUM, B64, RedRng, URLSAFE } from '../../fixtures/privacy/redteam/rng';

const coveredAll = (text: string, parts: string[]): string[] => {
  const f = scanSensitive(text);
  return parts.filter((p) => { const i = text.indexOf(p); return !f.some((x) => x.start <= i && x.end >= i + p.length); });
};
const LEADERS = ['> ', '>> ', '> > ', '// ', '# ', '#', ' * ', '-- ', '; ', '    ', '\t', '> // ', "' "];

suite('privacy: credentials pasted into prose or wrapped behind prefixes', () => {
  test('credential-file lines inside a sentence', () => {
    const r = new RedRng(2111);
    const misses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const v = r.password(16);
      const lines = [
        `my pgpass has db.internal:5432:shop:app:${v} and psql still asks`, `the entry is (localhost:*:*:postgres:${v}).`,
        `curl ignores machine api.acme.io login ci password ${v} here`, `[client] user=app password=${v} host=db`,
        `git ignores https://bob:${v}@github.com in .git-credentials`, `Driver={ODBC Driver 18};Server=db;Uid=sa;Pwd={${v}};`,
        `Server=db;Database=shop;User Id=sa;Password=${v}; times out`, `jdbc:oracle:thin:app/${v}@//db:1521/ORCL is rejected`,
        `jdbc:postgresql://db:5432/shop?user=app&password=${v}&ssl=true`,
      ];
      for (const t of lines) if (coveredAll(t, [v]).length) misses.push(t);
      const des = r.mixed(ALNUM, 11) + './';
      const htp = `my .htpasswd has admin:${des} for staging`;
      if (coveredAll(htp, [des]).length) misses.push(htp);
    }
    assert.deepEqual(misses, []);
  });

  test('lines with the same shapes that hold no credential stay quiet', () => {
    for (const t of ['the log says web.internal:8080:GET:/api/orders:200ms', 'bind to fe80::1ff:fe23:4567:890a', 'use std::collections::hash_map::Entry;',
      'set db.internal:5432:shop:app:${PGPASSWORD} in CI', 'each line of .pgpass is hostname:port:database:username:password',
      'after the machine restarts, login again; the password manager keeps the rest', 'the htpasswd file holds one user per line: name:hash',
      'url = jdbc:oracle:thin:@//db.internal:1521/ORCL', 'Driver={ODBC Driver 18 for SQL Server};Server=db;Trusted_Connection=yes;']) {
      assert.deepEqual(scanSensitive(t).map((f) => f.kind), [], t);
    }
  });

  test('a key body, a PEM tail and a long token wrapped behind every leader are found whole', () => {
    const r = new RedRng(2112);
    const misses: string[] = [];
    for (const p of LEADERS) {
      const body = Array.from({ length: 6 }, () => r.mixed(B64, 64));
      const t = ['sk', '-ant-', 'api03-', r.mixed(URLSAFE, 93), 'AA'].join('');
      const cases: Array<[string, string[]]> = [
        [`${p}as asked:\n${body.map((l) => p + l).join('\n')}\n${p}bye`, body],
        [`${body.map((l) => p + l).join('\n')}\n${p}-----END RSA PRIVATE KEY-----`, body],
        [`${p}key: ${t.slice(0, 40)}\n${p}${t.slice(40, 80)}\n${p}${t.slice(80)}`, [t.slice(40, 80), t.slice(80)]],
      ];
      for (const [text, parts] of cases) {
        // Alone, and between other lines (a following `// end` or word must not be glued onto the value's tail).
        for (const t of [text, `// loaded at startup\n${text}\n// end\n`, `${text}\nthanks`]) {
          if (coveredAll(t, parts).length) misses.push(`${JSON.stringify(p)}: ${JSON.stringify(t.slice(0, 60))}`);
        }
      }
    }
    assert.deepEqual(misses, []);
  });

  test('the dequoted view is built only for wrapped bare tokens, so ordinary comments cost nothing', () => {
    assert.equal(dequotedView('// a comment about AbstractSingletonProxyFactoryBean\n// and another line\nconst x = 1;'), undefined);
    assert.equal(dequotedView('> Thanks for the update\n> I will reply tomorrow'), undefined);
    const v = dequotedView(`> ${'A1b2C3d4'.repeat(4)}\n> ${'E5f6G7h8'.repeat(2)}`);
    assert.ok(v);
    assert.equal(v.text, `${'A1b2C3d4'.repeat(4)}\n${'E5f6G7h8'.repeat(2)}`);
    // Every view character maps back to the same character of the original.
    const original = `> ${'A1b2C3d4'.repeat(4)}\n> ${'E5f6G7h8'.repeat(2)}`;
    for (let i = 0; i < v.text.length; i++) assert.equal(original[v.map[i]], v.text[i]);
  });

  test('quoted or commented text with long runs that are not keys stays quiet', () => {
    const r = new RedRng(2113);
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    for (const t of [
      `// sha512-${r.str(B64, 86)}==\n// sha512-${r.str(B64, 86)}==\nconst lock = true;`,
      `> ${b64('the quick brown fox jumps over the lazy dog and keeps on running through the field ')}\n> ${b64('until the evening comes and the fox goes home to sleep in its den by the river side ')}`,
      `# ${r.hex(40)}\n# ${r.hex(40)}\n# reverted both`, '> https://github.com/acme/app/blob/main/src/core/privacy/detectors/index.ts\n> has the table',
    ]) assert.deepEqual(scanSensitive(t).map((f) => f.kind), [], t);
  });
});
