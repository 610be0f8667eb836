// Ask (automatic) asks the semantic router only for an uncertain, non-sensitive question; Ask (private) and
// sensitive requests are never embedded. Through the real classifier, router and gate (createAskDeps).
import * as assert from 'node:assert/strict';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { runAsk, type AskInput } from '../../../src/core/pipeline/ask';
import { createAskDeps } from '../../../src/core/pipeline/deps';
import type { ChatBody, ChatProvider, StreamResult } from '../../../src/core/providers/types';
import type { BudgetState } from '../../../src/core/request';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BUNDLED_PRICES } from '../../../src/core/spend';
import { SemanticRouter, type Embedder } from '../../../src/core/task/semantic';
import { fakeEmbedding } from '../../fakes/embedServer';

function provider(id: string, location: 'local' | 'cloud'): ChatProvider & { calls: ChatBody[] } {
  const calls: ChatBody[] = [];
  return {
    id, location, calls,
    async *stream(body: ChatBody) {
      calls.push(body);
      yield 'answer';
      return { usage: { input: 100, output: 20, cacheRead: 0, cacheWrite: 0, source: 'provider' }, timing: { ttftMs: 5, totalMs: 40 }, model: body.model, finish: 'stop' } as StreamResult;
    },
  };
}

function harness() {
  const embedded: string[] = [];
  const embedder: Embedder = { name: 'fake', embed: async (texts) => { embedded.push(...texts); return texts.map(fakeEmbedding); } };
  const examples = [
    { q: 'the billing numbers we talked about keep coming out different each run', label: 'high' },
    { q: 'the billing numbers we talked about are off again each run', label: 'high' },
    { q: 'rename this variable', label: 'low' },
    { q: 'add a comment here', label: 'low' },
  ] as const;
  const semantic = new SemanticRouter(embedder, { k: 2, examples });
  const local = provider('ollama', 'local');
  const cloud = provider('anthropic', 'cloud');
  const budget: BudgetState = { level: 'none', spentTodayUsd: 0, spentMonthUsd: 0, dailyUsd: 0, monthlyUsd: 0 };
  let n = 0;
  const deps = createAskDeps({
    settings: DEFAULT_SETTINGS, pathPolicy: createPathPolicy({ privateGlobs: [] }), priceTable: BUNDLED_PRICES,
    local: () => local, cloud: async () => cloud, countTokens: async (s) => Math.ceil(s.length / 4),
    budget: () => budget, health: () => ({ local: 'ready', cloud: 'ready' }), record: async () => undefined,
    confirm: async () => true, newId: () => `r${++n}`, semantic,
  });
  const questions = (): string[] => embedded.filter((t) => !examples.some((e) => e.q === t));
  return { deps, local, cloud, questions };
}

async function run(deps: ReturnType<typeof harness>['deps'], input: Partial<AskInput>): Promise<void> {
  const full: AskInput = { origin: 'askAuto', kind: 'ask', question: '', context: [], ...input };
  for await (const e of runAsk(deps, full, new AbortController().signal)) void e;
}

const UNSURE = 'the billing numbers we talked about keep coming out different';

suite('pipeline: semantic second opinion for Ask (automatic)', () => {
  test('an uncertain question near frontier examples goes to the cloud, and only the question is embedded', async () => {
    const h = harness();
    await run(h.deps, { question: UNSURE });
    assert.deepEqual(h.questions(), [UNSURE]);
    assert.equal(h.cloud.calls.length, 1);
    assert.equal(h.local.calls.length, 0);
  });

  test('Ask (private) and a clear-cut question are not embedded', async () => {
    const h = harness();
    await run(h.deps, { origin: 'askPrivate', question: UNSURE });
    await run(h.deps, { question: 'Rename `tmp` to `total` here.', context: [{ source: 'selection', text: 'let tmp = 1;', startLine: 1 }] });
    assert.deepEqual(h.questions(), []);
  });

  test('a sensitive request is never embedded and stays local', async () => {
    const h = harness();
    const key = `AKIA${Array.from({ length: 16 }, (_, i) => 'ABCDEFGHJKLMNPQRSTUVWXYZ234567'[(i * 7 + 3) % 30]).join('')}`;
    await run(h.deps, { question: UNSURE, context: [{ source: 'selection', text: `aws_access_key_id = ${key}\n`, startLine: 1 }] });
    assert.deepEqual(h.questions(), []);
    assert.equal(h.cloud.calls.length, 0);
  });
});
