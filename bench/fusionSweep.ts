// Fusion of our ranking with BM25, chosen on the older question sets only, then run once on the newest ones:
//   npx tsx bench/fusionSweep.ts                 # every candidate on the older sets (held-out … sixth)
//   npx tsx bench/fusionSweep.ts --only leg-plain   # those candidates only (a regular expression)
//   npx tsx bench/fusionSweep.ts --final <name>  # the chosen candidate and ours on the seventh, eighth, eighth-2
// Candidates: reciprocal rank fusion of the final rankings (k 60) with BM25 over contents (`bm25c`, the benches'
// baseline, which the stored index cannot give) or plain BM25 over the index (`plain`, what could ship); the plain
// leg inside our own fusion at a fixed weight; and a fallback to the fused ranking only when our top two are close.
import { rankRepo } from '../src/core/context';
import { lexicalIndex, scorePlain } from '../src/core/context/lexical';
import { DEFAULT_FUSION } from '../src/core/context/rank';
import { questionTerms } from '../src/core/context/terms';
import { BLIND_ALL_CODEBASES, BLIND_EIGHTH_CODEBASES, BLIND_EIGHTH_SECOND_CODEBASES, BLIND_FIFTH_CODEBASES, BLIND_FOURTH_CODEBASES, BLIND_SEVENTH_CODEBASES, BLIND_SIXTH_CODEBASES, TUNING_CODEBASES } from '../test/unit/context/eval/codebases';
import { CODEBASES, evaluate, load, type CodebaseResult, type Loaded, type Part } from '../test/unit/context/eval/evaluate';
import { bm25Baseline, mean, pairedBootstrap, type Ranker } from '../test/unit/context/eval/metrics';

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const OLD: Array<[string, typeof CODEBASES, Part]> = [
  ['held-out', CODEBASES, 'held-out'], ['tuning', [...CODEBASES, ...TUNING_CODEBASES], 'tuning'], ['blind 1-3', BLIND_ALL_CODEBASES, 'all'],
  ['fourth', BLIND_FOURTH_CODEBASES, 'all'], ['fifth', BLIND_FIFTH_CODEBASES, 'all'], ['sixth', BLIND_SIXTH_CODEBASES, 'all'],
];
const NEW: Array<[string, typeof CODEBASES, Part]> = [['seventh', BLIND_SEVENTH_CODEBASES, 'all'], ['eighth', BLIND_EIGHTH_CODEBASES, 'all'], ['eighth-2', BLIND_EIGHTH_SECOND_CODEBASES, 'all']];

function rrf(lists: Array<[string[], number]>, k: number): string[] {
  const s = new Map<string, number>();
  for (const [list, w] of lists) list.forEach((p, r) => s.set(p, (s.get(p) ?? 0) + w / (k + r + 1)));
  return [...s].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
}

interface Legs { ours: string[]; margin: number; bm25c: string[]; plain: string[] }

function candidates(l: Loaded): Record<string, Ranker> {
  const bm25 = bm25Baseline(l.contents);
  const lex = lexicalIndex(l.index);
  const memo = new Map<string, Legs>();
  const legs = (q: string): Legs => {
    let hit = memo.get(q);
    if (!hit) {
      const r = rankRepo(l.index, { question: q }).files;
      const margin = r.length > 1 && r[0].score > 0 ? (r[0].score - r[1].score) / r[0].score : 1;
      hit = { ours: r.map((f) => f.path), margin, bm25c: bm25(q).slice(0, 200), plain: scorePlain(lex, questionTerms(q, lex.split)).map((h) => lex.paths[h.file]) };
      memo.set(q, hit);
    }
    return hit;
  };
  const out: Record<string, Ranker> = { ours: (q) => legs(q).ours, bm25: bm25 };
  for (const base of ['bm25c', 'plain'] as const) {
    for (const w of [0.5, 1]) for (const k of [10, 60]) out[`rrf-${base}-w${w}-k${k}`] = (q) => rrf([[legs(q).ours, 1], [legs(q)[base], w]], k);
    for (const tau of [0.05, 0.1, 0.2]) out[`fallback-${base}-t${tau}`] = (q) => (legs(q).margin < tau ? rrf([[legs(q).ours, 1], [legs(q)[base], 1]], 60) : legs(q).ours);
  }
  for (const w of [0.25, 0.5, 1, 1.5, 2]) out[`leg-plain-w${w}`] = (q) => rankRepo(l.index, { question: q }, { ...DEFAULT_FUSION, plain: w }).files.map((f) => f.path);
  return out;
}

async function main(): Promise<void> {
  const final = arg('final');
  const sets = final ? NEW : OLD;
  const cache = new Map<string, Loaded>();
  const results: Array<[string, CodebaseResult]> = [];
  for (const [set, codebases, part] of sets) {
    for (const c of codebases) {
      const l0 = cache.get(c.name) ?? await load(c);
      cache.set(c.name, l0);
      const l: Loaded = { ...l0, codebase: c };
      const all = candidates(l);
      const only = arg('only');
      const rankers: Record<string, Ranker> = final ? { ours: all.ours, bm25: all.bm25, [final]: all[final] } : Object.fromEntries(Object.entries(all).filter(([m]) => !only || m === 'ours' || m === 'bm25' || new RegExp(only).test(m)));
      results.push([set, evaluate(l, part, rankers)]);
      process.stderr.write(`[sweep] ${set} ${c.name}\n`);
    }
  }
  const f = (x: number) => x.toFixed(3);
  const sg = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  const methods = Object.keys(results[0][1].methods);
  const pooled = (rs: CodebaseResult[], m: string, k: 'r5' | 'rr') => rs.flatMap((r) => r.methods[m].per.map((p) => p[k]));
  for (const m of methods) {
    const perSet = sets.map(([s]) => {
      const rs = results.filter(([x]) => x === s).map(([, r]) => r);
      return `${s} ${f(mean(pooled(rs, m, 'r5')))}/${f(mean(pooled(rs, m, 'rr')))}`;
    }).join('  ');
    const rs = results.map(([, r]) => r);
    // The worst code base against BM25 (each set's questions on their own), and how many fall below it.
    const d5 = rs.map((r) => r.methods[m].r5 - r.methods.bm25.r5);
    const dr = rs.map((r) => r.methods[m].mrr - r.methods.bm25.mrr);
    const ci5 = pairedBootstrap(pooled(rs, m, 'r5'), pooled(rs, 'bm25', 'r5'));
    const cir = pairedBootstrap(pooled(rs, m, 'rr'), pooled(rs, 'bm25', 'rr'));
    process.stdout.write(`${m.padEnd(24)} all ${f(mean(pooled(rs, m, 'r5')))}/${f(mean(pooled(rs, m, 'rr')))} vs bm25 R@5 ${sg(ci5.gain)} [${sg(ci5.lo)}, ${sg(ci5.hi)}] MRR ${sg(cir.gain)} [${sg(cir.lo)}, ${sg(cir.hi)}]; worst code base R@5 ${sg(Math.min(...d5))} MRR ${sg(Math.min(...dr))}; below bm25 R@5 ${d5.filter((x) => x < 0).length} MRR ${dr.filter((x) => x < 0).length}\n    ${perSet}\n`);
  }
  if (!arg('per')) return;
  for (const [s, r] of results) {
    const ci = (m: string, k: 'r5' | 'rr') => { const c = pairedBootstrap(r.methods[m].per.map((p) => p[k]), r.methods.bm25.per.map((p) => p[k])); return `[${sg(c.lo)}, ${sg(c.hi)}]`; };
    process.stdout.write(`  ${s} ${r.name} n ${r.questions}: ${[...new Set(['ours', 'bm25', arg('per')!])].map((m) => `${m} ${f(r.methods[m].r5)}/${f(r.methods[m].mrr)}${m === 'bm25' ? '' : ` (vs bm25 R@5 ${ci(m, 'r5')} MRR ${ci(m, 'rr')})`}`).join('  ')}\n`);
  }
}

main().catch((err: unknown) => { process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
