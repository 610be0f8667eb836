// Red team, surfaces 3, 4 and 6: what stayed local must stay local when the conversation later goes to the cloud —
// "Ask the cloud" on a local answer (manual and automatic), a model-picker conversation switched from Hybrid
// Private to Hybrid Cloud, the overflow of a saturated private tier, the run-time fallback after a local failure,
// and the team gateway. The local fake's answer carries a canary; the cloud fakes must never receive it.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { lmRequestToAsk, type LmMessage } from '../../../../src/core/native/lmMessages';
import { LocalTurns } from '../../../../src/core/native/localTurns';
import type { AskInput } from '../../../../src/core/pipeline/ask';
import type { ChatTurn } from '../../../../src/core/request';
import { leakIn, proprietaryCode, type Planted } from '../../../fixtures/privacy/surfaces/planted';
import { SurfaceRig, type CloudName } from '../../../fixtures/privacy/surfaces/rig';

const COMPLEX = 'Propose a migration strategy for this service across our regions: weigh the trade-offs between consistency and availability, explain the failure modes and how to roll it out safely.';
const MIDDLE = 'How should I structure the retry logic in this fetch wrapper?';

let rig: SurfaceRig;
suiteSetup(async () => { rig = await SurfaceRig.start(); });
suiteTeardown(async () => { await rig?.close(); });

/** A local exchange about proprietary code: the user's question pasted it, the local answer quoted it. */
function localExchange(): { history: ChatTurn[]; planted: Planted[]; draft: string } {
  const c = proprietaryCode();
  const draft = `draftCanary${randomBytes(6).toString('hex')}`;
  return {
    draft,
    planted: [{ name: 'private code', value: c.canary, secretPart: c.canary }, { name: 'local draft', value: draft, secretPart: draft }],
    history: [{ role: 'user', content: `Keep this between us:\n${c.text}\nWhat does it compute?`, local: true },
      { role: 'assistant', content: `It is ${draft}: ${c.canary} applies the 0.87 factor.`, local: true }],
  };
}

setup(() => rig.reset());

suite('red team: local history never reaches the cloud', () => {
  const routes: Array<{ name: string; cloud: CloudName; input: (h: ChatTurn[]) => AskInput; opts?: Parameters<SurfaceRig['run']>[1]; prepare?: () => void }> = [
    { name: 'Ask (cloud) follow-up', cloud: 'anthropic', input: (history) => ({ origin: 'askCloud', kind: 'ask', question: 'And how would you test it?', context: [], history }) },
    { name: 'Ask (automatic), complex follow-up', cloud: 'openai', input: (history) => ({ origin: 'askAuto', kind: 'ask', question: COMPLEX, context: [], history }) },
    { name: '"Ask the cloud" on the local answer (manual escalation)', cloud: 'anthropic', input: (history) => ({ origin: 'askAuto', kind: 'ask', question: MIDDLE, context: [], history, escalateFrom: { id: 'local-1', band: 'middle' } }) },
    { name: 'the team gateway', cloud: 'gateway', input: (history) => ({ origin: 'askCloud', kind: 'ask', question: 'And how would you test it?', context: [], history }) },
    { name: 'overflow of a saturated private tier (decide time)', cloud: 'anthropic', input: (history) => ({ origin: 'askAuto', kind: 'ask', question: MIDDLE, context: [], history }),
      opts: { settings: { 'fallback.overflowToCloud': true, 'routing.localBelow': 0.99, 'routing.complexityThreshold': 1 }, pressure: 'the private tier is saturated: local answers take 9.0 s to start' } },
    { name: 'overflow after the private tier answered 503 (run time)', cloud: 'openai', input: (history) => ({ origin: 'askAuto', kind: 'ask', question: MIDDLE, context: [], history }),
      opts: { settings: { 'fallback.overflowToCloud': true, 'routing.localBelow': 0.99, 'routing.complexityThreshold': 1 } },
      prepare: () => rig.fakes.ollama!.fake.setFault({ kind: 'status', status: 503, body: { error: 'server busy' } }) },
    { name: 'local → cloud fallback after the local model timed out', cloud: 'gateway', input: (history) => ({ origin: 'askAuto', kind: 'ask', question: MIDDLE, context: [], history }),
      opts: { settings: { 'fallback.localToCloud': true, 'routing.localBelow': 0.99, 'routing.complexityThreshold': 1, 'timeouts.localFirstByteMs': 150 } },
      prepare: () => rig.fakes.ollama!.fake.setFault({ kind: 'delayFirstByte', ms: 1500, paths: ['/api/chat'] }) },
  ];
  for (const r of routes) {
    test(r.name, async () => {
      const x = localExchange();
      r.prepare?.();
      const out = await rig.run(r.input(x.history), { cloud: r.cloud, ...r.opts });
      assert.ok(out.route.includes('cloud'), `the attack never reached the cloud route (${out.route.join(',')}): ${out.shown}`);
      assert.equal(leakIn(x.planted, out.cloudWire), undefined);
      assert.ok(out.cloudWire.length > 2, 'nothing was sent at all');
    });
  }

  test('automatic escalation of an unsure local draft sends the question, never the draft', async () => {
    const draft = `draftCanary${randomBytes(6).toString('hex')}`;
    rig.fakes.ollama!.fake.setReply({ text: `I'm not sure, maybe ${draft} is stale, perhaps.` });
    rig.fakes.ollama!.fake.logprobs = 'unsure';
    try {
      const out = await rig.run({ origin: 'askAuto', kind: 'ask', question: MIDDLE, context: [] },
        { settings: { 'routing.escalation': 'auto', 'routing.localBelow': 0, 'routing.complexityThreshold': 1.01 } });
      assert.ok(out.events.some((e) => e.type === 'escalation' && e.action === 'escalated'), out.shown);
      assert.ok(out.localWire.includes(MIDDLE) && out.cloudWire.includes(MIDDLE));
      assert.equal(leakIn([{ name: 'draft', value: draft, secretPart: draft }], out.cloudWire), undefined);
    } finally {
      rig.fakes.ollama!.fake.logprobs = 'confident';
    }
  });
});

suite('red team: the model picker remembers what stayed local', () => {
  const ws = (p: string) => p;
  async function privateThenCloud(memory: LocalTurns | undefined): Promise<{ leak: string | undefined; sent: boolean }> {
    const c = proprietaryCode();
    const draft = `draftCanary${randomBytes(6).toString('hex')}`;
    rig.fakes.ollama!.fake.setReply({ text: `${draft}: ${c.canary} applies a 0.87 factor.` });
    const first: LmMessage[] = [{ role: 'user', parts: [{ kind: 'text', text: `Between us:\n${c.text}\nWhat does it compute?` }] }];
    const one = await rig.run(lmRequestToAsk(first, 'askPrivate', [], ws, memory));
    assert.deepEqual(one.route, ['local']);
    const answer = one.events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('');
    // What modelProvider does after a local answer.
    memory?.remember(first[0].parts.map((p) => (p.kind === 'text' ? p.text : '')).join(''), answer);
    rig.reset();
    // The editor re-sends the conversation (its own rendering: a trailing newline, CRLF) with a new question.
    const second: LmMessage[] = [first[0], { role: 'assistant', parts: [{ kind: 'text', text: `${answer.replace(/\n/g, '\r\n')}\n` }] },
      { role: 'user', parts: [{ kind: 'text', text: 'How would I unit-test a pricing function like that?' }] }];
    const two = await rig.run(lmRequestToAsk(second, 'askCloud', [], ws, memory), { cloud: 'openai' });
    return { leak: leakIn([{ name: 'code', value: c.canary, secretPart: c.canary }, { name: 'draft', value: draft, secretPart: draft }], two.cloudWire),
      sent: two.cloudWire.includes('unit-test a pricing function') };
  }

  test('Hybrid Private, then Hybrid Cloud in the same conversation: the private exchange stays local', async () => {
    const r = await privateThenCloud(new LocalTurns());
    assert.equal(r.leak, undefined);
    assert.ok(r.sent, 'the new question itself must still go');
  });

  test('the attack is real: without the memory the private exchange would leave', async () => {
    const r = await privateThenCloud(undefined);
    assert.notEqual(r.leak, undefined, 'the control case should leak; if it does not, the attack above proves nothing');
  });

  test('the marks survive a restart (VS Code restores the conversation; digests only are stored)', async () => {
    const before = new LocalTurns();
    before.remember('Between us: the pricing kernel', 'It applies 0.87.');
    const saved = JSON.parse(JSON.stringify(before.toJSON()));
    assert.ok(!JSON.stringify(saved).includes('pricing'), 'no text of the conversation is stored');
    const after = new LocalTurns(undefined, saved);
    const marked = after.mark([{ role: 'user', content: 'Between us: the pricing kernel' }, { role: 'assistant', content: 'It applies 0.87.\n' }]);
    assert.deepEqual(marked.map((t) => !!t.local), [true, true]);
    assert.deepEqual(new LocalTurns(undefined, { texts: [42], callIds: 'x' }).toJSON(), { texts: [], callIds: [] });
  });

  test('a local agent round: its tool calls and their results are marked by call id', () => {
    const m = new LocalTurns();
    m.remember('Read the kernel', '', ['call_local_1']);
    const marked = m.mark([{ role: 'user', content: 'Read the kernel' }, { role: 'assistant', content: '', toolCalls: [{ id: 'call_local_1', name: 'read_file', input: '{}' }] },
      { role: 'user', content: '', toolResults: [{ callId: 'call_local_1', content: 'x' }] }, { role: 'user', content: 'Something else' }]);
    assert.deepEqual(marked.map((t) => !!t.local), [true, true, true, false]);
  });
});
