// The ninth round's mechanisms (Python-Markdown below BM25; PyYAML, toml, jsdiff, fsnotify), each with cases beyond
// the question that showed it: a plural at the end of a run-together module name, a pytest-named helper module that
// holds no tests, Python's abbreviated type names, and "code" as a word of the domain.
import * as assert from 'node:assert/strict';
import { TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createTagParser, rankRepo, RepoIndex } from '../../../src/core/context';
import { compoundSplitter, questionTerms, stem } from '../../../src/core/context/terms';

const parser = createTagParser(TREE_SITTER_WASM_DIR);
const tags = async (p: string, text: string) => { const t = await parser.tags(p, text); assert.ok(t); return t; };

suite('context: round 9 (run-together plurals, test helpers, type abbreviations, code as a noun)', function () {
  this.timeout(30_000);

  test('a run-together name may end in the plural of a vocabulary word; other plural-looking words are not cut', () => {
    const split = compoundSplitter(new Set(['block', 'processor', 'tree', 'pattern', 'inline', 'clas', 'statu']));
    assert.deepEqual(split('blockprocessors'), ['block', 'processors']);
    assert.deepEqual(split('treeprocessors'), ['tree', 'processors']);
    assert.deepEqual(split('inlinepatterns'), ['inline', 'patterns']);
    assert.deepEqual(split('blockprocessor'), ['block', 'processor'], 'the singular as before');
    assert.equal(split('treeclass'), undefined, 'a double s is no plural of "clas"');
    assert.equal(split('processors'), undefined, 'one word alone is not a split');
    assert.equal(split('blockstatus'), undefined, '-us is no plural (nor -is, -ss), as in the stemmer');
    assert.equal(split('treeprocessorses'), undefined, 'only one trailing s is a plural');
  });

  test("Python's abbreviated type names meet their words; bool, char, var and pos stay apart (measured: they moved sets both ways)", () => {
    for (const [short, long] of [['int', 'integer'], ['dict', 'dictionary'], ['seq', 'sequence'], ['obj', 'object'], ['exc', 'exception'], ['ref', 'reference']]) {
      assert.equal(stem(long), stem(short), long);
      assert.equal(stem(`${long}s`), stem(short), `${long}s`);
    }
    assert.notEqual(stem('boolean'), stem('bool'));
    assert.notEqual(stem('variable'), stem('var'));
    assert.notEqual(stem('pointer'), stem('ptr'));
    assert.notEqual(stem('interval'), stem('int'), 'only the whole word');
  });

  test('"code" qualifying the next word is a question word; the code base itself is not', () => {
    const terms = (q: string) => questionTerms(q).map((t) => t.term);
    assert.ok(terms('How are indented code blocks recognised?').includes(stem('code')));
    assert.ok(terms('Where are code points above 0xFFFF escaped?').includes(stem('code')));
    assert.ok(!terms('Where in the code is the config read?').includes(stem('code')));
    assert.ok(!terms('Where in this code base is the config read?').includes(stem('code')), 'a code base is the codebase');
    assert.ok(!terms('How can I define a keyword with its own validation code?').includes(stem('code')));
    assert.ok(!terms('Which part of our code is the code for retries?').includes(stem('code')), '"code for" is not a qualifier');
    assert.ok(!terms('code').includes(stem('code')));
  });

  test('a test_*.py without test functions is ranked as code; one with tests (or a test folder) is still scaled', async () => {
    const index = new RepoIndex();
    const put = async (p: string, text: string) => index.set(p, { ...(await tags(p, text)), stamp: '1' });
    const helpers = [
      '"""Testing helpers: compare the rendered HTML of Markdown input with the expected output."""',
      'class TestCase(unittest.TestCase):',
      '    def assertMarkdownRenders(self, source, expected):',
      '        self.assertMultiLineEqual(render_markdown(source), expected)',
      'class LegacyTestMeta(type):',
      '    def __new__(cls, name, bases, dct):',
      '        def generate_test(infile, outfile):',
      '            def test(self):',
      '                self.assertMarkdownRenders(infile, outfile)',
      '            return test',
      '        return type.__new__(cls, name, bases, dct)',
    ].join('\n');
    await put('markdown/test_tools.py', helpers);
    await put('markdown/test_rendering.py', `${helpers}\ndef test_renders_expected_output():\n    assert render_markdown('a') == expected_output('a')\n`);
    await put('tests/test_tools.py', helpers);
    await put('markdown/core.py', '"""The Markdown class."""\nclass Markdown:\n    def convert(self, source):\n        return serialize(source)\n');
    const files = rankRepo(index, { question: 'How do I write tests comparing Markdown input with the expected HTML output?' }).files;
    const score = (p: string) => files.find((f) => f.path === p)!.score;
    assert.equal(files[0].path, 'markdown/test_tools.py');
    assert.ok(score('markdown/test_tools.py') > 2 * score('tests/test_tools.py'), 'the same text in a tests/ folder is scaled');
    assert.ok(score('markdown/test_tools.py') > 2 * score('markdown/test_rendering.py'), 'a module-level test function makes it a test file');
  });
});
