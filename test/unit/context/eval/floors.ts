// The floors every blind batch's suite holds, shared by the suites of each round.
import * as assert from 'node:assert/strict';
import { evaluate, gainOverBm25, misses, standardRankers, table, type Loaded } from './evaluate';
import { mean } from './metrics';

/** Every label names a file the index holds (a renamed file in a new package version fails here, loudly). */
export function assertLabelsIndexed(l: Loaded): void {
  for (const q of l.codebase.questions) for (const r of q.relevant) assert.ok(l.index.files.has(r), `${l.codebase.name}: ${r} is not an indexed file`);
}

/**
 * Prints the table (ours vs BM25 vs path) with the misses, then holds the floors: recall@5 not below BM25 on any
 * code base, recall@10 ≥ 0.85 over all questions, MRR above BM25's (or at least BM25's, for the first set).
 */
export function assertFloors(loaded: Loaded[], part: 'all' | 'held-out', mrr: 'above' | 'at least'): void {
  const results = loaded.map((l) => evaluate(l, part, standardRankers(l)));
  // eslint-disable-next-line no-console
  console.log(`\n${table(results, ['ours', 'bm25', 'path'])}\n${gainOverBm25(results)}\n  not in the top 10:\n  ${misses(results, loaded, part).join('\n  ')}`);
  for (const r of results) assert.ok(r.methods.ours.r5 >= r.methods.bm25.r5, `${r.name}: recall@5 ${r.methods.ours.r5.toFixed(3)} < BM25 ${r.methods.bm25.r5.toFixed(3)}`);
  const all = (m: string, k: 'r10' | 'rr') => mean(results.flatMap((r) => r.methods[m].per.map((p) => p[k])));
  assert.ok(all('ours', 'r10') >= 0.85, `recall@10 ${all('ours', 'r10').toFixed(3)}`);
  if (mrr === 'above') assert.ok(all('ours', 'rr') > all('bm25', 'rr'), `MRR ${all('ours', 'rr').toFixed(3)} ≤ BM25 ${all('bm25', 'rr').toFixed(3)}`);
  else assert.ok(all('ours', 'rr') >= all('bm25', 'rr'), `MRR ${all('ours', 'rr').toFixed(3)} < BM25 ${all('bm25', 'rr').toFixed(3)}`);
}
