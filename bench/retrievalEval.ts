// The retrieval evaluation with the semantic stage, on any machine that has local models:
//   npm run eval:retrieval                      # local Ollama at $HYBRID_OLLAMA_URL or http://127.0.0.1:11434
//   npm run eval:retrieval -- --chat qwen2.5-coder:7b --part all
//   npm run eval:retrieval -- --fake            # the deterministic stand-in (plumbing only: says nothing of quality)
//   npm run eval:retrieval -- --set blind       # the blind code bases (undici, Jinja, Gin), first batch; `final`: the
//                                               # second batch; `third`: the last blind one; `all-blind`: the three
//                                               # together; `fourth`: Werkzeug, chi, Ajv (a later blind batch);
//                                               # `fifth`: urllib3, sftp, markdown-it; `sixth`: Click, HCL,
//                                               # msal-common; `seventh`: afero, oauthlib, JSZip; `eighth`: rustls,
//                                               # gorilla/websocket, Python-Markdown; `eighth-2`: its
//                                               # second batch, with webpki; `ninth`: PyYAML, toml,
//                                               # jsdiff; `ninth-2`: fsnotify; `tenth`: pflag,
//                                               # PyJWT, semver; `tenth-2`: magiconair/properties
//                                               # (the latest);
//                                               # --misses lists what is not in the top 10
// Prints recall@5, recall@10 and MRR per code base for ours (lexical + graph), ours + local embeddings, ours +
// embeddings + a rerank of the top 20 by the local chat model, BM25 and path match, with the paired bootstrap of each
// over BM25. Everything runs against the local tier; nothing goes to a cloud provider.
import { Ollama } from 'ollama';
import { checkLocalEndpoint } from '../src/core';
import { rankRepo } from '../src/core/context';
import { denseScores, updateVectors, VectorStore, type Embedder } from '../src/core/context/dense';
import { detectOllamaEmbedder } from '../src/core/context/ollamaEmbedder';
import { rerankWithLocalModel, type LocalChat } from '../src/core/context/rerank';
import { FakeOllama } from '../test/fakes/ollama';
import { BLIND_ALL_CODEBASES, BLIND_CODEBASES, BLIND_EIGHTH_CODEBASES, BLIND_EIGHTH_SECOND_CODEBASES, BLIND_FINAL_CODEBASES, BLIND_FIFTH_CODEBASES, BLIND_FOURTH_CODEBASES, BLIND_NINTH_CODEBASES, BLIND_NINTH_SECOND_CODEBASES, BLIND_TENTH_CODEBASES, BLIND_TENTH_SECOND_CODEBASES, BLIND_SEVENTH_CODEBASES, BLIND_SIXTH_CODEBASES, BLIND_THIRD_CODEBASES } from '../test/unit/context/eval/codebases';
import { CODEBASES, evaluate, gainOverBm25, load, misses, standardRankers, table, type CodebaseResult, type Loaded, type Part } from '../test/unit/context/eval/evaluate';

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };

async function main(): Promise<void> {
  const set = arg('set') ?? 'original';
  const sets: Record<string, typeof CODEBASES> = { original: CODEBASES, blind: BLIND_CODEBASES, final: BLIND_FINAL_CODEBASES, third: BLIND_THIRD_CODEBASES, 'all-blind': BLIND_ALL_CODEBASES, fourth: BLIND_FOURTH_CODEBASES, fifth: BLIND_FIFTH_CODEBASES, sixth: BLIND_SIXTH_CODEBASES, seventh: BLIND_SEVENTH_CODEBASES, eighth: BLIND_EIGHTH_CODEBASES, 'eighth-2': BLIND_EIGHTH_SECOND_CODEBASES, ninth: BLIND_NINTH_CODEBASES, 'ninth-2': BLIND_NINTH_SECOND_CODEBASES, tenth: BLIND_TENTH_CODEBASES, 'tenth-2': BLIND_TENTH_SECOND_CODEBASES };
  const codebases = sets[set];
  if (!codebases) throw new Error(`--set ${set}: one of ${Object.keys(sets).join(', ')}`);
  // A blind code base has no tuning part: every question counts.
  const part = (arg('part') ?? (set === 'original' ? 'held-out' : 'all')) as Part;
  let url = arg('ollama') ?? process.env.HYBRID_OLLAMA_URL ?? 'http://127.0.0.1:11434';
  let fake: FakeOllama | undefined;
  if (process.argv.includes('--fake')) {
    fake = new FakeOllama({ ttftMs: 0, perTokenMs: 0 }, [{ name: 'stand-in-embed:latest', capabilities: ['embedding'] }]);
    url = (await fake.start()).url;
  }
  try {
    const embedder = await detectOllamaEmbedder({ baseUrl: url, model: arg('embed'), isLocalEndpoint: (u) => checkLocalEndpoint(u, []) });
    const chatModel = arg('chat');
    const chat: LocalChat | undefined = chatModel ? async (system, prompt) => {
      const r = await new Ollama({ host: url }).chat({ model: chatModel, messages: [{ role: 'system', content: system }, { role: 'user', content: prompt }], options: { temperature: 0, num_predict: 60 } });
      return r.message.content;
    } : undefined;
    process.stdout.write(`local server ${url}: embedding model ${embedder?.model ?? 'none found'}; rerank model ${chatModel ?? 'none (pass --chat <model>)'}\n`);
    const results: CodebaseResult[] = [];
    const loaded: Loaded[] = [];
    for (const c of codebases) {
      const l = await load(c);
      loaded.push(l);
      const rankers = standardRankers(l);
      if (embedder) {
        const dense = await semanticRankings(l.index, l.codebase.questions.map((q) => q.q), embedder, chat);
        rankers['ours+embed'] = (q) => dense.embed.get(q)!;
        if (chat) rankers['ours+embed+rerank'] = (q) => dense.rerank.get(q)!;
      }
      results.push(evaluate(l, part, rankers));
      process.stderr.write(`[eval] ${c.name} done\n`);
    }
    const methods = Object.keys(results[0].methods);
    process.stdout.write(`\n${set} set, ${part} part\n${table(results, methods)}\n`);
    for (const m of methods.filter((x) => x.startsWith('ours'))) process.stdout.write(`${gainOverBm25(results, m)}\n`);
    if (process.argv.includes('--misses')) process.stdout.write(`not all in the top 10:\n  ${misses(results, loaded, part).join('\n  ')}\n`);
  } finally {
    await fake?.close();
  }
}

async function semanticRankings(index: Parameters<typeof rankRepo>[0], questions: string[], embedder: Embedder, chat: LocalChat | undefined) {
  const store = new VectorStore(embedder.model);
  await updateVectors(index, store, embedder);
  const embed = new Map<string, string[]>();
  const rerank = new Map<string, string[]>();
  for (const q of questions) {
    const ranking = rankRepo(index, { question: q, dense: await denseScores(store, embedder, q) });
    embed.set(q, ranking.files.map((f) => f.path));
    if (chat) rerank.set(q, (await rerankWithLocalModel(index, ranking, q, chat)).files.map((f) => f.path));
  }
  return { embed, rerank };
}

main().catch((err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
