// Red team, surface 1: VS Code's native Chat as the model picker sends it (core/native/lmMessages), through the real
// pipeline and SDKs. Attacks live where the editor, not the user, builds the request: attachments in earlier
// turns, attachment tags in other spellings, multi-part messages, tool results of earlier agent rounds, and a
// file a tool read whose privacy comes from a marker outside the lines it read.
import * as assert from 'node:assert/strict';
import { lmRequestToAsk, type LmMessage } from '../../../../src/core/native/lmMessages';
import { historyOfTurns } from '../../../../src/core/native/chatRender';
import { judgeFile, markToolResults } from '../../../../src/core/privacy/filePrivacy';
import { createPathPolicy } from '../../../../src/core/privacy/paths';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings';
import type { AskInput } from '../../../../src/core/pipeline/ask';
import { awsKeyId, dotenv, email, githubPat, leakIn, proprietaryCode, type Planted } from '../../../fixtures/privacy/surfaces/planted';
import { SurfaceRig } from '../../../fixtures/privacy/surfaces/rig';

const ws = (p: string) => p.replace(/^\/ws\//, '');
const user = (...text: string[]): LmMessage => ({ role: 'user', parts: text.map((t) => ({ kind: 'text' as const, text: t })) });
const assistant = (text: string): LmMessage => ({ role: 'assistant', parts: [{ kind: 'text', text }] });
const attach = (file: string, body: string, attr = 'filePath', q = '"') => `<attachments>\n<attachment id="f" ${attr}=${q}${file}${q}>\n${body}</attachment>\n</attachments>\n`;
const code = (c: { canary: string }): Planted => ({ name: 'private code', value: c.canary, secretPart: c.canary });
const FOLLOW_UP = 'Thanks. Now explain the trade-offs of moving this service to an event-driven architecture across regions.';

/** A disk of files the adapter's whole-file judge would read (a marker on line 1, code far below it). */
const MARKED = (c: { text: string }) => `// ${['CONFIDEN', 'TIAL'].join('')} — pricing team only\n${'\n'.repeat(40)}${c.text}`;
const RULES = { pathPolicy: createPathPolicy({ privateGlobs: [] }), markers: DEFAULT_SETTINGS['privacy.markers'] };

async function judged(input: AskInput, disk: Record<string, string>): Promise<AskInput> {
  const judge = async (p: string) => judgeFile(p, disk[p] ?? '', RULES);
  return { ...input, steps: await markToolResults(input.steps, judge), history: await markToolResults(input.history, judge) };
}

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });
setup(() => rig.reset());

interface Attack { name: string; build: () => { messages: LmMessage[]; planted: Planted[]; disk?: Record<string, string> } }

const ATTACKS: Attack[] = [
  { name: 'a private-folder file attached in an earlier turn', build: () => {
    const c = proprietaryCode();
    return { planted: [code(c)], messages: [user(attach('/ws/private/pricing.ts', c.text), 'What does this do?'), assistant('It sums the basket.'), user(FOLLOW_UP)] };
  } },
  { name: 'a .env attached in an earlier turn', build: () => {
    const d = dotenv();
    return { planted: d.planted, messages: [user(attach('/ws/.env', d.text), 'Which of these are unused?'), assistant('All of them are read in config.ts.'), user(FOLLOW_UP)] };
  } },
  { name: 'an attachment with a single-quoted path', build: () => {
    const c = proprietaryCode();
    return { planted: [code(c)], messages: [user(attach('/ws/private/pricing.ts', c.text, 'filePath', "'"), FOLLOW_UP)] };
  } },
  { name: 'an attachment naming its file by uri', build: () => {
    const c = proprietaryCode();
    return { planted: [code(c)], messages: [user(attach('file:///ws/private/pricing.ts', c.text, 'uri'), FOLLOW_UP)] };
  } },
  { name: 'an attachment tag in capitals', build: () => {
    const c = proprietaryCode();
    return { planted: [code(c)], messages: [user(attach('/ws/private/pricing.ts', c.text).replace(/attachment /g, 'Attachment ').replace(/\/attachment>/g, '/Attachment>'), FOLLOW_UP)] };
  } },
  { name: 'a token split across two text parts of one message', build: () => {
    const g = githubPat(); const cut = g.value.length - 20;
    return { planted: [g], messages: [user(`${FOLLOW_UP}\nOur CI uses GITHUB_TOKEN=${g.value.slice(0, cut)}`, `${g.value.slice(cut)} — is that safe?`)] };
  } },
  { name: 'an earlier agent round read .env (its result is history now)', build: () => {
    const d = dotenv();
    return { planted: d.planted, messages: [user('Check the config.'),
      { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'c1', name: 'read_file', input: JSON.stringify({ filePath: '/ws/.env' }) } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'c1', text: d.text }] }, assistant('The config has five keys.'), user(FOLLOW_UP)] };
  } },
  { name: 'read_file of lines below a marker (the marker is not in the result)', build: () => {
    const c = proprietaryCode();
    return { planted: [code(c)], disk: { 'src/billing/kernel.ts': MARKED(c) }, messages: [user(FOLLOW_UP),
      { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'c1', name: 'read_file', input: JSON.stringify({ filePath: '/ws/src/billing/kernel.ts', startLine: 40, endLine: 60 }) } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'c1', text: c.text }] }] };
  } },
  { name: 'sed of lines below a marker in the terminal', build: () => {
    const c = proprietaryCode();
    return { planted: [code(c)], disk: { 'src/billing/kernel.ts': MARKED(c) }, messages: [user(FOLLOW_UP),
      { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'c1', name: 'run_in_terminal', input: JSON.stringify({ command: 'sed -n 40,60p src/billing/kernel.ts' }) } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'c1', text: c.text }] }] };
  } },
  { name: 'a marked file read in an earlier agent round', build: () => {
    const c = proprietaryCode();
    return { planted: [code(c)], disk: { 'src/billing/kernel.ts': MARKED(c) }, messages: [user('Look at the kernel.'),
      { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'c1', name: 'read_file', input: JSON.stringify({ filePath: '/ws/src/billing/kernel.ts', startLine: 40 }) } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'c1', text: c.text }] }, assistant('Read it.'), user(FOLLOW_UP)] };
  } },
  { name: 'secrets and an e-mail in a system-role preamble', build: () => {
    const k = awsKeyId(); const m = email();
    return { planted: [k, m], messages: [user(`You are a helpful agent. Deploy key ${k.value}; escalations to ${m.value}.`), user(FOLLOW_UP)] };
  } },
];

for (const origin of ['askCloud', 'askAuto'] as const) {
  suite(`red team: native model picker (${origin === 'askCloud' ? 'Hybrid Cloud' : 'Hybrid Auto'})`, () => {
    for (const a of ATTACKS) {
      test(a.name, async () => {
        const { messages, planted, disk } = a.build();
        const input = await judged(lmRequestToAsk(messages, origin, [], ws), disk ?? {});
        const out = await rig.run(input, { cloud: origin === 'askCloud' ? 'openai' : 'anthropic' });
        assert.equal(leakIn(planted, out.cloudWire), undefined, `routes ${out.route.join(',')}`);
        assert.equal(leakIn(planted, JSON.stringify(out.records) + out.shown), undefined, 'ledger or shown text');
      });
    }
  });
}

suite('red team: native model picker — benign twins are sent', () => {
  const c = { canary: 'sumBasketTotals', text: 'export function sumBasketTotals(b: number[]) {\n  return b.reduce((a, x) => a + x, 0);\n}\n' };
  const cases: Array<{ name: string; messages: LmMessage[]; disk?: Record<string, string>; mustSend: string }> = [
    { name: 'a public file attached in an earlier turn', mustSend: 'sumBasketTotals', messages: [user(attach('/ws/src/basket.ts', c.text), 'What does this do?'), assistant('It sums.'), user(FOLLOW_UP)] },
    { name: 'read_file of an unmarked file', mustSend: 'sumBasketTotals', disk: { 'src/basket.ts': `// basket helpers\n${c.text}` }, messages: [user(FOLLOW_UP),
      { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'c1', name: 'read_file', input: JSON.stringify({ filePath: '/ws/src/basket.ts' }) } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'c1', text: c.text }] }] },
    { name: 'a question quoting the word confidential in prose', mustSend: 'keep it confidential', messages: [user(`${FOLLOW_UP} We keep it confidential only in the sense of not blogging about it.`)] },
    { name: 'two text parts', mustSend: 'event-driven', messages: [user('Thanks. Now explain the trade-offs of moving this service to an ', 'event-driven architecture across regions.')] },
  ];
  for (const b of cases) {
    test(b.name, async () => {
      const input = await judged(lmRequestToAsk(b.messages, 'askCloud', [], ws), b.disk ?? {});
      const out = await rig.run(input, { cloud: 'anthropic' });
      assert.deepEqual(out.route, ['cloud']);
      assert.ok(out.cloudWire.includes(b.mustSend), out.shown);
    });
  }
});

suite('red team: @hybrid history (historyOfTurns)', () => {
  test('an automatically escalated turn carries the local draft: it stays local with its question', () => {
    const h = historyOfTurns([{ kind: 'request', prompt: 'q1' }, { kind: 'response', meta: { question: 'q1', mode: 'auto', route: 'cloud', answer: 'draft + cloud', keptLocal: true } },
      { kind: 'request', prompt: 'q2' }, { kind: 'response', meta: { question: 'q2', mode: 'cloud', route: 'cloud', answer: 'cloud only' } }]);
    assert.deepEqual(h.map((t) => [t.content, !!t.local]), [['q1', true], ['draft + cloud', true], ['q2', false], ['cloud only', false]]);
  });
  test('a local turn, an explain preview and a turn without metadata', () => {
    const h = historyOfTurns([{ kind: 'request', prompt: 'secret q' }, { kind: 'response', meta: { question: 'secret q', mode: 'private', route: 'local', answer: 'a' } },
      { kind: 'request', prompt: 'why' }, { kind: 'response', meta: { question: 'why', mode: 'explain', answer: 'preview' } },
      { kind: 'request', prompt: 'lost' }, { kind: 'response', meta: undefined }]);
    assert.deepEqual(h.map((t) => [t.content, !!t.local]), [['secret q', true], ['a', true]]);
  });
});
