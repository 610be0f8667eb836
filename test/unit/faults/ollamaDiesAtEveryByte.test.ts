// Ollama quits while it answers, at every byte of the answer on the wire (HTTP head, chunk sizes, mid-line, line
// boundaries, the final chunk), ending its connection with a FIN, a destroy or an RST. Through the official
// `ollama` client, the loopback fetch, the guard and the real Ask pipeline, every death before the final `done`
// line has arrived must end the turn as the chat view shows it: failed, with a card — never a complete answer —
// and the view, which renders after each message, must never show the turn finished before it is: in CI, about one
// run in four, the failed `done` (footer, spinner off) was on screen before the error card that follows it.
import * as assert from 'node:assert/strict';
import { applyAskEvent, newTurn } from '../../../src/shared/protocol/chat';
import { chatResponse, DyingOllama, type DeathKind } from './dyingOllama';
import { FaultRig } from './rig';

const WORDS = ['The ', 'sum ', 'of xs.'];

suite('faults: Ollama dies at every byte of its answer', function () {
  this.timeout(240_000);
  let rig: FaultRig;
  let dying: DyingOllama;
  let url = '';
  const wire = chatResponse(WORDS);

  suiteSetup(async () => {
    rig = await FaultRig.start();
    dying = new DyingOllama();
    dying.response = wire.bytes;
    url = await dying.start();
  });
  suiteTeardown(async () => { await dying.close(); await rig.close(); });

  async function turnAfterDeath(cut: number, kind: DeathKind, delayMs = 0) {
    dying.death = { cut, kind, delayMs };
    const o = await rig.run({ origin: 'askPrivate', kind: 'ask' }, { localUrl: url, settings: { 'local.chatModel': 'qwen2.5-coder:7b' } });
    // The chat view renders after each message: once a turn looks finished, that must be how it ends.
    const turn = newTurn('t', 'q', 'private');
    let firstEnd: string | undefined;
    let flipped = '';
    for (const e of o.events) {
      applyAskEvent(turn, e);
      if (turn.status === 'streaming') continue;
      const now = `${turn.status}${turn.error ? ' with a card' : ' without a card'}`;
      firstEnd ??= now;
      if (now !== firstEnd && !flipped) flipped = `showed "${firstEnd}" after the ${e.type === 'error' ? 'done' : 'previous'} event, then "${now}"`;
    }
    return { o, turn, flipped };
  }

  for (const kind of ['fin', 'destroy', 'reset'] as DeathKind[]) {
    test(`${kind}: every cut before the final line ends failed with a card; a whole answer ends ok`, async () => {
      const wrong: string[] = [];
      for (let cut = 0; cut <= wire.bytes.length; cut++) {
        const { o, turn, flipped } = await turnAfterDeath(cut, kind);
        const where = `cut at byte ${cut}/${wire.bytes.length} (${JSON.stringify(wire.bytes.subarray(Math.max(0, cut - 12), cut).toString())}|)`;
        if (flipped) wrong.push(`${where}: ${flipped}`);
        else if (cut < wire.doneComplete) {
          if (turn.status !== 'failed' || !turn.error?.failure) wrong.push(`${where}: turn ${turn.status}, text ${JSON.stringify(turn.text)}, error ${turn.error?.message ?? 'none'}`);
          else if (o.records.some((r) => r.status === 'ok')) wrong.push(`${where}: the ledger says ok`);
        } else if (kind === 'fin' && (turn.status !== 'ok' || turn.text !== WORDS.join(''))) {
          // The final line came whole; only the chunked terminator is missing: the answer is complete.
          wrong.push(`${where}: a complete answer ended ${turn.status}: ${turn.error?.message ?? ''}`);
        }
        if (wrong.length >= 5) break;
      }
      assert.deepEqual(wrong, []);
    });
  }

  test('a death a moment after the last words (the e2e timing) ends failed with a card, the words kept', async () => {
    const lines = wire.doneComplete;
    for (const kind of ['fin', 'destroy', 'reset'] as DeathKind[]) {
      // After the second word's chunk: the words are on screen when the process goes.
      const after = wire.bytes.indexOf('\r\n', wire.bytes.indexOf('\n', wire.bytes.indexOf('sum '))) + 2;
      assert.ok(after > 0 && after < lines);
      const { turn, flipped } = await turnAfterDeath(after, kind, 60);
      assert.equal(flipped, '', `${kind}: the turn looked finished before its card came`);
      assert.equal(turn.status, 'failed', `${kind}: ${turn.text} / ${turn.error?.message ?? 'no card'}`);
      assert.match(turn.text, /The sum /, `${kind}: the words so far are kept`);
      assert.match(turn.error?.message ?? '', /incomplete|middle of the answer|before its final/i, `${kind}: ${turn.error?.message ?? ''}`);
    }
  });
});
