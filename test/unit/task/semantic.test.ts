// The semantic router's plumbing against a loopback fake that speaks the real /api/embed and /v1/embeddings wire
// formats: what is sent, capability detection, the refusal of non-local endpoints, and how the vote moves a
// score only inside the uncertain band.
import * as assert from 'node:assert/strict';
import { canEmbed, NotLocalEmbeddingError, ollamaEmbedder, openAiCompatibleEmbedder, SemanticRouting } from '../../../src/core/providers/embed';
import type { Labels } from '../../../src/core/request';
import { SemanticRouter, type Embedder } from '../../../src/core/task/semantic';
import { FakeEmbedServer, fakeEmbedding } from '../../fakes/embedServer';

const labels = (complexity: number): Labels => ({ kind: 'ask', complexity, signals: ['no strong signal'], findings: [], privatePaths: [] });

suite('task: semantic router', () => {
  const fake = new FakeEmbedServer();
  let base = '';
  suiteSetup(async () => { base = await fake.start(); });
  suiteTeardown(() => fake.stop());
  setup(() => { fake.requests.length = 0; });

  test('Ollama /api/embed: the model and the texts go in one request, vectors come back in order', async () => {
    const e = ollamaEmbedder({ baseUrl: base, model: 'nomic-embed-text', trustedHosts: [] });
    const out = await e.embed(['first question', '第二个问题']);
    assert.equal(fake.requests.length, 1);
    assert.equal(fake.requests[0].path, '/api/embed');
    assert.deepEqual(fake.requests[0].body.input, ['first question', '第二个问题']);
    assert.equal(fake.requests[0].body.model, 'nomic-embed-text');
    assert.deepEqual(out, [fakeEmbedding('first question'), fakeEmbedding('第二个问题')]);
  });

  test('/v1/embeddings on an OpenAI-compatible private server, through the official SDK', async () => {
    const e = openAiCompatibleEmbedder({ baseUrl: `${base}/v1`, model: 'nomic-embed-text', trustedHosts: [] });
    const out = await e.embed(['a', 'b', 'c']);
    assert.equal(fake.requests[0].path, '/v1/embeddings');
    assert.equal(fake.requests[0].body.encoding_format, 'float');
    assert.deepEqual(out[2], fakeEmbedding('c'));
  });

  test('capability detection: a pulled embedding model can embed, a missing one cannot', async () => {
    assert.equal(await canEmbed(ollamaEmbedder({ baseUrl: base, model: 'nomic-embed-text', trustedHosts: [] })), true);
    assert.equal(await canEmbed(ollamaEmbedder({ baseUrl: base, model: 'not-pulled', trustedHosts: [] })), false);
    assert.equal(await canEmbed(openAiCompatibleEmbedder({ baseUrl: `${base}/v1`, model: 'not-pulled', trustedHosts: [] })), false);
  });

  test('a non-local endpoint is refused before anything is sent', async () => {
    let fetched = 0;
    const spy = (async () => { fetched++; return new Response('{}'); }) as typeof fetch;
    const lookup = async (): Promise<string[]> => ['93.184.215.14'];
    for (const make of [ollamaEmbedder, openAiCompatibleEmbedder]) {
      const e = make({ baseUrl: 'http://embed.example.com:11434', model: 'm', trustedHosts: [], fetch: spy, lookup });
      await assert.rejects(e.embed(['where does this go?']), NotLocalEmbeddingError);
    }
    assert.equal(fetched, 0);
  });

  test('the vote moves an uncertain score towards its nearest examples; confident scores and hints stay', async () => {
    const router = new SemanticRouter(ollamaEmbedder({ baseUrl: base, model: 'nomic-embed-text', trustedHosts: [] }), {
      k: 3, examples: [
        { q: 'two workers sometimes send the same invoice twice', label: 'high' },
        { q: 'orders sometimes vanish from the export during a deploy', label: 'high' },
        { q: 'stale price shown after an update, sometimes', label: 'high' },
        { q: 'rename this variable please', label: 'low' },
        { q: 'add a docstring to this function', label: 'low' },
        { q: 'what does this regex match', label: 'low' },
      ],
    });
    const up = await router.refine('workers sometimes send the same invoice twice after a retry', labels(0.4), 0.5);
    assert.ok(up.complexity > 0.5, `${up.complexity}`);
    assert.match(up.signals[0], /similar to questions needed the cloud model/);
    const down = await router.refine('please rename this variable', labels(0.55), 0.5);
    assert.ok(down.complexity < 0.5, `${down.complexity}`);
    const requestsBefore = fake.requests.length;
    assert.equal((await router.refine('anything', labels(0.9), 0.5)).complexity, 0.9);
    assert.equal((await router.refine('#cloud x', labels(1), 0.5)).complexity, 1);
    assert.equal(fake.requests.length, requestsBefore, 'no embedding for a confident score');
  });

  test('the examples are embedded once per router, and a failing embedder leaves the rule score', async () => {
    const router = new SemanticRouter(ollamaEmbedder({ baseUrl: base, model: 'nomic-embed-text', trustedHosts: [] }));
    await router.vote('first');
    await router.vote('second');
    assert.equal(fake.requests.filter((r) => Array.isArray(r.body.input) && r.body.input.length > 1).length, 1);
    const broken: Embedder = { name: 'broken', embed: async () => { throw new Error('connection refused'); } };
    const l = labels(0.45);
    assert.deepEqual(await new SemanticRouter(broken).refine('q', l, 0.5), l);
  });
});

suite('task: semantic router lifecycle', () => {
  const labels45: Labels = { kind: 'ask', complexity: 0.45, signals: ['no strong signal'], findings: [], privatePaths: [] };

  test('a vote slower than the time-out is dropped and the rule score stands', async () => {
    const slow: Embedder = { name: 'slow', embed: (texts) => new Promise((r) => setTimeout(() => r(texts.map(fakeEmbedding)), 200)) };
    assert.deepEqual(await new SemanticRouter(slow, { timeoutMs: 20 }).refine('q', labels45, 0.5), labels45);
  });

  test('a failed probe is tried again after the retry time, a working router is kept', async () => {
    let up = false;
    let probes = 0;
    const embedder: Embedder = { name: 'late', embed: async (texts) => { probes++; if (!up) throw new Error('ECONNREFUSED'); return texts.map(fakeEmbedding); } };
    let t = 0;
    const routing = new SemanticRouting(embedder, () => t, 1000);
    assert.equal(await routing.router(), undefined);
    up = true;
    t = 500;
    assert.equal(await routing.router(), undefined, 'within the retry time the failure stands');
    t = 1600;
    const router = await routing.router();
    assert.ok(router instanceof SemanticRouter);
    assert.equal(await routing.router(), router);
    assert.equal(probes, 2);
    assert.equal(await new SemanticRouting(undefined).router(), undefined);
  });
});
