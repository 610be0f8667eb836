// Issue #16 item 5: Retry repeats exactly that turn. Each turn keeps its own replay (kind, origin, question,
// context); retrying a review after an explain reruns the review, never "the last command".
import * as assert from 'node:assert/strict';
import type { AskInput } from '../../../src/core/pipeline/ask';
import { retryOf, TurnReplays, type TurnReplay } from '../../../src/core/pipeline/turnReplay';

const ctx = (path: string) => [{ path, text: 'const x = 1;\n', startLine: 3, endLine: 3, source: 'selection' as const }];
const review: TurnReplay = { title: 'Review src/cart.ts:3-3', mode: 'review', input: { origin: 'review', kind: 'review', question: 'Review this code.', context: ctx('src/cart.ts') } };
const explain: TurnReplay = { title: 'why?', mode: 'explain', input: { origin: 'explainRoute', kind: 'ask', question: 'why?', context: ctx('src/stats.py'), dryRun: true } };
const cloudAsk: TurnReplay = { title: 'design?', mode: 'cloud', input: { origin: 'askCloud', kind: 'ask', question: 'design?', context: ctx('src/a.ts'), escalateFrom: { id: 'r1' } } as AskInput };

suite('pipeline / turn replay (Retry repeats that turn)', () => {
  test('each turn recalls its own run, whatever ran after it', () => {
    const replays = new TurnReplays();
    replays.remember('t-review', review);
    replays.remember('t-explain', explain);
    replays.remember('t-cloud', cloudAsk);
    assert.deepEqual(replays.recall('t-review'), review);
    assert.deepEqual(replays.recall('t-explain'), explain);
    assert.equal(replays.recall('t-unknown'), undefined, 'an unknown turn reruns nothing (not the last command)');
  });

  test('Retry reruns the turn as it was; a preview stays a preview, a cloud ask stays on the cloud', () => {
    assert.deepEqual(retryOf(review, false), review);
    assert.deepEqual(retryOf(explain, false), explain);
    assert.deepEqual(retryOf(cloudAsk, false), cloudAsk);
  });

  test('Retry on local: the same question and context as an Ask (private) that really runs; a review is rerun as it was', () => {
    const local = retryOf(explain, true);
    assert.equal(local.mode, 'private');
    assert.deepEqual(local.input, { origin: 'askPrivate', kind: 'ask', question: 'why?', context: ctx('src/stats.py') });
    const fromCloud = retryOf(cloudAsk, true);
    assert.equal(fromCloud.input.origin, 'askPrivate');
    assert.equal(fromCloud.input.escalateFrom, undefined, 'a local retry is not an escalation to the cloud');
    assert.deepEqual(fromCloud.input.context, cloudAsk.input.context);
    assert.deepEqual(retryOf(review, true), review);
  });

  test('only the most recent turns are kept', () => {
    const replays = new TurnReplays<number>(3);
    for (let i = 0; i < 5; i++) replays.remember(`t${i}`, i);
    assert.equal(replays.recall('t0'), undefined);
    assert.equal(replays.recall('t1'), undefined);
    assert.deepEqual(['t2', 't3', 't4'].map((t) => replays.recall(t)), [2, 3, 4]);
  });
});
