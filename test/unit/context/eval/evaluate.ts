// Runs the evaluation: indexes each code base as the extension would, ranks every question with our retrieval and
// the two baselines, and scores them. Shared by the unit test (lexical + graph only) and the evaluation command
// bench/retrievalEval.ts (adds the local embedding model and rerank where they exist).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listDirectory, TREE_SITTER_WASM_DIR } from '../../../../bench/diskWorkspace';
import { createTagParser, rankRepo, RepoIndex, updateIndex } from '../../../../src/core/context';
import { CODEBASES, isTuning, namesNothing, TUNING_CODEBASES, type Codebase } from './codebases';
import { bm25Baseline, mean, pairedBootstrap, pathBaseline, score, type PerQuestion, type Ranker } from './metrics';

export interface Loaded { codebase: Codebase; index: RepoIndex; contents: Map<string, string> }

export async function load(codebase: Codebase): Promise<Loaded> {
  const installed = codebase.installed();
  if (installed !== codebase.version) throw new Error(`${codebase.name}: labelled on ${codebase.version}, installed ${installed}`);
  if (!fs.existsSync(codebase.root)) throw new Error(`${codebase.name}: ${codebase.root} is missing`);
  const index = new RepoIndex();
  await updateIndex(index, listDirectory(codebase.root), createTagParser(TREE_SITTER_WASM_DIR), { isPrivate: () => false, complete: true });
  const contents = new Map<string, string>();
  for (const p of index.files.keys()) contents.set(p, fs.readFileSync(path.join(codebase.root, p), 'utf8'));
  return { codebase, index, contents };
}

export function unnamedShare(l: Loaded): { unnamed: number; total: number } {
  const stems = new Set([...l.index.files.keys()].map((p) => p.slice(p.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '').toLowerCase()));
  const types = new Set([...l.index.files.values()].flatMap((f) => f.defs.filter((d) => /class|interface|type|struct/.test(d.kind)).map((d) => d.name)));
  return { unnamed: l.codebase.questions.filter((q) => namesNothing(q.q, stems, types)).length, total: l.codebase.questions.length };
}

export type Part = 'tuning' | 'held-out' | 'all';
export interface MethodResult { r5: number; r10: number; mrr: number; per: PerQuestion[] }
export interface CodebaseResult { name: string; questions: number; methods: Record<string, MethodResult> }

export function evaluate(l: Loaded, part: Part, rankers: Record<string, Ranker>): CodebaseResult {
  const qs = l.codebase.questions.filter((_, i) => part === 'all' || (part === 'tuning') === (l.codebase.tuningOnly || isTuning(i)));
  const methods: Record<string, MethodResult> = {};
  for (const [name, rank] of Object.entries(rankers)) {
    const per = qs.map((q) => score(q, rank(q.q)));
    methods[name] = { r5: mean(per.map((p) => p.r5)), r10: mean(per.map((p) => p.r10)), mrr: mean(per.map((p) => p.rr)), per };
  }
  return { name: l.codebase.name, questions: qs.length, methods };
}

export function standardRankers(l: Loaded): Record<string, Ranker> {
  return {
    ours: (q) => rankRepo(l.index, { question: q }).files.map((f) => f.path),
    bm25: bm25Baseline(l.contents),
    path: pathBaseline([...l.index.files.keys()].sort()),
  };
}

export function table(results: CodebaseResult[], methods: string[]): string {
  const f = (x: number) => x.toFixed(3);
  const rows = [`| code base | n | ${methods.map((m) => `${m} R@5 | ${m} R@10 | ${m} MRR`).join(' | ')} |`,
    `|---|---|${methods.map(() => '---|---|---').join('|')}|`];
  const all = (m: string, k: 'r5' | 'r10' | 'rr') => mean(results.flatMap((r) => r.methods[m].per.map((p) => p[k])));
  for (const r of results) rows.push(`| ${r.name} | ${r.questions} | ${methods.map((m) => `${f(r.methods[m].r5)} | ${f(r.methods[m].r10)} | ${f(r.methods[m].mrr)}`).join(' | ')} |`);
  rows.push(`| **all** | ${results.reduce((a, r) => a + r.questions, 0)} | ${methods.map((m) => `${f(all(m, 'r5'))} | ${f(all(m, 'r10'))} | ${f(all(m, 'rr'))}`).join(' | ')} |`);
  return rows.join('\n');
}

export function gainOverBm25(results: CodebaseResult[], method = 'ours'): string {
  const a = (k: 'r5' | 'rr') => results.flatMap((r) => r.methods[method].per.map((p) => p[k]));
  const b = (k: 'r5' | 'rr') => results.flatMap((r) => r.methods.bm25.per.map((p) => p[k]));
  const r5 = pairedBootstrap(a('r5'), b('r5'));
  const rr = pairedBootstrap(a('rr'), b('rr'));
  const f = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  return `gain of ${method} over BM25 (paired bootstrap, 95 % CI): recall@5 ${f(r5.gain)} [${f(r5.lo)}, ${f(r5.hi)}], MRR ${f(rr.gain)} [${f(rr.lo)}, ${f(rr.hi)}]`;
}

export function misses(results: CodebaseResult[], l: Loaded[], part: Part, method = 'ours'): string[] {
  const out: string[] = [];
  results.forEach((r, ci) => {
    const qs = l[ci].codebase.questions.filter((_, i) => part === 'all' || (part === 'tuning') === isTuning(i));
    r.methods[method].per.forEach((p, i) => {
      if (p.r10 < 1) out.push(`${r.name}: "${qs[i].q}" missing ${qs[i].relevant.filter((x) => !p.top.includes(x)).join(', ')} (top: ${p.top.slice(0, 5).join(', ')})`);
    });
  });
  return out;
}

export { CODEBASES, TUNING_CODEBASES };
