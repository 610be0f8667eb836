// Every retrieval question set at once, lexical + graph only (no model): per set, ours vs BM25 recall@5, recall@10,
// MRR, with each code base's index build time and per-query rank time. What a ranking change is checked against:
//   npx tsx bench/retrievalSets.ts [--misses sixth] [--only sixth]
import { performance } from 'node:perf_hooks';
import { rankRepo } from '../src/core/context';
import { BLIND_ALL_CODEBASES, BLIND_EIGHTH_CODEBASES, BLIND_EIGHTH_SECOND_CODEBASES, BLIND_FIFTH_CODEBASES, BLIND_NINTH_CODEBASES, BLIND_NINTH_SECOND_CODEBASES, BLIND_TENTH_CODEBASES, BLIND_TENTH_SECOND_CODEBASES, BLIND_FOURTH_CODEBASES, BLIND_SEVENTH_CODEBASES, BLIND_SIXTH_CODEBASES, TUNING_CODEBASES } from '../test/unit/context/eval/codebases';
import { CODEBASES, evaluate, load, misses, standardRankers, type CodebaseResult, type Loaded, type Part } from '../test/unit/context/eval/evaluate';
import { mean } from '../test/unit/context/eval/metrics';

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const SETS: Array<[string, typeof CODEBASES, Part]> = [
  ['held-out', CODEBASES, 'held-out'], ['tuning', [...CODEBASES, ...TUNING_CODEBASES], 'tuning'], ['blind 1-3', BLIND_ALL_CODEBASES, 'all'],
  ['fourth', BLIND_FOURTH_CODEBASES, 'all'], ['fifth', BLIND_FIFTH_CODEBASES, 'all'], ['sixth', BLIND_SIXTH_CODEBASES, 'all'], ['seventh', BLIND_SEVENTH_CODEBASES, 'all'], ['eighth', BLIND_EIGHTH_CODEBASES, 'all'], ['eighth-2', BLIND_EIGHTH_SECOND_CODEBASES, 'all'], ['ninth', BLIND_NINTH_CODEBASES, 'all'], ['ninth-2', BLIND_NINTH_SECOND_CODEBASES, 'all'], ['tenth', BLIND_TENTH_CODEBASES, 'all'], ['tenth-2', BLIND_TENTH_SECOND_CODEBASES, 'all'],
];

async function main(): Promise<void> {
  const f = (x: number) => x.toFixed(3);
  const cache = new Map<string, { l: Loaded; buildMs: number }>();
  for (const [name, codebases, part] of SETS) {
    if (arg('only') && arg('only') !== name) continue;
    const results: CodebaseResult[] = [];
    const loaded: Loaded[] = [];
    for (const c of codebases) {
      let hit = cache.get(c.name);
      if (!hit) {
        const t0 = performance.now();
        const l = await load(c);
        rankRepo(l.index, { question: 'warm up the lexical index and graph' });
        hit = { l, buildMs: performance.now() - t0 };
        cache.set(c.name, hit);
      }
      // A code base's index is shared between sets; its questions are this set's (the eighth's second batch reuses
      // three code bases of the first).
      const l: Loaded = { ...hit.l, codebase: c };
      const rankers = standardRankers(l);
      const times: number[] = [];
      const ours = rankers.ours;
      rankers.ours = (q) => { const t0 = performance.now(); const r = ours(q); times.push(performance.now() - t0); return r; };
      const r = evaluate(l, part, rankers);
      results.push(r);
      loaded.push(l);
      times.sort((a, b) => a - b);
      process.stdout.write(`  ${name} ${c.name} (${l.index.files.size} files, n ${r.questions}): ours ${f(r.methods.ours.r5)}/${f(r.methods.ours.r10)}/${f(r.methods.ours.mrr)}` +
        ` bm25 ${f(r.methods.bm25.r5)}/${f(r.methods.bm25.r10)}/${f(r.methods.bm25.mrr)}; build ${hit.buildMs.toFixed(0)} ms, query median ${times[times.length >> 1].toFixed(1)} ms\n`);
    }
    const all = (m: string, k: 'r5' | 'r10' | 'rr') => f(mean(results.flatMap((r) => r.methods[m].per.map((p) => p[k]))));
    process.stdout.write(`${name}: ours R@5/R@10/MRR ${all('ours', 'r5')}/${all('ours', 'r10')}/${all('ours', 'rr')}  bm25 ${all('bm25', 'r5')}/${all('bm25', 'r10')}/${all('bm25', 'rr')}\n`);
    if (arg('misses') === name) process.stdout.write(`  ${misses(results, loaded, part).join('\n  ')}\n`);
  }
}

main().catch((err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
