// The tenth round's mechanisms (pflag, PyJWT, semver), each with cases beyond the question that showed it: a bin/
// script with a shebang is source while other bin/ files stay build output, `cmp` is how code abbreviates compare,
// and code spells highest/lowest as max/min.
import * as assert from 'node:assert/strict';
import { TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createTagParser, rankRepo, RepoIndex, skipReason, updateIndex, type ListedFile } from '../../../src/core/context';
import { questionTerms, stem } from '../../../src/core/context/terms';

const parser = createTagParser(TREE_SITTER_WASM_DIR);
const file = (path: string, text: string): ListedFile => ({ path, size: text.length, stamp: '1', read: () => Promise.resolve(text) });

suite('context: round 10 (bin/ scripts, cmp, highest and lowest)', function () {
  this.timeout(30_000);

  test('a bin/ file is read; it is indexed only when it starts with #!', async () => {
    assert.equal(skipReason('bin/semver.js', 100), undefined, 'the path alone does not decide');
    assert.equal(skipReason('bin/semver.js', 100, '#!/usr/bin/env node\nconst argv = process.argv.slice(2)\n'), undefined);
    assert.equal(skipReason('tools/bin/run.py', 100, '#!/usr/bin/env python3\nimport sys\n'), undefined);
    assert.equal(skipReason('bin/Debug/app.js', 100, '"use strict";\nexports.main = main;\n'), 'generated or vendored path', 'compiled output has no shebang');
    assert.equal(skipReason('cabinet/bin.js', 100, 'module.exports = 1;\n'), undefined, 'only a folder named bin');
    assert.equal(skipReason('obj/x.js', 100, '#!/usr/bin/env node\n'), 'generated or vendored path', 'other build folders stay skipped, shebang or not');
    const index = new RepoIndex();
    await updateIndex(index, [file('bin/cli.js', '#!/usr/bin/env node\nfunction increment(v) { return v + 1 }\n'), file('bin/out.js', 'function increment(v) { return v + 1 }\n'),
      file('src/a.js', 'function a() {}\n')], parser, { isPrivate: () => false, complete: true });
    assert.deepEqual([...index.files.keys()].sort(), ['bin/cli.js', 'src/a.js']);
  });

  test('cmp meets compare and compared (and comparator, which the stemmer already joined to compare), not comparison', () => {
    assert.equal(stem('cmp'), stem('compare'));
    assert.equal(stem('compared'), stem('cmp'));
    assert.equal(stem('comparing'), stem('cmp'));
    assert.notEqual(stem('comparison'), stem('cmp'), 'widening to comparison lowered msal-common (its URL and claim comparisons)');
    assert.equal(stem('comparator'), stem('compare'), 'the -ator rule, unchanged');
    assert.notEqual(stem('camp'), stem('cmp'));
  });

  test('highest and largest meet max, lowest and smallest min; high, low, large and small stay themselves', () => {
    for (const w of ['highest', 'largest', 'maximum']) assert.equal(stem(w), stem('max'), w);
    for (const w of ['lowest', 'smallest', 'minimum']) assert.equal(stem(w), stem('min'), w);
    for (const w of ['high', 'low', 'large', 'small', 'higher']) assert.notEqual(stem(w), stem('max'), w);
    assert.notEqual(stem('low'), stem('min'));
    const terms = questionTerms('How do I find the highest version in a list?').map((t) => t.term);
    assert.ok(terms.includes(stem('max')));
  });

  test('a file named for max meets "highest"; a compare function named cmp meets "compare"', async () => {
    const index = new RepoIndex();
    const put = async (p: string, text: string) => index.set(p, { ...(await parser.tags(p, text))!, stamp: '1' });
    await put('ranges/max-satisfying.js', 'const maxSatisfying = (versions, range) => versions.filter((v) => satisfies(v, range)).sort(rcompare)[0]\nmodule.exports = maxSatisfying\n');
    await put('ranges/min-satisfying.js', 'const minSatisfying = (versions, range) => versions.filter((v) => satisfies(v, range)).sort(compare)[0]\nmodule.exports = minSatisfying\n');
    await put('functions/cmp.js', 'const cmp = (a, op, b) => { switch (op) { case ">=": return gte(a, b) } }\nmodule.exports = cmp\n');
    await put('functions/sort.js', 'const sort = (list) => list.sort((a, b) => compareBuild(a, b))\nmodule.exports = sort\n');
    assert.equal(rankRepo(index, { question: 'Which version in a list is the highest that satisfies a range?' }).files[0].path, 'ranges/max-satisfying.js');
    assert.equal(rankRepo(index, { question: 'Which version in a list is the lowest that satisfies a range?' }).files[0].path, 'ranges/min-satisfying.js');
    assert.equal(rankRepo(index, { question: 'How do I compare two versions with an operator string?' }).files[0].path, 'functions/cmp.js');
  });
});
