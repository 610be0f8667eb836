// The mechanisms round eight's probes (surfaces/probes8.test.ts) showed missing, each beside its look-alikes, and the
// linear-time guard over the new rules and the gate's changed passes. Values drawn at test time.
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
const hex40 = (): string => { for (;;) { const v = draw('0123456789abcdef', 40); if (/[a-f].*\d.*[a-f]/.test(v)) return v; } };

function gateFor(o: { aiignore?: string; timeoutMs?: number } = {}) {
  const gate = new EgressGate({ mode: 'redact', markers, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}), pathPolicy: createPathPolicy({ privateGlobs: [], ...(o.aiignore ? { aiignore: o.aiignore } : {}) }) });
  return (turns: string | ChatMessage[]): string[] => {
    const messages: ChatMessage[] = typeof turns === 'string' ? [{ role: 'user', content: turns }] : turns;
    const r = gate.prepare({ model: 'm', system: 'You help.', maxTokens: 64, messages } satisfies ChatBody, []);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    return r.ok ? r.body.messages.map((m) => m.content as string) : [];
  };
}

suite('round eight: names by their place', () => {
  test('role fields, trailers, TODOs, signatures, greetings, closings, shortlog, tables; teams, bots and products are not', () => {
    assert.deepEqual(found('{"service": "billing", "owner": "Tomasz Kowalczyk"}'), ['Tomasz Kowalczyk']);
    assert.deepEqual(found('cc: Henrik Lindqvist, Priya Ramanathan'), ['Henrik Lindqvist', 'Priya Ramanathan']);
    assert.deepEqual(found('Signed-off-by: Leila Haddad'), ['Leila Haddad']);
    assert.deepEqual(found('// TODO(Siobhan Moreau): remove after the audit'), ['Siobhan Moreau']);
    assert.deepEqual(found('Fixed.\n--\nIngrid Bergstrom\nAccount Manager'), ['Ingrid Bergstrom']);
    assert.deepEqual(found('Hi Wilhelmina,\n\nthe sync failed.'), ['Wilhelmina']);
    assert.deepEqual(found('please revert.\n\nThanks, Bartholomew'), ['Bartholomew']);
    assert.deepEqual(found('    42\tKenji Takahashi\n    17\tAisha Rahman'), ['Kenji Takahashi', 'Aisha Rahman']);
    assert.deepEqual(found('name,street,plan\nMateo Fernandez,12 Juniper Lane,gold'), ['Mateo Fernandez', '12 Juniper Lane']);
    for (const t of ['{"owner": "Platform Team"}', 'assignee: Platform Oncall', 'Co-authored-by: Dependabot Preview', 'Hi Team,', 'Thanks, everyone', 'Best Practices\nGuide',
      'id,name,version\n1,Visual Studio Code,1.95\n2,React Native,0.74', '--\nThe Platform Team', '// TODO(perf): cache this', 'owner: req.user.name']) assert.deepEqual(found(t), [], t);
  });
  test('Korean names and addresses, CJK names before a verb of reporting, Arabic and Slavic names opening a line', () => {
    assert.deepEqual(found('고객 김민준님이 주문을 받지 못했습니다.'), ['김민준']);
    assert.deepEqual(found('박지훈 씨가 로그인할 수 없다고 합니다.'), ['박지훈']);
    assert.equal(found('경기도 성남시 분당구 판교역로 235, 101동 1203호').length, 1);
    assert.deepEqual(found('王建国反馈导出失败'), ['王建国']);
    assert.deepEqual(found('佐藤健一からの問い合わせ'), ['佐藤健一']);
    assert.deepEqual(found('محمد الحسيني لم يستلم الطلب'), ['محمد الحسيني']);
    assert.deepEqual(found('Анастасия Кузнецова не может войти'), ['Анастасия Кузнецова']);
    for (const t of ['관리자님 설정 페이지', '서울 리전의 지연 시간', '张量的形状不对。高可用架构的设计。用户反馈很多', 'كيف أقوم بإعداد الخادم؟', 'Привет. Спасибо Большое за помощь', '{"name": "Главная страница"}']) assert.deepEqual(found(t), [], t);
  });
  test('a street after a parcel or a flat number; not a venue or a swim lane', () => {
    assert.deepEqual(found('The parcel for 742 Evergreen Terrace keeps bouncing'), ['742 Evergreen Terrace']);
    assert.deepEqual(found('Normalise: Flat 3, 42 Juniper Lane'), ['42 Juniper Lane']);
    for (const t of ['The meetup moved to 10 Downing Street tomorrow', 'Plan: 3 Swim Lane boards and 2 Fast Lane jobs']) assert.deepEqual(found(t), [], t);
  });
});

suite('round eight: secrets', () => {
  test('padded, space-assigned, qualified and many-times-escaped values; references and public values are not', () => {
    const v = tok(28);
    for (const t of [`SESSION_SECRET      =   ${v}`, `AUTH_TOKEN ${v}`, `set -x VAULT_TOKEN ${v}`, `# staging password for svc_etl: ${v}`, `// api token for the git mirror: ${v}`,
      `{"payload": ${JSON.stringify(JSON.stringify(JSON.stringify({ password: v })))}}`]) assert.deepEqual(found(t), [v], t);
    const h = hex40();
    assert.deepEqual(found(`// api token for the git mirror: ${h}`), [h]);
    for (const t of ['API_SECRET: ${API_SECRET}\nAUTH_TOKEN $AUTH_TOKEN\nset -x EDITOR vim', 'PORT                =   8080', `the tokenizer test was fixed in ${h}`, 'TOKEN_TYPE bearer']) assert.deepEqual(found(t), [], t);
  });
  test('a secret typed in many short pieces, after many short pauses, or after a message saying the rest is coming', () => {
    const g = gateFor();
    const k = tok(32);
    const pieces = [k.slice(0, 8), k.slice(8, 16), k.slice(16, 24), k.slice(24)];
    const msgs: ChatMessage[] = [{ role: 'user', content: `token: ${['gh', 'p_'].join('')}${draw('ABCDEFGH', 4)}` }, ...pieces.flatMap((p): ChatMessage[] => [{ role: 'assistant', content: 'go on' }, { role: 'user', content: p }])];
    const out = g(msgs).join('\n');
    for (const p of pieces) assert.ok(!out.includes(p), p);
    const rest = tok(20);
    const paused: ChatMessage[] = [{ role: 'user', content: `key ${['sk', '_live_'].join('')}${draw('ABCD', 4)}` }, ...['wait', 'hmm', 'one sec', 'copying', 'almost'].flatMap((w): ChatMessage[] => [{ role: 'assistant', content: 'OK.' }, { role: 'user', content: w }]), { role: 'assistant', content: 'OK.' }, { role: 'user', content: rest }];
    assert.ok(!g(paused).at(-1)!.includes(rest));
    // Twin: ordinary short replies after nothing was cut stay.
    assert.deepEqual(g([{ role: 'user', content: 'v2.1' }, { role: 'assistant', content: 'ok' }, { role: 'user', content: 'Node18' }]), ['v2.1', 'ok', 'Node18']);
  });
});

suite('round eight: the gate', () => {
  test('a cd in an earlier turn, quoted in prose, or into a variable the session set', () => {
    const c = `memo${randomInt(1000, 9999)}`;
    const g = gateFor({ aiignore: 'deals/\n/config/tenants/\n' });
    assert.ok(!g([{ role: 'user', content: '$ cd config' }, { role: 'assistant', content: 'OK.' }, { role: 'user', content: `cat tenants/${c}.yaml` }]).at(-1)!.includes(c));
    assert.ok(!g(`I ran \`cd ~/work/proj/deals\`; git diff ${c}.md is noisy`)[0].includes(c));
    assert.ok(!g(`$ DEALS=deals\n$ cd "$DEALS"\n$ wc -l ${c}.md`)[0].includes(c));
    assert.ok(g(`$ cd "$UNSET_DIR"\n$ wc -l ${c}.md`)[0].includes(c));
    assert.ok(g([{ role: 'user', content: '$ cd src' }, { role: 'assistant', content: 'OK.' }, { role: 'user', content: `cat tenants/${c}.yaml` }]).at(-1)!.includes(c));
  });
  test('the new rules stay linear on long runs', function () {
    this.timeout(120_000);
    const g = gateFor({ aiignore: 'deals/\n', timeoutMs: 600_000 });
    const units = ['owner: Ab Cd, ', 'a,b,c\n', '| a | b |\n', 'Co-authored-by: Ab Cd\n', 'TODO(Ab Cd) ', '--\nAb Cd\n', 'Hi Ab,\n', 'Thanks, Ab\n', '  4\tAb Cd\n', '김민준님 ', '王建国反馈', 'محمد الحسيني لم ',
      'parcel for 1 Ab Lane ', 'TOKEN     =    ', 'password for a b c d ', '\\\\\\\\\\"', 'X=y\ncd $X\n', 'wait\n'];
    const slow: string[] = [];
    for (const u of units) {
      const r = superLinear((t) => g(t), (n) => u.repeat(Math.ceil(n / u.length)), 60_000, 3000);
      if (r) slow.push(`${JSON.stringify(u)}: ${r}`);
    }
    assert.deepEqual(slow, []);
  });
});
