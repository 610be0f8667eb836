// Retrieval on code bases nobody here wrote (issue #23): 111 hand-labelled questions on ESLint, openai-node, Flask
// and Cobra, pinned to the installed versions. Parameters were fixed on the tuning part; the figures and the
// done-when floors are on the held-out part. Prints the table (ours vs BM25 vs path match) in the unit run.
import * as assert from 'node:assert/strict';
import { CODEBASES, evaluate, load, standardRankers, unnamedShare, type Loaded } from './eval/evaluate';
import { assertFloors, assertLabelsIndexed } from './eval/floors';
import { BLIND_ALL_CODEBASES, BLIND_EIGHTH_CODEBASES, BLIND_EIGHTH_SECOND_CODEBASES, BLIND_FIFTH_CODEBASES, BLIND_FOURTH_CODEBASES, BLIND_NINTH_CODEBASES, BLIND_NINTH_SECOND_CODEBASES, BLIND_SEVENTH_CODEBASES, BLIND_SIXTH_CODEBASES, isTuning } from './eval/codebases';
import { mean } from './eval/metrics';
import { blindBatchSuite } from './eval/batchSuite';
import { skipReason } from '../../../src/core/context';

suite('context: retrieval on code bases nobody here wrote (held-out)', function () {
  this.timeout(180_000);
  const loaded: Loaded[] = [];

  suiteSetup(async () => {
    // A missing package or another version fails here, loudly: the labels hold only for the pinned versions.
    for (const c of CODEBASES) loaded.push(await load(c));
  });

  test('≥ 100 questions on ≥ 4 code bases in ≥ 3 languages, at least half naming no file or symbol, every label a real indexed file', () => {
    assert.ok(CODEBASES.length >= 4 && new Set(CODEBASES.map((c) => c.language)).size >= 3);
    const total = CODEBASES.reduce((n, c) => n + c.questions.length, 0);
    assert.ok(total >= 100, `${total} questions`);
    const unnamed = loaded.reduce((n, l) => n + unnamedShare(l).unnamed, 0);
    assert.ok(unnamed * 2 >= total, `${unnamed} of ${total} name no file or symbol`);
    for (const l of loaded) {
      assertLabelsIndexed(l);
      const held = l.codebase.questions.filter((_, i) => !isTuning(i)).length;
      assert.ok(held >= l.codebase.questions.length / 2, `${l.codebase.name}: held-out part too small`);
    }
  });

  test('held-out: recall@5 not below BM25 on any code base, recall@10 ≥ 0.85 overall, MRR at least BM25', () => {
    assertFloors(loaded, 'held-out', 'at least');
  });
});

// Three code bases added after the ranker was built (undici, Jinja, Gin), each with three batches of questions
// committed before any ranker ran on them. The first batch guided fixes; the second chose which to keep; the third was
// run once. Floors on the three together (docs/codebase-context.md has each batch's table).
suite('context: retrieval on blind code bases (undici, Jinja, Gin)', function () {
  this.timeout(120_000);
  const loaded: Loaded[] = [];

  suiteSetup(async () => {
    for (const c of BLIND_ALL_CODEBASES) loaded.push(await load(c));
  });

  test('≥ 35 questions per code base in 3 languages, at least half naming no file or symbol, every label an indexed file', () => {
    assert.equal(new Set(loaded.map((l) => l.codebase.language)).size, 3);
    for (const l of loaded) {
      assert.ok(l.codebase.questions.length >= 35, `${l.codebase.name}: ${l.codebase.questions.length} questions`);
      assertLabelsIndexed(l);
    }
    const total = loaded.reduce((n, l) => n + l.codebase.questions.length, 0);
    const unnamed = loaded.reduce((n, l) => n + unnamedShare(l).unnamed, 0);
    assert.ok(unnamed * 2 >= total, `${unnamed} of ${total} name no file or symbol`);
  });

  test('recall@5 not below BM25 on any code base, recall@10 ≥ 0.85 overall, MRR above BM25', () => {
    assertFloors(loaded, 'all', 'above');
  });
});

// A fourth blind batch on three more code bases (Werkzeug, chi, Ajv), committed before any ranker ran on them. Its
// first run guided two general fixes (an async alias, examples scaled like tests), so it is no longer blind; the
// floors keep what it showed. Werkzeug's recall@5 only ties BM25's: that floor is fragile.
suite('context: retrieval on the fourth blind batch (Werkzeug, chi, Ajv)', function () {
  this.timeout(120_000);
  const loaded: Loaded[] = [];

  suiteSetup(async () => {
    for (const c of BLIND_FOURTH_CODEBASES) loaded.push(await load(c));
  });

  test('≥ 15 questions per code base in 3 languages, every label an indexed file', () => {
    assert.equal(new Set(loaded.map((l) => l.codebase.language)).size, 3);
    for (const l of loaded) {
      assert.ok(l.codebase.questions.length >= 15, `${l.codebase.name}: ${l.codebase.questions.length} questions`);
      assertLabelsIndexed(l);
    }
  });

  test('recall@5 not below BM25 on any code base, recall@10 ≥ 0.85 overall, MRR above BM25', () => {
    assertFloors(loaded, 'all', 'above');
  });
});

// A fifth blind batch on three more code bases (urllib3, pkg/sftp, markdown-it), committed before any ranker ran on
// them. Its first run, with batches 3 and 4, guided the definition-name leg, joined words and -ion/-ify stemming, so it
// is no longer blind; the floors keep a little below what it reached (docs/codebase-context.md).
suite('context: retrieval on the fifth blind batch (urllib3, sftp, markdown-it)', function () {
  this.timeout(120_000);
  const loaded: Loaded[] = [];

  suiteSetup(async () => {
    for (const c of BLIND_FIFTH_CODEBASES) loaded.push(await load(c));
  });

  test('≥ 16 questions per code base in 3 languages, every label an indexed file', () => {
    assert.equal(new Set(loaded.map((l) => l.codebase.language)).size, 3);
    for (const l of loaded) {
      assert.ok(l.codebase.questions.length >= 16, `${l.codebase.name}: ${l.codebase.questions.length} questions`);
      assertLabelsIndexed(l);
    }
  });

  test('recall@5 not below BM25 on any code base, recall@10 ≥ 0.85 overall, MRR above BM25; all three ≥ 0.85 / 0.95 / 0.70', () => {
    assertFloors(loaded, 'all', 'above');
    const results = loaded.map((l) => evaluate(l, 'all', standardRankers(l)));
    const all = (k: 'r5' | 'r10' | 'rr') => mean(results.flatMap((r) => r.methods.ours.per.map((p) => p[k])));
    assert.ok(all('r5') >= 0.85 && all('r10') >= 0.95 && all('rr') >= 0.7, `${all('r5').toFixed(3)} / ${all('r10').toFixed(3)} / ${all('rr').toFixed(3)}`);
  });
});

// A sixth blind batch of three shapes (Click: few large Python files; HCL: nested Go packages among test fixtures;
// msal-common: 126 TypeScript files), committed before any ranker ran on them. First run 0.902 / 0.926 / 0.740
// (BM25 0.803 / 0.943 / 0.634); it then guided the types-only scaling and the -ly/-ive stems, so it is no longer blind.
suite('context: retrieval on the sixth blind batch (Click, HCL, msal-common)', function () {
  this.timeout(120_000);
  const loaded: Loaded[] = [];

  suiteSetup(async () => {
    for (const c of BLIND_SIXTH_CODEBASES) loaded.push(await load(c));
  });

  test('≥ 50 questions, ≥ 16 per code base in 3 languages, every label an indexed file', () => {
    assert.equal(new Set(loaded.map((l) => l.codebase.language)).size, 3);
    assert.ok(loaded.reduce((n, l) => n + l.codebase.questions.length, 0) >= 50);
    for (const l of loaded) {
      assert.ok(l.codebase.questions.length >= 16, `${l.codebase.name}: ${l.codebase.questions.length} questions`);
      assertLabelsIndexed(l);
    }
  });

  test('recall@5 not below BM25 on any code base, recall@10 ≥ 0.85 overall, MRR above BM25; all three ≥ 0.88 / 0.95 / 0.75', () => {
    assertFloors(loaded, 'all', 'above');
    const results = loaded.map((l) => evaluate(l, 'all', standardRankers(l)));
    const all = (k: 'r5' | 'r10' | 'rr') => mean(results.flatMap((r) => r.methods.ours.per.map((p) => p[k])));
    assert.ok(all('r5') >= 0.88 && all('r10') >= 0.95 && all('rr') >= 0.75, `${all('r5').toFixed(3)} / ${all('r10').toFixed(3)} / ${all('rr').toFixed(3)}`);
  });
});

// A seventh blind batch (afero: Go wrappers with a test beside each; oauthlib: nested Python packages whose file names
// repeat; JSZip: CommonJS workers), 115 questions committed before any ranker ran on them. First run 0.777 / 0.888 /
// 0.721 (BM25 0.697 / 0.799 / 0.608); it then guided the joined-name, mem, os/fd, interface and environment-variable
// changes, so it is no longer blind.
suite('context: retrieval on the seventh blind batch (afero, oauthlib, JSZip)', function () {
  this.timeout(120_000);
  const loaded: Loaded[] = [];

  suiteSetup(async () => {
    for (const c of BLIND_SEVENTH_CODEBASES) loaded.push(await load(c));
  });

  test('≥ 100 questions, ≥ 30 per code base in 3 languages, at least a third naming no file or symbol, every label an indexed file', () => {
    assert.equal(new Set(loaded.map((l) => l.codebase.language)).size, 3);
    assert.ok(loaded.reduce((n, l) => n + l.codebase.questions.length, 0) >= 100);
    const unnamed = loaded.map(unnamedShare).reduce((a, u) => ({ unnamed: a.unnamed + u.unnamed, total: a.total + u.total }));
    assert.ok(unnamed.unnamed * 3 >= unnamed.total, `${unnamed.unnamed} of ${unnamed.total} name nothing`);
    for (const l of loaded) {
      assert.ok(l.codebase.questions.length >= 30, `${l.codebase.name}: ${l.codebase.questions.length} questions`);
      assertLabelsIndexed(l);
    }
  });

  test('recall@5 not below BM25 on any code base, recall@10 ≥ 0.85 overall, MRR above BM25; all three ≥ 0.80 / 0.90 / 0.72', () => {
    assertFloors(loaded, 'all', 'above');
    const results = loaded.map((l) => evaluate(l, 'all', standardRankers(l)));
    const all = (k: 'r5' | 'r10' | 'rr') => mean(results.flatMap((r) => r.methods.ours.per.map((p) => p[k])));
    assert.ok(all('r5') >= 0.8 && all('r10') >= 0.9 && all('rr') >= 0.72, `${all('r5').toFixed(3)} / ${all('r10').toFixed(3)} / ${all('rr').toFixed(3)}`);
  });
});

// An eighth blind batch (rustls: the first Rust code base; gorilla/websocket: a flat Go package; Python-Markdown: a
// processor pipeline), 117 questions committed before any ranker ran on them. First run 0.772 / 0.912 / 0.700 (BM25
// 0.755 / 0.866 / 0.640); it then guided the Rust-test, `mod` declaration, version-join, abbreviation and docstring
// changes, so it is no longer blind. Python-Markdown was below BM25 on recall@5 (0.784 vs 0.803) and MRR; after round
// 9 it is above on recall@5 (0.835) and still below on MRR (0.665 vs 0.728): the floor is on the batch as a whole. gorilla/websocket's x_net_proxy.go (x/net/proxy bundled by `go generate`) is a label
// the map skips as generated: both of its questions count as misses for every method.
suite('context: retrieval on the eighth blind batch (rustls, gorilla/websocket, Python-Markdown) and its second batch', function () {
  this.timeout(180_000);
  const loaded: Loaded[] = [];
  const second: Loaded[] = [];

  suiteSetup(async () => {
    for (const c of BLIND_EIGHTH_CODEBASES) loaded.push(await load(c));
    for (const c of BLIND_EIGHTH_SECOND_CODEBASES) second.push(await load(c));
  });

  test('≥ 110 questions, ≥ 30 per code base in 3 languages (one Rust); every label indexed but the bundled generated file', () => {
    assert.deepEqual(loaded.map((l) => l.codebase.language).sort(), ['Go', 'Python', 'Rust']);
    assert.ok(loaded.reduce((n, l) => n + l.codebase.questions.length, 0) >= 110);
    assert.ok(second.reduce((n, l) => n + l.codebase.questions.length, 0) >= 25);
    for (const l of [...loaded, ...second]) {
      assert.ok(l.codebase.questions.length >= (loaded.includes(l) ? 30 : 7), `${l.codebase.name}: ${l.codebase.questions.length} questions`);
      const missing = [...new Set(l.codebase.questions.flatMap((q) => q.relevant).filter((r) => !l.index.files.has(r)))];
      assert.deepEqual(missing, l.codebase.name === 'websocket' && loaded.includes(l) ? ['x_net_proxy.go'] : [], l.codebase.name);
    }
    assert.equal(skipReason('x_net_proxy.go', 100, '// Code generated by golang.org/x/tools/cmd/bundle. DO NOT EDIT.\npackage websocket'), 'generated file');
  });

  test('first batch: recall@5 and MRR above BM25 over the batch, recall@10 ≥ 0.90; all three ≥ 0.78 / 0.92 / 0.70', () => {
    const results = loaded.map((l) => evaluate(l, 'all', standardRankers(l)));
    const all = (m: string, k: 'r5' | 'r10' | 'rr') => mean(results.flatMap((r) => r.methods[m].per.map((p) => p[k])));
    assert.ok(all('ours', 'r5') > all('bm25', 'r5') && all('ours', 'rr') > all('bm25', 'rr'), `${all('ours', 'r5').toFixed(3)} / ${all('ours', 'rr').toFixed(3)}`);
    assert.ok(all('ours', 'r5') >= 0.78 && all('ours', 'r10') >= 0.92 && all('ours', 'rr') >= 0.70, `${all('ours', 'r5').toFixed(3)} / ${all('ours', 'r10').toFixed(3)} / ${all('ours', 'rr').toFixed(3)}`);
  });

  test('second batch (first run 0.892 / 0.980 / 0.728, BM25 0.760 / 0.917 / 0.647): above BM25, ≥ 0.88 / 0.95 / 0.70', () => {
    const results = second.map((l) => evaluate(l, 'all', standardRankers(l)));
    const all = (m: string, k: 'r5' | 'r10' | 'rr') => mean(results.flatMap((r) => r.methods[m].per.map((p) => p[k])));
    assert.ok(all('ours', 'r5') > all('bm25', 'r5') && all('ours', 'rr') > all('bm25', 'rr'), `${all('ours', 'r5').toFixed(3)} / ${all('ours', 'rr').toFixed(3)}`);
    assert.ok(all('ours', 'r5') >= 0.88 && all('ours', 'r10') >= 0.95 && all('ours', 'rr') >= 0.70, `${all('ours', 'r5').toFixed(3)} / ${all('ours', 'r10').toFixed(3)} / ${all('ours', 'rr').toFixed(3)}`);
  });
});

// A ninth blind batch (PyYAML: a Python pipeline of mixins; BurntSushi/toml: Go; jsdiff libesm: compiled ES modules),
// 109 questions committed before any ranker ran on them: first run 0.910 / 0.991 / 0.775 (BM25 0.908 / 0.954 / 0.702),
// PyYAML's MRR below BM25's. Round 9's fixes were checked on it, so it is no longer blind; its second batch (fsnotify,
// 32 questions written after the fixes) is: first run 0.805 / 0.956 / 0.644 (BM25 0.763 / 0.841 / 0.611). jsdiff's
// recall@5 only ties BM25's (0.914): that floor is fragile.
blindBatchSuite('context: retrieval on the ninth blind batch (PyYAML, toml, jsdiff) and its second batch (fsnotify)',
  BLIND_NINTH_CODEBASES, BLIND_NINTH_SECOND_CODEBASES[0]!, { first: [0.9, 0.97, 0.76], second: [0.78, 0.93, 0.62] });
