// The plain BM25 leg measured in the fusion round (docs/codebase-context.md, "Fusion"): off by default because it did
// not win on the newest sets; these hold what it computes, so bench/fusionSweep.ts keeps measuring the same thing.
import * as assert from 'node:assert/strict';
import { rankRepo, RepoIndex } from '../../../src/core/context';
import { lexicalIndex, scoreLexical, scorePlain } from '../../../src/core/context/lexical';
import { DEFAULT_FUSION } from '../../../src/core/context/rank';
import { questionTerms } from '../../../src/core/context/terms';

function def(name: string) {
  return { name, kind: 'function', startLine: 1, endLine: 2, signature: `function ${name}()` };
}

function corpus(): RepoIndex {
  const index = new RepoIndex();
  // A file named for the word against one whose body is about it: the field weights favour the name, plain BM25 the body.
  index.set('cache.py', { stamp: '1', defs: [def('setup')], refs: { config: 1 } });
  index.set('store.py', { stamp: '1', defs: [def('put'), def('get_entry')], refs: { cache: 6, evict: 3, cache_key: 2 }, doc: 'entries leave the cache when it is full' });
  for (let i = 0; i < 6; i++) index.set(`other${i}.py`, { stamp: '1', defs: [def(`handler${i}`)], refs: { request: 2 } });
  return index;
}

suite('context: the plain BM25 leg', () => {
  test('counts every field alike: the body that is about a word outranks the file merely named for it', () => {
    const lex = lexicalIndex(corpus());
    const terms = questionTerms('How are cache entries evicted?', lex.split);
    assert.equal(lex.paths[scorePlain(lex, terms)[0].file], 'store.py');
    assert.ok(scorePlain(lex, terms).every((h) => h.score > 0), 'only files that hold a term are returned');
    assert.deepEqual(scorePlain(lex, questionTerms('nothing here matches', lex.split)), []);
    // One word: the field-weighted leg puts the file named for it first, plain BM25 the file whose body uses it six
    // times. That disagreement is what fusing the two would add.
    const cache = questionTerms('Where is the cache?', lex.split);
    assert.equal(lex.paths[scoreLexical(lex, cache)[0].file], 'cache.py');
    assert.equal(lex.paths[scorePlain(lex, cache)[0].file], 'store.py');
  });

  test('off by default: weight 0 leaves the ranking exactly as without the leg, and a weight moves it', () => {
    const index = corpus();
    const q = { question: 'Where is the cache?' };
    const order = (plain: number) => rankRepo(index, q, { ...DEFAULT_FUSION, plain }).files.map((f) => `${f.path}:${f.score.toFixed(6)}`);
    assert.equal(DEFAULT_FUSION.plain, 0);
    assert.deepEqual(rankRepo(index, q).files.map((f) => `${f.path}:${f.score.toFixed(6)}`), order(0));
    assert.notDeepEqual(order(1), order(0), 'a non-zero weight changes the fused scores');
  });
});
