// The mechanisms round three's probes (surfaces/probes3.test.ts) showed missing, each beside its twins: the near-miss
// benign forms that must stay exactly as they were. Values are drawn at test time.
import * as assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { EgressGate } from '../../../src/core/egress/gate';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { ChatBody } from '../../../src/core/wire/types';
import { githubPat, stripeKey } from '../../fixtures/privacy/surfaces/planted';
import { Rng } from '../../fixtures/privacy/corpus';

const markers = DEFAULT_SETTINGS['privacy.markers'];
const kinds = (t: string): string[] => scanSensitive(t, { markers }).map((f) => f.kind);
const quiet = (texts: string[]): void => { for (const t of texts) assert.deepEqual(kinds(t), [], t); };
const found = (texts: string[], kind?: string): void => {
  for (const t of texts) { const k = kinds(t); assert.ok(kind ? k.includes(kind) : k.length > 0, `${t}: ${k.join(',') || 'nothing'}`); }
};
const reverse = (s: string): string => [...s].reverse().join('');
const rot13 = (s: string): string => s.replace(/[A-Za-z]/g, (c) => String.fromCharCode((c <= 'Z' ? 65 : 97) + ((c.toUpperCase().charCodeAt(0) - 52) % 26)));
const b64 = (n: number): string => { for (;;) { const v = randomBytes(n).toString('base64'); if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v)) return v; } };
const hex = (n: number): string => randomBytes(n / 2).toString('hex');

suite('round three: personal data after its label', () => {
  test('birth dates in many languages and formats; dates without the label, and the label without a date, are not', () => {
    found(['DOB: 1984-03-12', 'D.O.B. 12/03/1984', 'Date of birth: March 12, 1984', 'Geburtsdatum: 12.03.1984', 'date de naissance : 12 mars 1984',
      'Fecha de nacimiento: 12 de marzo de 1984', 'Data di nascita: 12/03/1984', 'geboortedatum 12-03-1984', '生年月日：1984年03月12日', '생년월일: 1984. 3. 12.',
      'Дата рождения: 12.03.1984', '{"birthDate":"1984-03-12"}', 'date_of_birth = "1984-03-12"'], 'birth-date');
    quiet(['Released: 2024-03-12', 'birthDate: Date | null;', 'dob = row.get("dob")', 'born in 1984', 'the reborn 12.03.2020 build', 'DOB: 1984-13-45',
      'Birthday reminder on 2024-03-12 at 10:00 is a meeting, not a person', 'Last login: 12/03/2024']);
  });
  test('names after a name label; placeholders, types, templates and bare `name:` are not', () => {
    found(['Patient name: Hannelore Kowalczyk', 'Nom du patient : Jean-Luc Dubois', 'Patientenname: Oberhuber, Ingeborg', 'Nombre completo: María José de la Cruz',
      'ФИО: Иванов Иван Иванович', '氏名：山田 花子', '患者姓名：张伟', 'Full name: MARGARETHE LINDQVIST', '"customerName": "Ó Súilleabháin Cornelius"'], 'person-name');
    quiet(['name: Set Up Node', 'Full name: First Last', 'patient name: string;', 'Patient: Not Available', 'Full Name: John Doe', 'fullName: user.fullName,',
      'Customer name: {{ customer.name }}', 'Patient: 45-year-old male', 'Cardholder: HTTP API', 'client name: Visual Studio Code']);
  });
  test('postal addresses after an address label; machine addresses are not', () => {
    found(['Address: 10 Downing Street, London', 'Adresse : 12 rue de la Paix, 75002 Paris', 'Anschrift: Hauptstraße 5, 10115 Berlin',
      'Indirizzo: Via Roma 10, Milano', 'Dirección: Calle Mayor 5, 28013 Madrid', 'Endereço: Rua Augusta 120, Lisboa', 'Адрес: ул. Ленина, д. 5',
      '住所：東京都港区六本木6-10-1', 'Shipping address: 742 Evergreen Terrace, Springfield'], 'postal-address');
    quiet(['IP address: 192.168.1.20', 'address: 0.0.0.0:8080', 'MAC address: 00:1A:2B:3C:4D:5E', 'listen address = :9090', 'Address: see section 3',
      'address: 0x7ffe5367e044', 'remoteAddress: req.socket.remoteAddress', 'email address: Use The Form 2', 'address = "${HOST}:${PORT}"', 'Address line 2: optional',
      'server address: Build 42 Server', 'contract address: 0x52908400098527886E0F7030069857D2E4169EE7']);
  });
});

suite('round three: unnamed key material', () => {
  test('random base64 and hex in a value position or alone on a line are found (seeded draws; the rate is the next test)', () => {
    const rng = new Rng(2026);
    const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)));
    const sb64 = (n: number): string => { for (;;) { const v = bytes(n).toString('base64'); if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v)) return v; } };
    const shex = (n: number): string => bytes(n / 2).toString('hex');
    found([`const x = "${sb64(32)}";`, `cfg.v1 = '${shex(64)}';`, `k1 = ${shex(32)}`, `Here:\n${sb64(33)}\nthanks`, `APP_ZETA=${sb64(32)}`,
      `{"opaque": "${bytes(32).toString('base64url')}"}`, `new Client("eu", "${shex(64)}")`, `| SIGNING | ${sb64(32)} |`], 'high-entropy-key');
  });

  test('fresh random keys are missed rarely: under 0.5 % of 20,000 draws (about 0.08 % is the measured rate)', () => {
    // The shape rules that keep identifiers and slugs out (a 13-letter lower-case run, words making up 60 %, a
    // `word_` prefix) also catch a few random draws; this bounds how many, with new values every run.
    let missed = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const raw = randomBytes([24, 32, 33, 48, 64][i % 5]);
      const v = i % 2 ? raw.toString('base64url') : raw.toString('base64');
      if (!kinds(`k = "${v}"`).includes('high-entropy-key')) missed++;
    }
    assert.ok(missed < n * 0.005, `${missed} of ${n} random keys missed`);
  });
  test('hashes, ids, integrity strings, public keys, encoded text and blocks are not', () => {
    quiet([`"gitHead": "${hex(40)}"`, `commit ${hex(40)}`, `"integrity": "sha512-${b64(64)}"`, `const sha256 = "${hex(64)}";`, `"resolved": "https://r.example/x.tgz#${hex(40)}"`,
      `const id = "${hex(32)}";`, `traceId: '${hex(32)}'`, `const uuid = "${randomUUID()}";`, `image: node@sha256:${hex(64)}`, `script-src 'sha256-${b64(32)}'`,
      `golang.org/x/text v0.14.0 h1:${b64(32)}`, `x = "${Buffer.from('plain words encoded for transport, nothing secret').toString('base64')}"`,
      `ssh-ed25519 ${b64(51)} me@host`, `expected: '${hex(64)}'`, `{"kty":"EC","x":"${randomBytes(32).toString('base64url')}","y":"${randomBytes(32).toString('base64url')}"}`,
      `const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";`, 'const veryLongIdentifierForTheWidgetFactory2 = makeWidgetFactory2();',
      ` * -----BEGIN CERTIFICATE-----\n * ${b64(48)}\n * ${b64(48)}\n * ${b64(20)}\n * -----END CERTIFICATE-----`, `//# sourceMappingURL=data:application/json;base64,${b64(60)}`, `src/assets/logo.${hex(32)}.png`,
      `client.get('btgt_01${b64(30).replace(/[+/]/g, 'x')}')`, `<img src="https://img.example.net/a.png?w=64&s=${hex(32)}">`,
      `{"@esbuild/linux-x64/bin/esbuild": "${hex(64)}"}`, `{"sub":"${randomBytes(32).toString('base64url')}","tid":"${randomUUID()}"}`,
      `const encrypted =\n  '${hex(64)}';`]);
  });
});

suite('round three: reversed and rot13 secrets', () => {
  test('a reversed or rot13 line holding a vendor prefix or a credential word is read back', () => {
    const g = githubPat(); const s = stripeKey();
    found([`x = "${reverse(g.value)}"`, reverse(`DB_PASSWORD=Xk4${b64(9)}q`), rot13(`token: ${g.value}`), `key = "${rot13(s.value)}"`]);
  });
  test('ordinary reversed or rot13 text, the words alone, and minified code holding a prefix backwards (`.tap`) are not', () => {
    quiet([reverse('Hello world, this is a perfectly ordinary sentence.'), rot13('Why did the chicken cross the road? To get to the other side.'),
      'const nekot = 1; // a variable named backwards', 'Gur cnffjbeq vf pbafvqrerq frperg.', 'yek = "value"', reverse('password policy: at least 12 characters'),
      'c.keys=cr,c.map=yn,c.matches=Kn,c.tap=an,c.thru=ln,c.toArray=zn,c.sortBy=jn,c.slice=cn,c.value=en,c.sampleSize=jf,c.set=Jc']);
  });
});

suite('round three: a token cut into list elements', () => {
  test('read joined after a vendor prefix; ordinary lists stay as they are', () => {
    const g = githubPat();
    found([`["${g.value.slice(0, 12)}", "${g.value.slice(12, 26)}", "${g.value.slice(26)}"]`]);
    quiet(['["gh", "p_", "docs"]', `const parts = ["${b64(9)}", "${b64(9)}"];`, "['ghp_', 'is', 'a', 'prefix']"]);
  });
});

suite('round three: a value announced in an earlier turn', () => {
  const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: createPathPolicy({ privateGlobs: [] }) });
  const body = (...contents: string[]): ChatBody => ({ model: 'm', system: 'You help.', maxTokens: 64,
    messages: contents.map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content })) });
  const sent = (b: ChatBody): string => { const r = gate.prepare(b, []); assert.ok(r.ok); return r.ok ? r.body.messages.map((m) => m.content).join('\n') : ''; };
  test('a bare secret-looking token after a turn that named a credential is redacted', () => {
    const pw = `Xk4${b64(9).replace(/[+/]/g, 'q')}!7`;
    assert.ok(!sent(body('The prod database password is in the next message.', 'OK.', pw)).includes(pw));
  });
  test('ordinary one-word answers after such a turn, and tokens without one, go as they are', () => {
    for (const q of ['useEffect', 'Thanks!', 'v2.14.3', 'TS2345', 'yes']) assert.ok(sent(body('Should the password field be required?', 'Yes.', q)).includes(q), q);
    const pw = `Xk4${b64(9).replace(/[+/]/g, 'q')}!7`;
    assert.ok(sent(body('How do I sort a list?', 'Use sorted().', pw)).includes(pw), 'no credential was named: the token alone is not judged');
  });
});
