// The mechanisms round seven's probes (surfaces/probes7.test.ts) showed missing, each beside its benign twins, and
// the linear-time guard over the new rules and the gate's new passes. Values drawn at test time.
import * as assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { EgressGate } from '../../../src/core/egress/gate';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { ChatBody } from '../../../src/core/wire/types';
import { superLinear } from '../linearTime';

type ChatMessage = ChatBody['messages'][number];
const markers = DEFAULT_SETTINGS['privacy.markers'];
const found = (t: string): string[] => scanSensitive(t, { markers }).map((f) => t.slice(f.start, f.end));
const draw = (a: string, n: number): string => Array.from({ length: n }, () => a[randomInt(a.length)]).join('');
const tok = (n: number): string => `${draw('ABCDEFGHJKLMNP', 1)}${draw('abcdefghijkmnop', 1)}${draw('23456789', 1)}${draw('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789', n - 3)}`;

function gateFor(o: { aiignore?: string; globs?: string[]; timeoutMs?: number } = {}) {
  const gate = new EgressGate({ mode: 'redact', markers, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}), pathPolicy: createPathPolicy({ privateGlobs: o.globs ?? [], ...(o.aiignore ? { aiignore: o.aiignore } : {}) }) });
  return (turns: string | ChatMessage[]): string[] => {
    const messages: ChatMessage[] = typeof turns === 'string' ? [{ role: 'user', content: turns }] : turns;
    const r = gate.prepare({ model: 'm', system: 'You help.', maxTokens: 64, messages } satisfies ChatBody, []);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    return r.ok ? r.body.messages.map((m) => m.content as string) : [];
  };
}

suite('round seven: names and addresses', () => {
  test('a name the sentence calls she/he, one met, a given name that says something; products and German nouns are not', () => {
    assert.deepEqual(found('fix export for Henrik Lindqvist after she changed teams'), ['Henrik Lindqvist']);
    assert.deepEqual(found('I met Aisha Rahman at the conference.'), ['Aisha Rahman']);
    assert.deepEqual(found('Bartholomew says she cannot log in.'), ['Bartholomew']);
    for (const t of ['Call React Native on the main thread; its thread pool is small.', 'Die Eigenschaft Foo ist in ihrem Typ nicht vorhanden.', 'Webpack says it cannot resolve the module.', 'Thanks to Linus Torvalds and the Git community.']) assert.deepEqual(found(t), [], t);
  });
  test('Cyrillic and Greek names mid-sentence; Arabic and Han after a relation noun or before an honorific', () => {
    assert.deepEqual(found('Студентка Екатерина Соколова не может войти'), ['Екатерина Соколова']);
    assert.deepEqual(found('Ο γιατρός Νικόλαος Αθανασίου δεν βλέπει'), ['Νικόλαος Αθανασίου']);
    assert.deepEqual(found('العميل محمد الحسيني لم يستلم الطلب'), ['محمد الحسيني']);
    assert.ok(found('客户欧阳晓明的订单').includes('欧阳晓明'));
    assert.deepEqual(found('山田太郎様へ'), ['山田太郎']);
    for (const t of ['Как настроить Webpack Dev Server?', 'Привет. Спасибо Большое за помощь', 'العميل لم يستلم الطلب', '客户端的配置', 'ご担当者様', 'Πώς ρυθμίζω το webpack;']) assert.deepEqual(found(t), [], t);
  });
  test('Japanese and Chinese addresses by their units; a home street by a residence phrase, not a venue', () => {
    assert.equal(found('〒160-0023 東京都新宿区西新宿2丁目8番1号').length, 1);
    assert.ok(found('上海市徐汇区漕溪北路88弄5号1201室').some((f) => f.includes('漕溪北路88弄5号1201室')));
    assert.deepEqual(found('My flat is at 12 Kingsley Terrace, the courier'), ['12 Kingsley Terrace']);
    for (const t of ['The meetup moved to 10 Downing Street tomorrow', '東京都の人口', '第3章第2节']) assert.deepEqual(found(t), [], t);
  });
});

suite('round seven: secrets', () => {
  test('Oracle user/password@, a PW name, a confusable prefix letter, a list joined with nothing', () => {
    const p = `${tok(10)}!x`;
    assert.deepEqual(found(`sqlplus svc/${p}@//db.example.com:1521/ORCL`).map((f) => f.includes(p)), [true]);
    assert.deepEqual(found(`MAILER_PW=${p}`), [p]);
    const rest = tok(24);
    assert.equal(found(`key: s\u043a_live_${rest}`).length, 1);
    const k = draw('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+', 40);
    assert.equal(found(`const secretAccessKey = ['${k.slice(0, 20)}', '${k.slice(20)}'].join('');`).length, 1);
    for (const t of ['sqlplus / as sysdba', 'sqlplus scott/<password>@//host:1521/ORCL', "$pw = ConvertTo-SecureString $env:PW -AsPlainText", "const parts = ['a', 'b'].join('')", 'Li4uPw== IDM4NQ==',
      'postgres://user:<password>@localhost:5432/app', 'POSTGRES_PASSWORD_FILE: /run/secrets/db_password']) assert.deepEqual(found(t), [], t);
  });
});

suite('round seven: the gate', () => {
  test('a relative path under the folder a pasted shell stood in; a bare private file name', () => {
    const c = `tenant${randomInt(1000, 9999)}`;
    const g = gateFor({ aiignore: '/config/tenants/\ndeals/\n' });
    for (const t of [`$ cd config\n$ cat tenants/${c}.yaml`, `$ pushd config\n$ head tenants/${c}.yaml`, `~/proj/deals$ git status\n\tmodified:   ${c}.md`]) assert.ok(!g(t)[0].includes(c), t);
    assert.ok(!gateFor({ globs: ['**/payroll_*.csv'] })(`why is payroll_${c}.csv slow?`)[0].includes(c));
    // Twins: the same names with no shell in another folder, and ordinary dotted words.
    assert.ok(g(`$ cat tenants/${c}.yaml`)[0].includes(c));
    assert.ok(gateFor({ globs: ['**/payroll_*.csv'] })('console.log(x); res.json(y); see README.md')[0].includes('README.md'));
  });
  test('a secret\'s rest after short pauses (up to three), not after a real message', () => {
    const head = tok(6); const rest = tok(14);
    const g = gateFor();
    const turns = (between: string[]): ChatMessage[] => [{ role: 'user', content: `the replica password is ${head}` }, { role: 'assistant', content: 'Go on.' },
      ...between.flatMap((b): ChatMessage[] => [{ role: 'user', content: b }, { role: 'assistant', content: 'OK.' }]), { role: 'user', content: `ok here: ${rest}` }];
    assert.ok(!g(turns(['wait', 'one sec'])).at(-1)!.includes(rest));
    assert.ok(g(turns(['Now a different question: how should the retry policy for the exporter look when the queue backs up?'])).at(-1)!.includes(rest));
  });
  test('the new passes stay linear on long runs', function () {
    this.timeout(120_000);
    // (The gate's own 2 s deadline is lifted: the guard measures how the time grows, on a loaded machine.)
    const g = gateFor({ aiignore: '/config/tenants/\n', globs: ['**/*.csv'], timeoutMs: 600_000 });
    const units = ['a.csv ', 'cd x\n', '~/a$ ', "['ab', ].join('')", '].join(\'\')', 'Аб Вг ', 'Ab Cd she ', '東京都区1丁目', '市区路1号', 'lives at 1 A ', 'X says she ', '客户', 'a/b/', 'Pw='];
    const slow: string[] = [];
    for (const u of units) {
      const r = superLinear((t) => g(t), (n) => u.repeat(Math.ceil(n / u.length)), 60_000, 3000);
      if (r) slow.push(`${JSON.stringify(u)}: ${r}`);
    }
    assert.deepEqual(slow, []);
  });
});
