// What the chat shows after a fallback and a refusal (seen in the e2e screenshots): a cloud → local fallback that
// answered must not leave the failed cloud attempt's red "Could not reach the model" card (with a Retry that would
// re-send to the cloud) on the turn, nor end the turn as failed; a refusal is headed "Not sent", not "The request
// failed". Events come from the real runAsk and are folded with the same applyAskEvent the host and page use.
import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { ChatBody, ChatProvider, StreamResult } from '../../../src/core/wire/types';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { applyAskEvent, newTurn, type TurnView } from '../../../src/shared/protocol/chat';
import { errorTitle } from '../../../src/webview/chat/errorTitle';

function provider(id: string, location: 'local' | 'cloud', outcome: 'answer' | 'connection'): ChatProvider {
  return {
    id, location,
    async *stream(body: ChatBody) {
      const base = { usage: { input: 100, output: outcome === 'answer' ? 3 : 0, cacheRead: 0, cacheWrite: 0, source: 'provider' as const }, timing: { ttftMs: 5, totalMs: 10 }, model: body.model };
      if (outcome === 'connection') {
        return { ...base, finish: 'error', failure: { code: 'connection', message: `Cannot reach ${id} (connection refused) — check your network.` } } as StreamResult;
      }
      yield `[${id}] `;
      yield 'an answer';
      return { ...base, finish: 'stop' } as StreamResult;
    },
  };
}

async function turnFor(input: Partial<AskInput>, cloud: 'answer' | 'connection'): Promise<TurnView> {
  let n = 0;
  const deps = createAskDeps({
    settings: { ...DEFAULT_SETTINGS, 'fallback.cloudToLocal': true },
    pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
    local: () => provider('ollama', 'local', 'answer'), cloud: async () => provider('anthropic', 'cloud', cloud),
    countTokens: async (s) => Math.ceil(s.length / 4),
    budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
    health: () => ({ local: 'ready', cloud: 'ready' }),
    record: async () => undefined, confirm: async () => true, newId: () => `req-${++n}`,
  });
  const turn = newTurn('t1', input.question ?? 'q', 'cloud');
  const full: AskInput = { origin: 'askCloud', kind: 'ask', question: 'How should Cart support currencies?', context: [], ...input };
  for await (const e of runAsk(deps, full, new AbortController().signal)) applyAskEvent(turn, e);
  return turn;
}

suite('chat turn after a fallback or a refusal', () => {
  test('cloud unreachable → local answered: the turn shows the local answer, the notice, and no error', async () => {
    const turn = await turnFor({}, 'connection');
    assert.equal(turn.error, undefined, `the failed cloud attempt's error stayed: ${JSON.stringify(turn.error)}`);
    assert.equal(turn.status, 'ok');
    assert.equal(turn.route?.route, 'local');
    assert.equal(turn.text, '[ollama] an answer');
    assert.ok(turn.notices.some((n) => /answering with the local model instead/.test(n)), JSON.stringify(turn.notices));
    assert.ok(turn.notices.every((n) => !n.includes('.)')), `a message's full stop inside the brackets: ${JSON.stringify(turn.notices)}`);
    assert.equal(turn.footer?.provider, 'ollama');
  });

  test('a cloud answer without a fallback is untouched', async () => {
    const turn = await turnFor({}, 'answer');
    assert.equal(turn.status, 'ok');
    assert.equal(turn.text, '[anthropic] an answer');
    assert.deepEqual(turn.notices, []);
  });

  test('Ask (cloud) on a private file: refused, headed "Not sent", with "Retry on local"', async () => {
    const turn = await turnFor({ context: [{ path: '.env.production', text: 'FEATURE_FLAGS=beta\n', startLine: 1, endLine: 1, source: 'file' }] }, 'answer');
    assert.equal(turn.route?.route, 'refuse');
    assert.equal(turn.status, 'failed');
    assert.ok(turn.error?.fixes.includes('retryLocal'));
    assert.match(turn.error!.message, /private path/);
    assert.equal(errorTitle(turn.error?.failure?.code, turn.route?.route === 'refuse'), 'Not sent');
    assert.equal(errorTitle('connection'), 'Could not reach the model');
    assert.equal(errorTitle(undefined), 'The request failed');
  });
});
