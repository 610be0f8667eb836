// spend4 audit, part 1: the native Chat participant's turns (@hybrid with history built as the participant builds
// it), the model picker's agent rounds (lmRequestToAsk), Ask (auto) escalation (two calls, each billed once), review,
// SDK retries (a refused attempt is not billed), extended thinking and an unknown model, all through the whole Ask
// pipeline with the real SDKs against the independent fakes; then the day read back (fixtures/dayBook.ts).
// Prices typed from /work/shared/data/prices-reference.json ($/Mtok):
//   claude-sonnet-4-6 in 3, read 0.3, write 5m 3.75, 1h 6, out 15      claude-opus-4-5 in 5, read 0.5, 5m 6.25, 1h 10, out 25
//   claude-haiku-4-5 in 1, out 5     gpt-5.4 in 2.5, cached 0.25, out 15
//   gpt-5.4-mini in 0.75, cached 0.075, out 4.5     gpt-4.1 in 2, cached 0.5, out 8
import * as assert from 'node:assert/strict';
import { historyOfTurns, renderEvent, type PastTurn } from '../../../src/core/native/chatRender';
import { lmRequestToAsk, originOfModel, type LmMessage } from '../../../src/core/native/lmMessages';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { AskRig } from './fixtures/askRig';
import { DayBook, near } from './fixtures/dayBook';

const ANSWER = 'The map call returns a new array of the same length.'; // 11 words = 11 deltas = 11 output tokens
const NOW = new Date(2026, 11, 7, 11).getTime();
const footerLine = (ev: AskEvent[]): string => ev.flatMap((e) => renderEvent(e, 'cloud')).map((o) => (o.kind === 'markdown' ? o.text : '')).join('');
const wire = (rig: AskRig, who: 'anthropic' | 'openai'): string => JSON.stringify(rig[who].seen.at(-1)!.json);

suite('spend4 / hand bills: native Chat turns, agent rounds, escalation, review, retries', function () {
  this.timeout(30_000);
  const rig = new AskRig(ANSWER, NOW);
  const day = new DayBook();
  suiteSetup(() => rig.open());
  suiteTeardown(() => rig.close());
  const sonnet46 = { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-6', 'cloud.lightModel': 'claude-haiku-4-5' } as const;
  const turns: PastTurn[] = [];

  test('C1 @hybrid /cloud, first turn on sonnet 4.6 with a 5 m cache write: 3200×3 + 2000×3.75 + 11×15 = 9600 + 7500 + 165 = 17265 µ$; the footer reads $0.02 · 5200 in', async () => {
    const q = 'Why does the retry loop in fetch.ts back off twice?';
    const r = await rig.run({ settings: sonnet46, input: { origin: 'askCloud', question: q, history: historyOfTurns(turns) }, anthropic: { usage: { input: 3200, cacheRead: 0, cacheWrite: 2000 } } });
    assert.equal(r.records.length, 1);
    day.book(r.records[0]!, 17_265);
    assert.match(footerLine(r.events), /\*\*Cost:\*\* \$0\.02 · 5200 in \/ 11 out tokens/);
    turns.push({ kind: 'request', prompt: q }, { kind: 'response', meta: { question: q, mode: 'cloud', route: 'cloud', answer: r.streamed } });
  });

  test('C2 the follow-up turn sends turn 1 as history and is billed alone: 450×3 + 5200×0.3 + 11×15 = 1350 + 1560 + 165 = 3075 µ$', async () => {
    const q = 'And how long is the second wait?';
    const r = await rig.run({ settings: sonnet46, input: { origin: 'askCloud', question: q, history: historyOfTurns(turns) }, anthropic: { usage: { input: 450, cacheRead: 5200, cacheWrite: 0 } } });
    assert.equal(r.records.length, 1);
    assert.ok(wire(rig, 'anthropic').includes('back off twice'), 'turn 1 went along as history');
    day.book(r.records[0]!, 3075);
    turns.push({ kind: 'request', prompt: q }, { kind: 'response', meta: { question: q, mode: 'cloud', route: 'cloud', answer: r.streamed } });
  });

  test('C3 after a /private turn (kept off the cloud), a cloud turn: 800×3 + 5200×0.3 + 300×3.75 + 11×15 = 2400 + 1560 + 1125 + 165 = 5250 µ$', async () => {
    turns.push({ kind: 'request', prompt: 'PRIVATE-QUESTION about billing.ts' }, { kind: 'response', meta: { question: 'PRIVATE-QUESTION', mode: 'private', route: 'local', answer: 'PRIVATE-ANSWER' } });
    const r = await rig.run({ settings: sonnet46, input: { origin: 'askCloud', question: 'Summarise the retry discussion.', history: historyOfTurns(turns) },
      anthropic: { usage: { input: 800, cacheRead: 5200, cacheWrite: 300 } } });
    assert.ok(!/PRIVATE-(QUESTION|ANSWER)/.test(wire(rig, 'anthropic')), 'the local exchange stayed local');
    day.book(r.records[0]!, 5250);
  });

  const agentMessages: LmMessage[] = [
    { role: 'user', parts: [{ kind: 'text', text: 'Rename the helper in utils.ts and fix its callers.' }] },
    { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'call_1', name: 'read_file', input: '{"filePath":"/ws/src/utils.ts"}' } }] },
    { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_1', text: 'export function helper(a: number) { return a + 1; }' }] },
  ];

  test('C4 model picker "Hybrid Cloud", agent round 1 (a tool result) on gpt-5.4-mini: 1904×0.75 + 4096×0.075 + 11×4.5 = 1428 + 307.2 + 49.5 = 1784.7 µ$', async () => {
    const input = lmRequestToAsk(agentMessages, originOfModel('hybrid-cloud')!, [{ name: 'read_file', description: 'Read a file' }], (p) => p.replace('/ws/', ''));
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-5.4-mini' }, input, openai: { usage: { prompt: 6000, cached: 4096, reasoning: 0 } } });
    assert.equal(r.records.length, 1);
    day.book(r.records[0]!, 1784.7);
  });

  test('C5 agent round 2 is its own request, billed once: 984×0.75 + 6016×0.075 + 11×4.5 = 738 + 451.2 + 49.5 = 1238.7 µ$', async () => {
    const more: LmMessage[] = [...agentMessages,
      { role: 'assistant', parts: [{ kind: 'toolCall', call: { id: 'call_2', name: 'read_file', input: '{"filePath":"/ws/src/main.ts"}' } }] },
      { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_2', text: 'import { helper } from "./utils";' }] }];
    const input = lmRequestToAsk(more, 'askCloud', [{ name: 'read_file', description: 'Read a file' }], (p) => p.replace('/ws/', ''));
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-5.4-mini' }, input, openai: { usage: { prompt: 7000, cached: 6016, reasoning: 0 } } });
    assert.equal(r.records.length, 1);
    day.book(r.records[0]!, 1238.7);
  });

  test('C6 extended thinking on opus 4.5 with a 1 h cache write (6 thinking deltas in output_tokens): 2000×5 + 1000×10 + 17×25 = 10000 + 10000 + 425 = 20425 µ$', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-opus-4-5' },
      anthropic: { blocks: ['thinking'], usage: { input: 2000, cacheRead: 0, cacheWrite: 1000, cacheWrite1h: 1000 } } });
    day.book(r.records[0]!, 20_425);
    assert.equal(r.records[0]!.tokens.cacheWrite1h, 1000);
  });

  const unsure = { answer: "I'm not sure, but maybe the cache key is stale.", promptEvalCount: 250 };
  const escalate = { 'routing.escalation': 'auto', 'routing.localBelow': 0, 'routing.complexityThreshold': 1.01 } as const;

  test('C7 Ask (auto) escalation with no light tier: local $0, then sonnet 4.6 700×3 + 11×15 = 2265 µ$; two records, each once', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-6', 'cloud.lightModel': '', ...escalate },
      input: { origin: 'askAuto', question: 'How should I structure the retry logic in this fetch wrapper?' }, ollama: unsure, anthropic: { usage: { input: 700, cacheRead: 0, cacheWrite: 0 } } });
    assert.deepEqual(r.records.map((x) => x.route), ['local', 'cloud']);
    assert.equal(new Set(r.records.map((x) => x.id)).size, 2);
    assert.equal(rig.anthropic.seen.length, 1, 'one cloud call');
    day.book(r.records[0]!, 0);
    day.book(r.records[1]!, 2265);
    // The Chat view shows both answers' cost lines: the local draft's $0.00 and the cloud answer's.
    assert.match(footerLine(r.events), /\*\*Cost:\*\* \$0\.00 \(local\)[\s\S]*\*\*Cost:\*\* \$0\.0023 ·/);
  });

  test('C8 escalation on OpenAI to the auto light tier gpt-5.4-mini with 64 reasoning tokens: 900×0.75 + 75×4.5 = 675 + 337.5 = 1012.5 µ$; all-cloud on gpt-5.4 900×2.5 + 75×15 = 3375 µ$', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-5.4', 'cloud.lightModel': 'auto', ...escalate },
      input: { origin: 'askAuto', question: 'How should I structure the retry logic in this fetch wrapper?' }, ollama: unsure,
      openai: { servedModel: 'gpt-5.4-mini-2026-03-17', usage: { prompt: 900, cached: 0, reasoning: 64 } } });
    assert.deepEqual(r.records.map((x) => x.route), ['local', 'cloud']);
    day.book(r.records[0]!, 0);
    day.book(r.records[1]!, 1012.5);
    near(r.records[1]!.cloudEquivalentUsd, 3375, 'all-cloud figure');
  });

  test('C13 escalation offered, then the offer taken: the local answer $0, the escalation on the light tier it offered (haiku 4.5) 600×1 + 11×5 = 655 µ$, linked to it', async () => {
    const settings = { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-sonnet-4-6', 'cloud.lightModel': 'auto', ...escalate, 'routing.escalation': 'offer' } as const;
    const question = 'How should I structure the retry logic in this fetch wrapper?';
    const first = await rig.run({ settings, input: { origin: 'askAuto', question }, ollama: unsure });
    assert.deepEqual(first.records.map((x) => x.route), ['local'], 'offered, not taken');
    assert.ok(first.events.some((e) => e.type === 'escalation' && (e as { action: string }).action === 'offered'));
    day.book(first.records[0]!, 0);
    // The question fell in the middle band (localBelow 0 ≤ score < 1.01), as the host passes it with the button.
    const second = await rig.run({ settings, input: { origin: 'askAuto', question, escalateFrom: { id: first.records[0]!.id, band: 'middle', offered: true } },
      anthropic: { usage: { input: 600, cacheRead: 0, cacheWrite: 0 } } });
    assert.deepEqual(second.records.map((x) => x.route), ['cloud']);
    assert.equal((rig.anthropic.seen.at(-1)!.json as { model: string }).model, 'claude-haiku-4-5', 'the offer named the light tier, so taking it asks that');
    assert.equal(second.records[0]!.escalatedFrom, first.records[0]!.id);
    day.book(second.records[0]!, 655);
  });

  test('C9 a 429 the SDK retries is not billed; the answer is, once: 976×2 + 1024×0.5 + 11×8 = 1952 + 512 + 88 = 2552 µ$', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-4.1' },
      openai: { status: { code: 429, type: 'rate_limit_exceeded', code_: 'rate_limit_exceeded', message: 'Rate limit reached' }, statusTimes: 1, retryAfter: 0, usage: { prompt: 2000, cached: 1024, reasoning: 0 } } });
    assert.equal(rig.openai.seen.length, 2, 'two attempts on the wire');
    assert.equal(r.records.length, 1);
    day.book(r.records[0]!, 2552);
  });

  test('C10 an Anthropic 529 the SDK retries, then haiku 4.5 answers: 5000×1 + 11×5 = 5055 µ$, one record', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-haiku-4-5' },
      anthropic: { status: { code: 529, type: 'overloaded_error', message: 'Overloaded' }, statusTimes: 1, retryAfter: 0, usage: { input: 5000, cacheRead: 0, cacheWrite: 0 } } });
    assert.equal(r.records.length, 1);
    day.book(r.records[0]!, 5055);
  });

  test('C11 review stays local: $0, and what it would have cost on gpt-5.4: 4000×2.5 + 11×15 = 10165 µ$', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'openai', 'cloud.model': 'gpt-5.4' }, ollama: { promptEvalCount: 4000 },
      input: { origin: 'review', kind: 'review', question: 'Review this code.', context: [{ source: 'file', path: 'src/a.ts', text: 'export const a = [1, 2].map((x) => x * 2);\n' }] } });
    assert.equal(r.records.length, 1);
    assert.equal(r.records[0]!.route, 'local');
    day.book(r.records[0]!, 0);
    near(r.records[0]!.cloudEquivalentUsd, 10_165, 'review cloud-equivalent');
  });

  test('C12 a model the table does not know (claude-nimbus-7): "unknown price" in the footer and the ledger, never $0', async () => {
    const r = await rig.run({ settings: { 'cloud.provider': 'anthropic', 'cloud.model': 'claude-nimbus-7' }, anthropic: { usage: { input: 900, cacheRead: 0, cacheWrite: 0 } } });
    day.book(r.records[0]!, null);
    assert.match(footerLine(r.events), /\*\*Cost:\*\* unknown price/);
  });

  test('the day: panel, status bar, ledger on disk, CSV and JSON equal Σ hand bills (one unpriced, shown as such)', async () => {
    assert.equal(day.billed.length, 16);
    await day.closeDay(new Date(NOW + 3_600_000));
  });
});
