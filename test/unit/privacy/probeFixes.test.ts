// The scanner pieces the adversarial probes (surfaces/probes.test.ts) showed missing, each with the benign text that
// must stay as it was. Values are drawn at test time.
import * as assert from 'node:assert/strict';
import { EgressGate, serialisedBody } from '../../../src/core/egress/gate';
import { findMarkers } from '../../../src/core/privacy/markers';
import { resultMentions } from '../../../src/core/privacy/filePaths';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { unescapedView } from '../../../src/core/privacy/views/unescaped';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { dbPassword, githubPat } from '../../fixtures/privacy/surfaces/planted';

const markers = DEFAULT_SETTINGS['privacy.markers'];
const kinds = (t: string): string[] => scanSensitive(t, { markers }).map((f) => f.kind);

suite('probe fixes: views', () => {
  test('JSON\'s \\/ escape: a URL password behind it is found; escaped URLs without one are not', () => {
    const db = dbPassword();
    assert.ok(kinds(`{"db": "${db.value.replace(/\//g, '\\/')}"}`).length > 0);
    assert.deepEqual(kinds('{"home": "https:\\/\\/example.com\\/docs\\/api", "re": "a\\/b"}'), []);
    assert.equal(unescapedView('const r = /^https?:\\/\\/(\\w+):(\\w+)@/;'), undefined, 'a regex literal\'s slashes build no view');
  });
  test('a combining mark on an ASCII letter and Unicode tag characters hide nothing', () => {
    const g = githubPat();
    assert.ok(kinds(`token ${g.value.slice(0, 10)}\u0301${g.value.slice(10)}`).length > 0);
    const tags = [...g.value].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    assert.ok(kinds(`see ${tags} here`).length > 0);
    assert.deepEqual(kinds('Café résumé naïve — à bientôt, 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'), []);
  });
  test('a key spelled one character at a time (literals or codes) is read as the key; short lists are not', () => {
    const g = githubPat();
    assert.ok(kinds(`k = [${[...g.value].map((c) => `"${c}"`).join(',')}].join("")`).length > 0);
    assert.ok(kinds(`k = bytes([${[...g.value].map((c) => c.charCodeAt(0)).join(', ')}])`).length > 0);
    assert.deepEqual(kinds(`const HEX = [${[...'0123456789abcdef'].map((c) => `'${c}'`).join(', ')}];\nconst primes = [11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73];`), []);
  });

  test('text dressed as a redaction label is scanned; real labels are not flagged again', () => {
    const g = githubPat();
    assert.ok(kinds(`[REDACTED:${g.value}]`).length > 0);
    assert.ok(kinds(`[REDACTED:note ${g.value} ]`).length > 0);
    assert.deepEqual(kinds('token=[REDACTED:github-pat] and [REDACTED:email], {"k":"[REDACTED:generic-secret]"}'), []);
  });
});

suite('probe fixes: markers', () => {
  test('letter-spaced and accent-stacked markers are markers', () => {
    for (const t of ['C O N F I D E N T I A L', '// I N T E R N A L   U S E   O N L Y', 'CONFIDE\u0301NTIAL']) {
      assert.ok(kinds(`${t}\nexport const x = 1;`).includes('marker'), t);
    }
  });
  test('a marker written in another script or with accents ignores case like an English one', () => {
    assert.equal(findMarkers('GESCHÄFTSGEHEIMNIS', ['Geschäftsgeheimnis']).length, 1);
    assert.equal(findMarkers('本資料は社外秘です', ['社外秘']).length, 1);
    assert.deepEqual(findMarkers('wir schützen das geschäftsgeheimnis unserer Kunden', ['Geschäftsgeheimnis']), [], 'lower case inside prose');
  });

  test('benign: spaced letters that only start a marker, and prose, are not', () => {
    assert.deepEqual(findMarkers('C O N F I G loaded; keep this confidential please; the c o n f i d e n t i a l flag', markers), []);
  });
});

suite('probe fixes: very large bodies fail closed in time', function () {
  this.timeout(60_000);
  const line = 'Téléphone: 06 12 34 56 78 — Kontakt jürgen.müller@beispiel.de, São Paulo (11) 91234-5678\n';
  test('a text with ~40k findings is scanned whole (no stack overflow), each span once', () => {
    const text = line.repeat(13_000);
    const found = scanSensitive(text, { markers });
    assert.equal(found.length, 13_000 * 3);
  });
  test('the gate on a 3.9 MB request answers near its 2 s budget, and sends nothing it could not finish', () => {
    const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: createPathPolicy({ privateGlobs: [] }) });
    const t0 = Date.now();
    const r = gate.prepare({ model: 'm', system: '', maxTokens: 8, messages: [{ role: 'user', content: line.repeat(Math.floor(3_900_000 / line.length)) }] }, []);
    const ms = Date.now() - t0;
    assert.ok(ms < 15_000, `${ms} ms`);
    if (r.ok) assert.ok(!serialisedBody(r.body).includes('91234-5678'), 'sent, but not redacted');
  });
});

suite('probe fixes: files a tool result quotes', () => {
  test('search matches, JSON hits and grep lines name their files', () => {
    assert.deepEqual(resultMentions('<match path="/ws/private/plan.md" line=3>\nQ3\n</match>'), ['/ws/private/plan.md']);
    assert.deepEqual(resultMentions('[{"filePath":"file:///ws/%2Eenv","line":1}]'), ['/ws/.env']);
    assert.deepEqual(resultMentions('./src/a.ts:12:  const x = 1;\nsecrets/k.md:4: y'), ['src/a.ts', 'secrets/k.md']);
  });
  test('benign: test output, URLs with ports and words before a colon name nothing', () => {
    assert.deepEqual(resultMentions('Tests: 12 passed\nhttps://example.com:443/x\nerror at line 3: bad\nfoo:12: no file'), []);
  });
});
