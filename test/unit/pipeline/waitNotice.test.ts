// Deep e2e session: a 429 with Retry-After was waited out and answered, and under the finished answer the card
// still said "Anthropic is busy … — trying again in 2 s" in the present tense, as if it were still waiting.
import * as assert from 'node:assert/strict';
import { streamAnswer } from '../../../src/core/pipeline/streamAnswer';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { waitNotice, waitedNotice } from '../../../src/core/providers/failureText';
import type { ChatBody, ChatProvider, StreamResult } from '../../../src/core/wire/types';
import { applyAskEvent, newTurn } from '../../../src/shared/protocol/chat';

const body = { model: 'm', messages: [{ role: 'user', content: 'q' }], maxTokens: 10 } as unknown as ChatBody;

function waitsThenAnswers(): ChatProvider {
  return {
    id: 'anthropic', location: 'cloud',
    async *stream(_b, _s, hooks) {
      hooks?.onWait?.(waitNotice('Anthropic', { status: 429, retryAfterMs: 2000 }));
      await new Promise((r) => setTimeout(r, 20));
      yield 'the answer';
      return { usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, source: 'provider' }, timing: { ttftMs: 1, totalMs: 2 }, model: 'm', finish: 'stop' } as StreamResult;
    },
  };
}

suite('a wait notice once the wait is over', () => {
  test('the past tense replaces the present once the answer resumes', async () => {
    const events: AskEvent[] = [];
    const gen = streamAnswer(waitsThenAnswers(), body, new AbortController().signal);
    for (let s = await gen.next(); !s.done; s = await gen.next()) events.push(s.value);
    const turn = newTurn('t', 'q', 'cloud');
    for (const e of events) applyAskEvent(turn, e as never);
    assert.deepEqual(turn.notices, ['Anthropic was busy (HTTP 429 rate limit) — Hybrid waited 2 s, as it asked, and tried again.']);
    assert.equal(turn.text, 'the answer');
  });

  test('the wording of both tenses', () => {
    assert.equal(waitNotice('OpenAI', { status: 503 }), 'OpenAI is busy (HTTP 503 unavailable) — trying again shortly.');
    assert.equal(waitedNotice(waitNotice('OpenAI', { status: 503 })), 'OpenAI was busy (HTTP 503 unavailable) — Hybrid tried again.');
    assert.equal(waitedNotice('something else'), undefined);
  });
});
