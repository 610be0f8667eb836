// The semantic stage's plumbing against the fake Ollama (real /api/embed wire format, deterministic vectors):
// capability detection, local-only refusal, vectors kept by stamp, dense similarity joining the fusion, and the
// local-model rerank with its parsing. The figures with real local models come from bench/retrievalEval.ts.
import * as assert from 'node:assert/strict';
import type { StartedServer } from '../../fakes/base';
import { FakeOllama } from '../../fakes/ollama';
import { FakeOpenAI } from '../../fakes/openai';
import { rankRepo, RepoIndex } from '../../../src/core/context';
import { denseScores, updateVectors, VectorStore, type Embedder } from '../../../src/core/context/dense';
import { detectOllamaEmbedder } from '../../../src/core/context/ollamaEmbedder';
import { detectOpenAICompatibleEmbedder } from '../../../src/core/context/openaiEmbedder';
import { rerankWithLocalModel } from '../../../src/core/context/rerank';

function def(name: string, line = 1) {
  return { name, kind: 'function', startLine: line, endLine: line + 2, signature: `function ${name}()` };
}

function sample(): RepoIndex {
  const index = new RepoIndex();
  index.set('net/retry.ts', { stamp: '1', head: 'Backoff and retry of failed requests', defs: [def('backoffDelay')], refs: {} });
  index.set('ui/theme.ts', { stamp: '1', head: 'Colours of the panel', defs: [def('paletteFor')], refs: {} });
  index.set('core/types.ts', { stamp: '1', defs: [def('Options')], refs: {} });
  return index;
}

suite('context: semantic stage (local embeddings, local rerank)', () => {
  const fake = new FakeOllama({}, [
    { name: 'qwen2.5-coder:7b', capabilities: ['completion', 'tools'] },
    { name: 'nomic-embed-text:latest', capabilities: ['embedding'] },
  ]);
  let server: StartedServer;
  suiteSetup(async () => { server = await fake.start(); });
  suiteTeardown(async () => { await fake.close(); });
  setup(() => fake.reset());

  test('detection picks the model whose capabilities include embedding, and only on a local server', async () => {
    const e = await detectOllamaEmbedder({ baseUrl: server.url, isLocalEndpoint: () => true });
    assert.equal(e?.model, 'nomic-embed-text:latest');
    const [v] = await e!.embed(['hello world']);
    assert.equal(v.length, 64);
    assert.ok(fake.requests.some((r) => r.path === '/api/embed'));
    fake.reset();
    assert.equal(await detectOllamaEmbedder({ baseUrl: server.url, isLocalEndpoint: () => false }), undefined);
    assert.equal(fake.requests.length, 0, 'nothing is sent to a server that is not local');
  });

  test('no embedding model, or no server: no semantic stage (lexical + graph carry on alone)', async () => {
    fake.setModels([{ name: 'qwen2.5-coder:7b', capabilities: ['completion'] }]);
    try {
      assert.equal(await detectOllamaEmbedder({ baseUrl: server.url, isLocalEndpoint: () => true }), undefined);
    } finally {
      fake.setModels([{ name: 'qwen2.5-coder:7b', capabilities: ['completion'] }, { name: 'nomic-embed-text:latest', capabilities: ['embedding'] }]);
    }
    assert.equal(await detectOllamaEmbedder({ baseUrl: 'http://127.0.0.1:9', isLocalEndpoint: () => true }), undefined);
  });

  test('vectors are embedded once per stamp, dropped with their file, and dense similarity joins the ranking with its reason', async () => {
    const embedder = (await detectOllamaEmbedder({ baseUrl: server.url, isLocalEndpoint: () => true }))!;
    const index = sample();
    const store = new VectorStore(embedder.model);
    assert.deepEqual(await updateVectors(index, store, embedder), { embedded: 3, removed: 0, pending: 0 });
    assert.deepEqual(await updateVectors(index, store, embedder), { embedded: 0, removed: 0, pending: 0 });
    index.set('net/retry.ts', { ...index.files.get('net/retry.ts')!, stamp: '2' });
    index.delete('ui/theme.ts');
    assert.deepEqual(await updateVectors(index, store, embedder), { embedded: 1, removed: 1, pending: 0 });
    assert.equal(VectorStore.fromJSON(JSON.parse(JSON.stringify(store)), embedder.model).vectors.size, 2);
    assert.equal(VectorStore.fromJSON(JSON.parse(JSON.stringify(store)), 'other-model').vectors.size, 0);

    const dense = await denseScores(store, embedder, 'backoff and retry of failed requests');
    assert.ok(dense.get('net/retry.ts')! > dense.get('core/types.ts')!);
    const r = rankRepo(index, { question: 'how long do we wait between attempts?', dense });
    assert.equal(r.files[0].path, 'net/retry.ts');
    assert.equal(typeof r.files[0].why?.similarity, 'number');
  });

  test('an OpenAI-compatible private tier: /v1/embeddings probed on the listed embedding models (base64 wire format decoded)', async () => {
    const openai = new FakeOpenAI();
    const started = await openai.start();
    try {
      const detect = (o: { model?: string; local?: boolean } = {}) => detectOpenAICompatibleEmbedder({
        baseUrl: started.url, apiKey: 'local', ...(o.model ? { model: o.model } : {}), isLocalEndpoint: () => o.local ?? true,
      });
      assert.equal(await detect(), undefined, 'no model embeds');
      openai.models = { chat: ['local-chat'], embedding: ['nomic-embed-text-v1.5'] };
      const e = await detect();
      assert.equal(e?.model, 'nomic-embed-text-v1.5');
      const [a, b] = await e!.embed(['retry backoff delay', 'retry backoff']);
      assert.equal(a.length, 64);
      assert.ok(Math.abs(a.reduce((x, y) => x + y * y, 0) - 1) < 1e-5, 'unit length after base64 decoding');
      assert.ok(a.reduce((x, y, i) => x + y * b[i], 0) > 0.5);
      const probe = openai.requests.find((r) => r.path === '/v1/embeddings');
      assert.equal((probe?.body as { encoding_format?: string }).encoding_format, 'base64');
      assert.equal((await detect({ model: 'local-chat' }))?.model, 'nomic-embed-text-v1.5', 'a named model that cannot embed is skipped');
      openai.reset();
      assert.equal(await detect({ local: false }), undefined);
      assert.equal(openai.requests.length, 0, 'nothing is sent to a server that is not local');
    } finally {
      await openai.close();
    }
  });

  test('a deadline embeds part of the workspace now and the rest on a later question', async () => {
    let calls = 0;
    const slow: Embedder = { model: 'm', embed: async (t) => { calls++; return t.map(() => [1, 0]); } };
    const index = new RepoIndex();
    for (let i = 0; i < 70; i++) index.set(`f${i}.ts`, { stamp: '1', defs: [def(`f${i}`)], refs: {} });
    const store = new VectorStore('m');
    const first = await updateVectors(index, store, { ...slow, embed: async (t) => { const v = await slow.embed(t); await new Promise((res) => setTimeout(res, 30)); return v; } }, Date.now() + 10);
    assert.ok(first.embedded > 0 && first.pending > 0 && calls === 1, JSON.stringify(first));
    const rest = await updateVectors(index, store, slow);
    assert.equal(rest.pending, 0);
    assert.equal(store.vectors.size, 70);
  });

  test('the local rerank reorders the top candidates by the numbers the model answers, and ignores nonsense', async () => {
    const index = sample();
    const ranking = rankRepo(index, { question: 'theme colours' });
    const prompts: string[] = [];
    const reranked = await rerankWithLocalModel(index, ranking, 'how do retries back off?', async (_s, p) => { prompts.push(p); return 'Files 3, then 3 again, 1, 99'; });
    const third = ranking.files[2].path;
    assert.equal(reranked.files[0].path, third);
    assert.equal(reranked.files.length, ranking.files.length);
    assert.match(prompts[0], /Question: how do retries back off\?/);
    assert.match(prompts[0], /1\. .+\n2\. .+\n3\. /);
    const same = await rerankWithLocalModel(index, ranking, 'q', async () => 'I cannot tell.');
    assert.deepEqual(same.files.map((f) => f.path), ranking.files.map((f) => f.path));
  });
});
