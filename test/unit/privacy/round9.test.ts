// Round nine's mechanisms at the scanner and the gate: names and addresses in five more scripts, street lines standing
// alone, Thai and Turkish IDs, tiny pieces across messages, a terminal that printed a private file, git author
// formats; and a linear-time guard over the new rules. Values drawn at test time.
import * as assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { EgressGate } from '../../../src/core/egress/gate';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { scanSensitive } from '../../../src/core/privacy/scan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { ChatBody } from '../../../src/core/wire/types';
import { tcKimlik, thaiId } from '../../fixtures/privacy/surfaces/probes9';
import { superLinear } from '../linearTime';

type ChatMessage = ChatBody['messages'][number];
const markers = DEFAULT_SETTINGS['privacy.markers'];
const found = (t: string): string[] => scanSensitive(t, { markers }).map((f) => t.slice(f.start, f.end));
const draw = (a: string, n: number): string => Array.from({ length: n }, () => a[randomInt(a.length)]).join('');

function gateFor(o: { aiignore?: string; timeoutMs?: number } = {}) {
  const gate = new EgressGate({ mode: 'redact', markers, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}), pathPolicy: createPathPolicy({ privateGlobs: [], ...(o.aiignore ? { aiignore: o.aiignore } : {}) }) });
  return (messages: ChatMessage[]) => gate.prepare({ model: 'm', system: 'You help.', maxTokens: 64, messages } satisfies ChatBody, []);
}
const text = (r: ReturnType<ReturnType<typeof gateFor>>): string => (r.ok ? JSON.stringify(r.body.messages) : '');

suite('round nine: scripts, streets, numbers', () => {
  test('names and addresses in Thai, Devanagari, Vietnamese, Turkish and Greek; their ordinary text is not', () => {
    assert.deepEqual(found('คุณสมชาย ใจดี แจ้งว่าไม่ได้รับอีเมล'), ['สมชาย ใจดี']);
    assert.deepEqual(found('राहुल शर्मा ने बताया'), ['राहुल शर्मा']);
    assert.deepEqual(found('Khách hàng Nguyễn Văn Hùng phàn nàn'), ['Nguyễn Văn Hùng']);
    assert.deepEqual(found('Ayşe Hanım faturasını alamadı'), ['Ayşe']);
    assert.deepEqual(found('Μαρία Νικολάου δεν μπορεί να συνδεθεί.'), ['Μαρία Νικολάου']);
    assert.deepEqual(found('Adres Bağdat Cad. No:145 D:6 reddediliyor'), ['Bağdat Cad. No:145 D:6']);
    assert.ok(found('Η διεύθυνση οδός Ερμού 25 δεν περνάει').includes('οδός Ερμού 25'));
    for (const t of ['คุณสามารถ ตั้งค่าได้ที่เมนู', 'सर्वर से कनेक्शन नहीं हो पा रहा है', 'Không thể kết nối đến máy chủ', 'Η Αθήνα είναι πρωτεύουσα.', 'Issue No: 45 is open']) assert.deepEqual(found(t), [], t);
  });
  test('a street line alone on its line or as a whole quoted value; not with other words around it', () => {
    assert.deepEqual(found('Stops:\n1843 Juniper Ave\nwarehouse B'), ['1843 Juniper Ave']);
    assert.deepEqual(found('WARN dest="4412 Birchwood Lane" order=8812'), ['4412 Birchwood Lane']);
    for (const t of ['Version 3 Pro Way of doing it', 'The meetup moved to 10 Downing Street tomorrow', 'const s = "3 Fast Lane jobs";']) assert.deepEqual(found(t), [], t);
  });
  test('Thai ID and Turkish TC Kimlik with their check digits; PAN after its label', () => {
    for (let i = 0; i < 50; i++) {
      const th = thaiId(); const tc = tcKimlik();
      assert.deepEqual(found(`เลขบัตร ${th}`), [th]);
      assert.deepEqual(found(`TC Kimlik No: ${tc}`), [tc]);
      const bad = `${tc.slice(0, 10)}${(Number(tc[10]) + 1) % 10}`;
      assert.deepEqual(found(`TC Kimlik No: ${bad}`), [], bad);
    }
    assert.deepEqual(found('{"pan": "ABCPE1234F"}'), ['ABCPE1234F']);
  });
  test('a k8s Secret entry that is a reference holds no value', () => {
    assert.deepEqual(found('kind: Secret\nstringData:\n  password: ${DB_PASSWORD}\n  token: $TOKEN'), []);
  });
});

suite('round nine: the gate', () => {
  test('a secret typed two or three characters a message is redacted piece by piece; chat words are not', () => {
    const pw = `${draw('ABCDEFGH', 1)}${draw('abcdefgh23456789', 20)}`; const parts = pw.match(/.{1,3}/g)!;
    const messages: ChatMessage[] = [{ role: 'user', content: 'the db password, typing it in bits:' }, ...parts.flatMap((p): ChatMessage[] => [{ role: 'assistant', content: 'ok' }, { role: 'user', content: p }])];
    messages.splice(3, 0, { role: 'user', content: 'ok' }, { role: 'assistant', content: 'go on' });
    const r = gateFor()(messages);
    assert.ok(r.ok);
    const sent = r.ok ? r.body.messages.filter((m) => m.role === 'user').map((m) => m.content as string) : [];
    for (const p of parts) assert.ok(!sent.includes(p), p);
    assert.ok(sent.includes('ok'));
  });
  test('pieces of one case of letters (1 random 8-character piece in 500) after a vendor prefix and after a piece are redacted', () => {
    // A statistical sweep of round eight's five-message GitHub token leaked 10 of 600 runs: a piece like `jvatrhso`
    // read as a reply word. Each draw here forces one middle piece and the last one to a single case.
    const b62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (let i = 0; i < 200; i++) {
      const parts = [draw(b62, 8), draw('abcdefghijklmnopqrstuvwxyz', 8), draw(b62, 8), draw('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 8)];
      const messages: ChatMessage[] = [{ role: 'user', content: `token: ghp_${draw(b62, 4)}` }, ...parts.flatMap((p): ChatMessage[] => [{ role: 'assistant', content: 'Go on.' }, { role: 'user', content: p }])];
      const sent = text(gateFor()(messages));
      for (const p of parts) assert.ok(!sent.includes(p), `${p} reached the cloud`);
    }
    // Without a piece or a prefix before it, a plain word is a reply.
    assert.ok(text(gateFor()([{ role: 'user', content: 'the password is in the vault' }, { role: 'assistant', content: 'ok' }, { role: 'user', content: 'explain' }])).includes('explain'));
  });
  test('a terminal that printed a private file blocks; one that printed a public file does not', () => {
    const g = gateFor({ aiignore: 'pricing/\n' });
    for (const t of ['$ cat pricing/engine.ts\nexport const RATE = 0.87;', 'dev@box:~/shop/pricing$ head -3 engine.ts\nexport const RATE = 0.87;', 'C:\\shop>type pricing\\engine.ts\nexport const RATE = 0.87;']) {
      const r = g([{ role: 'user', content: t }]);
      assert.ok(!r.ok && /private file/.test(r.reason), t);
    }
    const r = g([{ role: 'user', content: '$ cat src/app.ts\nexport const port = 8080;\n$ echo done' }]);
    assert.ok(r.ok && text(r).includes('export const port = 8080;'));
  });
  test('git author formats: the names where the format put them; bots, products and subjects stay', () => {
    const run = (command: string, result: string) => text(gateFor()([{ role: 'user', content: 'Who?' }, { role: 'assistant', content: '', toolCalls: [{ id: 'c', name: 'run_in_terminal', input: JSON.stringify({ command }) }] },
      { role: 'user', content: '', toolResults: [{ callId: 'c', content: result }] }]));
    assert.ok(!run('git log -1 --format=%an', 'Henrik Lindqvist\n').includes('Lindqvist'));
    assert.ok(!run('git log -2 --pretty=format:"%h|%an|%s"', 'a1b2c3d|Aisha Rahman|fix\n').includes('Rahman'));
    assert.ok(!run('git blame --line-porcelain -L 1,1 a.ts', 'abc 1 1 1\nauthor Leila Haddad\nauthor-mail <l@x.io>\n').includes('Haddad'));
    const kept = run('git log -3 --format=%an', 'dependabot[bot]\nGitHub Actions\n');
    assert.ok(kept.includes('dependabot[bot]') && kept.includes('GitHub Actions'));
    assert.ok(run('git log -1 --format=%s', 'Update Webpack Config\n').includes('Update Webpack Config'));
    // (Author and committer in one format; a hostile format of many placeholders on a long line stays linear.)
    const both = run('git log -1 --format="%an / %cn"', 'Kenji Takahashi / Mateo Fernandez\n');
    assert.ok(!both.includes('Takahashi') && !both.includes('Fernandez'));
    const t0 = Date.now();
    run(`git log --format="${'%an '.repeat(40)}"`, `${'a '.repeat(20_000)}\n`);
    assert.ok(Date.now() - t0 < 3000);
  });
  test('the new rules stay linear on long runs', function () {
    this.timeout(120_000);
    const g = gateFor({ aiignore: 'pricing/\n', timeoutMs: 600_000 });
    const units = ['คุณสมชาย ', 'ถนน', '1/2 ', 'श्री ', 'राहुल शर्मा ', 'Nguyễn Văn ', 'Ab Hanım ', 'Ab Cad. No:1 ', 'οδός Αβ 1 ', '1 Ab Lane\n', '"1 Ab Lane"', '$ cat pricing/a.ts\n', 'ab\n'];
    const slow: string[] = [];
    for (const u of units) {
      const r = superLinear((t) => g([{ role: 'user', content: t }]), (n) => u.repeat(Math.ceil(n / u.length)), 60_000, 3000);
      if (r) slow.push(`${JSON.stringify(u)}: ${r}`);
    }
    assert.deepEqual(slow, []);
  });
});
