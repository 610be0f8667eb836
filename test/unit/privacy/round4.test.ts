// The mechanisms round four's probes (surfaces/probes4.test.ts) showed missing, each beside its twins: the near-miss
// benign forms that must stay exactly as they were. Values are drawn at test time.
import * as assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { EgressGate } from '../../../src/core/egress/gate';
import { historyOfTurns } from '../../../src/core/native/chatRender';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { ChatBody } from '../../../src/core/wire/types';
import { githubPat } from '../../fixtures/privacy/surfaces/planted';

const markers = DEFAULT_SETTINGS['privacy.markers'];
const kinds = (t: string): string[] => scanSensitive(t, { markers }).map((f) => f.kind);
const quiet = (texts: string[]): void => { for (const t of texts) assert.deepEqual(kinds(t), [], t); };
const found = (texts: string[], kind?: string): void => {
  for (const t of texts) { const k = kinds(t); assert.ok(kind ? k.includes(kind) : k.length > 0, `${t}: ${k.join(',') || 'nothing'}`); }
};
const hex40 = (): string => { for (;;) { const v = randomBytes(20).toString('hex'); if (/[a-f]/.test(v) && /\d/.test(v)) return v; } };
const phone = (): string => `(${randomInt(201, 989)}) ${randomInt(201, 989)}-${randomInt(1000, 9999)}`;
const mail = (): string => `${randomBytes(4).toString('hex')}.k${randomInt(100, 999)}@post-${randomBytes(3).toString('hex')}.com`;
const reverse = (s: string): string => [...s].reverse().join('');

suite('round four: a bare name label', () => {
  test('Name:, Customer:, Contact: opening a line with a person\'s name that fills the field', () => {
    found(['Name: Jane Smith', 'Name - Jane Smith', '**Name:** Evangeline Wojciechowski', 'Kunde: Ingeborg Oberhuber, Hauptstraße 5', 'Ticket #4471\nName: Hannelore Kowalczyk\nIssue: export fails', 'Customer: Maximilian Okonkwo, order 4471 arrived broken.',
      '  - Contact: Evangeline Featherstone <ef@example.net>', 'NAME: GWENDOLYN LINDQVIST', 'Recipient: Cornelius Abernathy'], 'person-name');
  });
  test('keys in code and YAML, headings, products, teams, placeholders and names that do not fill the field are not', () => {
    quiet(['name: Set Up Node', 'Name: Set Up Node', '- name: Build And Test', 'Name: Visual Studio Code', 'Contact: Support Team', 'Client: Visual Studio Code',
      'Customer: Acme Corp', 'Name: John Doe', 'Name: Full Name', 'Name: String', 'const Name: String = x;', 'Customer: Not Available', 'Name: Jane Smith.getName()',
      'Name: Hybrid Assistant Extension Pack', 'Name: Release Notes', 'interface Props { Name: TypeName }', 'Name: North America', 'Name: Saint Louis',
      'Package: Name: Something Else Entirely Here', 'Name - Set Up Node', '- name - Build Docs', 'The Name: Jane Smith rule is documented above', 'Contact: Sales Department']);
  });
});

suite('round four: an unlabelled contact record', () => {
  test('a street address, city-state-ZIP and the opening name beside a phone and an e-mail are personal', () => {
    const row = `Bartholomew Okonkwo, ${phone()}, ${mail()}, 742 Evergreen Terrace, Springfield, IL 62704`;
    // (Street and city-state-ZIP are one whole address since round six: one finding over both.)
    assert.deepEqual(kinds(row).sort(), ['email', 'person-name', 'phone', 'postal-address']);
    const address = scanSensitive(row, { markers }).find((f) => f.kind === 'postal-address')!;
    assert.equal(row.slice(address.start, address.end), '742 Evergreen Terrace, Springfield, IL 62704');
    const card = `Gwendolyn Lindqvist\n1200 Juniper Lane\nPortland, OR 97205\n${phone()}`;
    found([card], 'postal-address');
    found([card], 'person-name');
    found([`Theodorich Vandersloot\t+44 20 7946 ${randomInt(1000, 9999)}\t${mail()}\t221B Baker Street\tLondon NW1 6XE`,
      `Ingeborg Oberhuber, Hauptstraße 5, 10115 Berlin, +49 30 ${randomInt(1000000, 9999999)}`, `Hannelore Lindqvist, 12 rue de la Paix, 75002 Paris, ${mail()}`], 'postal-address');
  });
  test('one kind of contact data alone, a street far away or after a blank line, and headings are not', () => {
    quiet(['Meet at 10 Downing Street tomorrow', '2024 Release Notes, 3 New Features Lane', 'Build 1200 Main Street Runner\nsee CHANGELOG',
      'Springfield, IL 62704 is the sample city in the docs']);
    // The e-mail is found; nothing else near it is a record.
    assert.deepEqual(kinds(`Release Manager\n${mail()}\nVersion 3 Pro Way`), ['email']);
    assert.deepEqual(kinds(`${phone()}\n\n\n742 Evergreen Terrace is where the Simpsons live`), ['phone']);
    assert.deepEqual(kinds(`call ${phone()} or write to ${mail()}, São Paulo office`).sort(), ['email', 'phone']);
    assert.deepEqual(kinds(`Copyright 2024 Microsoft, call +1 425 555 ${randomInt(1000, 9999)}, 2024 Release`), ['phone']);
  });
});

suite('round four: a token passed alone to a login call', () => {
  test('40 hex or a random token as the one argument of login / authenticate', () => {
    found([`client.login("${hex40()}") throws Unauthorized`, `gh.authenticate("${hex40()}")`], 'positional-password');
    found([`await bot.login('${randomBytes(40).toString('base64url')}');`]);
  });
  test('every random 40-hex token is found, not only those whose entropy happens to measure high', () => {
    // A fixed 3.2-bit floor let about 2 in 10,000 random 40-hex tokens through (a probe failed now and then).
    const missed: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const h = randomBytes(20).toString('hex');
      if (/[a-f]/.test(h) && /\d/.test(h) && !kinds(`client.login("${h}")`).includes('positional-password')) missed.push(h);
    }
    assert.deepEqual(missed, []);
    quiet([`client.login("${'a'.repeat(24)}${'1'.repeat(8)}")`, `client.login("${'0'.repeat(39)}1")`]);
  });
  test('variables, words, slugs and commit SHAs elsewhere are not', () => {
    quiet(['client.login(process.env.DISCORD_TOKEN);', "client.login('guest-account-user')", "auth.authenticate('basic')", "router.authorize('admin_dashboard_view')",
      `git checkout ${hex40()}`, `"gitHead": "${hex40()}"`, 'login("user_01_test_account")', `user.login()`]);
  });
});

suite('round four: a database URL written backwards', () => {
  test('read back and found; a reversed URL without a password is not', () => {
    const pw = `Xk4${randomBytes(9).toString('base64url')}`;
    found([reverse(`postgres://app:${pw}@db.internal/orders`), reverse(`mongodb+srv://svc:${pw}@cluster0.example.net/app`)]);
    quiet([reverse('postgres://db.internal:5432/orders'), reverse('see https://example.com/docs for details'), 'const url = "postgres://localhost/dev";']);
  });
});

suite('round four: values across turns', () => {
  const policy = createPathPolicy({ privateGlobs: ['**/payroll/**'], aiignore: 'deals/\n' });
  const gate = new EgressGate({ mode: 'redact', markers, pathPolicy: policy });
  const body = (...contents: string[]): ChatBody => ({ model: 'm', system: 'You help.', maxTokens: 64,
    messages: contents.map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content })) });
  const sent = (b: ChatBody): string => { const r = gate.prepare(b, []); assert.ok(r.ok, r.ok ? '' : r.reason); return r.ok ? r.body.messages.map((m) => m.content).join('\n') : ''; };
  const pw = `Xk4${randomBytes(9).toString('base64url').replace(/[-_]/g, 'q')}7`;

  test('a bare secret after the assistant asked for a credential is redacted; ordinary answers go', () => {
    assert.ok(!sent(body('Help me connect to the replica.', 'What password does the replica user have?', pw)).includes(pw));
    for (const q of ['useEffect', 'Thanks!', 'v2.14.3', 'TS2345', 'yes', 'I do not know it']) {
      assert.ok(sent(body('Help me connect to the replica.', 'What password does the replica user have?', q)).includes(q), q);
    }
  });
  test('the rest of a token cut across two user turns is redacted; a next turn after a whole token, or words, go as they are', () => {
    const g = githubPat();
    const out = sent(body(`The CI token starts ${g.value.slice(0, 18)}`, 'Go on.', `...and the rest is ${g.value.slice(18)}. Is it valid?`));
    assert.ok(!out.includes(g.value.slice(18)), 'the rest reached the body');
    const after = sent(body(`My token was ${g.value} but I rotated it.`, 'Good.', 'How do I configure useEffect cleanup in TypeScript 5.4.2?'));
    assert.ok(after.includes('useEffect cleanup in TypeScript 5.4.2'));
    const plain = sent(body('How do I sort a list?', 'Use sorted().', `the rest is ${pw} here`));
    assert.ok(plain.includes(pw), 'no secret ended an earlier turn: the word is not judged');
  });
  test('every random 40-hex key cut in half across turns: the second half is redacted too', () => {
    // The generic rule's entropy floor is set for mixed alphabets: 1 in 30 random 20-hex halves measured under it; and
    // 1 in 12,000 halves is digits only (either half), which no rule took for a secret.
    const missed: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const k = randomBytes(20).toString('hex');
      const out = sent(body(`the partner API key is ${k.slice(0, 20)}`, 'Only half arrived.', `second half: ${k.slice(20)}`));
      if (out.includes(k.slice(20))) missed.push(k);
    }
    for (const [head, rest] of [['23095912021318775726', '041ccbde4ff4fd6d0590'], ['4fd6d0590041ccbde4ff', '23095912021318775726']]) {
      const out = sent(body(`the partner API key is ${head}`, 'Only half arrived.', `second half: ${rest}`));
      if (out.includes(rest) || out.includes(head)) missed.push(head + rest);
    }
    assert.deepEqual(missed, []);
    // A token's letters-only rest that no identifier style explains (restOfToken wants a case switch every third letter).
    const g = `${['gh', 'p_'].join('')}Ld5QFetBzClnuM`;
    assert.ok(!sent(body(`The CI token starts ${g}`, 'Go on.', '...and the rest is rwScxqMRQYitxoNBMYnvzE. Is it valid?')).includes('rwScxqMRQYitxoNBMYnvzE'));
    assert.ok(sent(body(`The CI token starts ${g}`, 'Go on.', 'Sorry, wrong chat. How does getElementsByClassName work in PostgreSQL?')).includes('getElementsByClassName work in PostgreSQL'));
    const sha = randomBytes(20).toString('hex');
    assert.ok(sent(body('How do I sort a list?', 'Use sorted().', `git show ${sha}`)).includes(sha), 'no secret ended an earlier turn: a hash goes');
  });
  test('a private file\'s name typed in the text is redacted by the user\'s rules; generic and public names go', () => {
    const out = sent(body('Should deals/northwind-2027.xlsx be parsed with a streaming reader? And src/payroll/run.ts too?'));
    assert.ok(!out.includes('northwind-2027') && !out.includes('payroll/run.ts'), out);
    const ok = sent(body('How do I load .env in node, and why is secrets/prod.yaml ignored? See src/app.ts and https://example.com/deals/x.html'));
    for (const p of ['.env', 'secrets/prod.yaml', 'src/app.ts', 'https://example.com/deals/x.html']) assert.ok(ok.includes(p), p);
  });
});

suite('round four: @hybrid history', () => {
  test('a /private or /review turn stays local even when it failed before a route; a failed /cloud turn does not', () => {
    const h = historyOfTurns([{ kind: 'request', prompt: '/private q1' }, { kind: 'response', meta: { question: 'q1', mode: 'private', answer: 'partial' } },
      { kind: 'request', prompt: 'review' }, { kind: 'response', meta: { question: 'review', mode: 'review', answer: 'x' } },
      { kind: 'request', prompt: 'q3' }, { kind: 'response', meta: { question: 'q3', mode: 'cloud', answer: 'y' } }]);
    assert.deepEqual(h.map((t) => !!t.local), [true, true, true, true, false, false]);
  });
});

suite('round four, second batch: dumps, titles, nested values, a webhook', () => {
  const pw = `Xk4${randomBytes(9).toString('base64url').replace(/[-_]/g, 'q')}7`;
  const xxd = (s: string): string => Buffer.from(s).toString('hex').match(/.{1,32}/g)!.map((row, i) =>
    `${(i * 16).toString(16).padStart(8, '0')}: ${row.match(/.{1,4}/g)!.join(' ').padEnd(39)}  ${s.slice(i * 16, i * 16 + 16).replace(/[^\x20-\x7e]/g, '.')}`).join('\n');
  test('hex bytes written apart and hex dumps are read back', () => {
    found([Buffer.from(`DB_PASSWORD=${pw}`).toString('hex').replace(/(..)(?!$)/g, '$1 '), Buffer.from(`DB_PASSWORD=${pw}`).toString('hex').replace(/(..)(?!$)/g, '$1:'), xxd(`DB_PASSWORD=${pw}\nMODE=prod\n`)]);
  });
  test('dumps of binary or of plain words, MAC addresses and number tables are not', () => {
    quiet([xxd(randomBytes(64).toString('latin1')), xxd('plain words in a dump, nothing secret at all here'), 'link/ether 00:1a:2b:3c:4d:5e brd ff:ff:ff:ff:ff:ff',
      '10 20 30 40 50 60 70 80 90 11 21 31 41 51 61 71 81 91', Buffer.from('just a sentence about sorting lists').toString('hex').replace(/(..)(?!$)/g, '$1 ')]);
  });
  test('a name after a title; titles alone or before a non-name are not', () => {
    found(['Dear Mr. Bartholomew Featherstone,', 'Sehr geehrte Frau Dr. Ingeborg Oberhuber', 'cc: Prof. Evangeline Castellanos'], 'person-name');
    quiet(['Mr. Robot is a TV show', 'Dr. Seuss wrote it', 'Mrs. Dalloway', 'Pan Zoom Helper', 'const Mr = 1;', 'Dr. Strange Love Story Set']);
  });
  test('a secret under a credential key one level down; templates and types there are not', () => {
    found([`{"db_password": {"sensitive": true, "type": "string", "value": "${pw}"}}`]);
    quiet(['{"db_password": {"sensitive": true, "value": "${var.db_password}"}}', '{"token": {"type": "string", "value": "Bearer"}}', '{"password": {"description": "x", "value": ""}}']);
  });
  test('a Discord webhook (68-character token); documentation pages are not', () => {
    found([`https://discord.com/api/webhooks/${randomInt(1e8, 9e8)}${randomInt(1e9, 9e9)}/${randomBytes(51).toString('base64url')}`]);
    quiet(['see https://discord.com/developers/docs/resources/webhook', 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/']);
  });
});
