// The suite of a blind round with a second batch: its shape (≥ 100 questions over three languages, a third naming
// nothing, ≥ 30 per code base, every label indexed), its first batch's floors and its second batch's, written once
// for every round that has both.
import * as assert from 'node:assert/strict';
import type { Codebase } from './codebases';
import { evaluate, load, standardRankers, unnamedShare, type Loaded } from './evaluate';
import { assertFloors, assertLabelsIndexed } from './floors';
import { mean } from './metrics';

/** recall@5, recall@10 and MRR that a batch must reach. */
export type Floors = readonly [r5: number, r10: number, mrr: number];

const shown = (f: Floors): string => f.map((x) => x.toFixed(2)).join(' / ');

export function blindBatchSuite(title: string, first: readonly Codebase[], second: Codebase, floors: { first: Floors; second: Floors }): void {
  suite(title, function () {
    this.timeout(180_000);
    const loaded: Loaded[] = [];
    let extra: Loaded;

    suiteSetup(async () => {
      for (const c of first) loaded.push(await load(c));
      extra = await load(second);
    });

    test('≥ 100 questions, ≥ 30 per code base in 3 languages, a third naming nothing; second batch ≥ 30; every label indexed', () => {
      assert.deepEqual(loaded.map((l) => l.codebase.language).sort(), ['Go', 'JavaScript', 'Python']);
      assert.ok(loaded.reduce((n, l) => n + l.codebase.questions.length, 0) >= 100);
      const unnamed = loaded.map(unnamedShare).reduce((a, u) => ({ unnamed: a.unnamed + u.unnamed, total: a.total + u.total }));
      assert.ok(unnamed.unnamed * 3 >= unnamed.total, `${unnamed.unnamed} of ${unnamed.total} name nothing`);
      for (const l of [...loaded, extra]) {
        assert.ok(l.codebase.questions.length >= 30, `${l.codebase.name}: ${l.codebase.questions.length} questions`);
        assertLabelsIndexed(l);
      }
    });

    test(`first batch: recall@5 not below BM25 on any code base, MRR above overall; ≥ ${shown(floors.first)}`, () => {
      assertFloors(loaded, 'all', 'above');
      const results = loaded.map((l) => evaluate(l, 'all', standardRankers(l)));
      const all = (k: 'r5' | 'r10' | 'rr') => mean(results.flatMap((r) => r.methods.ours.per.map((p) => p[k])));
      const [r5, r10, rr] = floors.first;
      assert.ok(all('r5') >= r5 && all('r10') >= r10 && all('rr') >= rr, `${all('r5').toFixed(3)} / ${all('r10').toFixed(3)} / ${all('rr').toFixed(3)}`);
    });

    test(`second batch (${second.name}): recall@5 and MRR above BM25; ≥ ${shown(floors.second)}`, () => {
      assertFloors([extra], 'all', 'above');
      const r = evaluate(extra, 'all', standardRankers(extra)).methods.ours;
      const [r5, r10, rr] = floors.second;
      assert.ok(r.r5 >= r5 && r.r10 >= r10 && r.mrr >= rr, `${r.r5.toFixed(3)} / ${r.r10.toFixed(3)} / ${r.mrr.toFixed(3)}`);
    });
  });
}
