// Issue #16 item 7: one running answer per thread. Two commands started in the same tick used to both see
// "nothing running" and stream at once, with Stop reaching only one; and a provider stream must be closed
// whenever its consumer stops early. Driven through the real runAsk with a slow provider that counts open streams.
import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { AskEvent } from '../../../src/core/pipeline/events';
import { OneRunning } from '../../../src/core/pipeline/oneRunning';
import type { ChatBody, ChatProvider, StreamResult } from '../../../src/core/providers/types';
import type { LedgerRecord } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A local model that streams one chunk every few ms until done or aborted; `honoursAbort: false` ignores Stop. */
function slowLocal(opts: { chunks?: number; honoursAbort?: boolean } = {}) {
  const stats = { open: 0, maxOpen: 0, closed: 0 };
  const result = (finish: StreamResult['finish'], n: number): StreamResult => ({
    usage: { input: 100, output: n, cacheRead: 0, cacheWrite: 0, source: 'provider' },
    timing: { ttftMs: 5, totalMs: 5 * n }, model: 'qwen2.5-coder:7b', finish,
  });
  const provider: ChatProvider = {
    id: 'ollama', location: 'local',
    async *stream(_body: ChatBody, signal: AbortSignal) {
      stats.open++;
      stats.maxOpen = Math.max(stats.maxOpen, stats.open);
      try {
        for (let i = 0; i < (opts.chunks ?? 40); i++) {
          if (signal.aborted && opts.honoursAbort !== false) return result('cancelled', i);
          await sleep(5);
          yield `c${i} `;
        }
        return result('stop', opts.chunks ?? 40);
      } finally {
        stats.open--;
        stats.closed++;
      }
    },
  };
  return { provider, stats };
}

function depsWith(local: ChatProvider, records: LedgerRecord[]) {
  let n = 0;
  return createAskDeps({
    settings: { ...DEFAULT_SETTINGS }, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
    local: () => local, cloud: async () => undefined, countTokens: async (s) => Math.ceil(s.length / 4),
    budget: () => ({ level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 }),
    health: () => ({ local: 'ready', cloud: 'noKey' }),
    record: async (r) => { records.push(r); }, confirm: async () => true, newId: () => `req-${++n}`,
  });
}

const input: AskInput = { origin: 'askPrivate', kind: 'ask', question: 'Explain this loop.', context: [] };

/** What ChatViewProvider.runExternal does for one palette command: claim, (reveal), wait, stream, release. */
async function command(slot: OneRunning, deps: ReturnType<typeof depsWith>): Promise<AskEvent[]> {
  const abort = new AbortController();
  const claim = slot.claim(abort);
  await sleep(1); // revealing the chat view
  await claim.ready;
  const events: AskEvent[] = [];
  try {
    for await (const e of runAsk(deps, input, abort.signal)) events.push(e);
  } finally {
    claim.release();
  }
  return events;
}

const doneStatus = (events: AskEvent[]) => events.find((e): e is Extract<AskEvent, { type: 'done' }> => e.type === 'done')?.status;

suite('pipeline / one running answer per thread', () => {
  test('two commands started together: the first is stopped, never two streams at once', async () => {
    const { provider, stats } = slowLocal();
    const records: LedgerRecord[] = [];
    const deps = depsWith(provider, records);
    const slot = new OneRunning();
    const [first, second] = await Promise.all([command(slot, deps), command(slot, deps)]);
    assert.equal(stats.maxOpen, 1, 'two provider streams were open at the same time');
    assert.equal(stats.open, 0);
    assert.equal(doneStatus(first), 'cancelled');
    assert.equal(doneStatus(second), 'ok');
    assert.deepEqual(records.map((r) => r.status), ['cancelled', 'ok']);
    assert.equal(slot.busy, false);
  });

  test('a command started while another streams stops it mid-answer and then streams alone', async () => {
    const { provider, stats } = slowLocal();
    const deps = depsWith(provider, []);
    const slot = new OneRunning();
    const first = command(slot, deps);
    await sleep(30);
    assert.equal(stats.open, 1);
    const second = command(slot, deps);
    const a = await first;
    assert.equal(doneStatus(a), 'cancelled');
    assert.ok(a.some((e) => e.type === 'delta'), 'the first had started streaming');
    assert.equal(doneStatus(await second), 'ok');
    assert.equal(stats.maxOpen, 1);
  });

  test('Stop reaches the run that holds the thread (the newer one), and resolves once it has ended', async () => {
    const { provider, stats } = slowLocal({ chunks: 400 });
    const deps = depsWith(provider, []);
    const slot = new OneRunning();
    const first = command(slot, deps);
    const second = command(slot, deps);
    await sleep(40);
    assert.equal(slot.busy, true);
    await slot.stop();
    assert.equal(slot.busy, false);
    assert.equal(stats.open, 0, 'Stop left a stream open');
    assert.deepEqual([doneStatus(await first), doneStatus(await second)], ['cancelled', 'cancelled']);
  });

  test('a consumer that stops reading early closes the provider stream', async () => {
    const { provider, stats } = slowLocal();
    const deps = depsWith(provider, []);
    for await (const e of runAsk(deps, input, new AbortController().signal)) if (e.type === 'delta') break;
    assert.equal(stats.open, 0);
    assert.equal(stats.closed, 1);
  });

  test('a stream that ignores Stop holds the newer run up only for the grace period', async () => {
    const slot = new OneRunning(50);
    const stuck = new AbortController();
    slot.claim(stuck); // never released: a stream that does not end on abort
    const t0 = Date.now();
    const next = slot.claim(new AbortController());
    assert.equal(stuck.signal.aborted, true);
    await next.ready;
    const waited = Date.now() - t0;
    assert.ok(waited >= 40 && waited < 1000, `waited ${waited} ms`);
    next.release();
    assert.equal(slot.busy, false);
  });

  test('a stale release (of a run already displaced) does not free the thread the newer run holds', () => {
    const slot = new OneRunning();
    const a = slot.claim(new AbortController());
    slot.claim(new AbortController());
    a.release();
    assert.equal(slot.busy, true);
  });
});
