// Definitions from other files for the completion prompt: imports read from the text, resolved through the index,
// ranked by use around the cursor, packed into the budget; private files contribute nothing.
import * as assert from 'node:assert/strict';
import { definitionSnippets, rankDefinitions, type DefinitionSource } from '../../../src/core/completion/definitions';
import { candidatePaths, parseImports } from '../../../src/core/completion/imports';
import { renderSnippets } from '../../../src/core/completion/snippets';
import type { Definition } from '../../../src/core/context/tags';

const def = (name: string, signature: string, startLine: number, parent?: string): Definition =>
  ({ name, kind: 'function', startLine, endLine: startLine + 3, signature, ...(parent ? { parent } : {}) });

const FILES: Record<string, Definition[]> = {
  'src/util/math.ts': [def('clamp', 'export function clamp(v: number, lo: number, hi: number): number {', 1), def('lerp', 'export function lerp(a: number, b: number, t: number) {', 9)],
  'src/store.ts': [def('Store', 'export class Store<T> {', 1), def('get', 'get(key: string): T | undefined {', 4, 'Store'), def('put', 'put(key: string, value: T): void {', 8, 'Store')],
  'lib/ast-utils.js': Array.from({ length: 60 }, (_, i) => def(`isToken${i}`, `function isToken${i}(token) {`, 1 + i * 5)),
  'secret/keys.ts': [def('masterKey', 'export function masterKey(): string {', 1)],
};
const src: DefinitionSource = { defsIn: (p) => FILES[p] };

suite('completion: definitions from other files', () => {
  test('imports: ES named, default, namespace, type-only; CommonJS whole and destructured; Python', () => {
    const es = parseImports("import Foo, { a, b as c } from './x';\nimport * as ns from '../y';\nimport type { T } from './t';", 'typescript');
    assert.deepEqual(es.map((b) => [b.local, b.imported, b.spec]), [['Foo', '*', './x'], ['a', 'a', './x'], ['c', 'b', './x'], ['ns', '*', '../y'], ['T', 'T', './t']]);
    const cjs = parseImports('const astUtils = require("./utils/ast-utils");\nconst { isA, isB: b } = require("../x");', 'javascript');
    assert.deepEqual(cjs.map((b) => [b.local, b.imported]), [['astUtils', '*'], ['isA', 'isA'], ['b', 'isB']]);
    const py = parseImports('from .models import User, Group as G\nimport os.path as osp', 'python');
    assert.deepEqual(py.map((b) => [b.local, b.imported, b.spec]), [['User', 'User', '.models'], ['G', 'Group', '.models'], ['osp', '*', 'os.path']]);
  });

  test('specifiers resolve to workspace paths: .js for .ts, index files, Python packages; packages resolve to nothing', () => {
    assert.ok(candidatePaths('src/a/b.ts', '../util/math.js', 'typescript').includes('src/util/math.ts'));
    assert.ok(candidatePaths('src/a.ts', './store', 'typescript').includes('src/store/index.ts'));
    assert.deepEqual(candidatePaths('src/a.ts', 'openai', 'typescript'), []);
    assert.ok(candidatePaths('app/views.py', '.models', 'python').includes('app/models.py'));
  });

  test('a named import used near the cursor comes first; a class brings its members', () => {
    const q = { path: 'src/app.ts', languageId: 'typescript', head: "import { clamp } from './util/math';\nimport { Store } from './store';\n", prefix: '', suffix: '' };
    q.prefix = `${q.head}\nconst s = new Store<number>();\nfunction f(v: number) {\n  return clamp(`;
    const ranked = rankDefinitions(q, src);
    assert.equal(ranked[0]!.def.name, 'clamp');
    const names = ranked.map((r) => r.def.name);
    assert.ok(names.includes('Store') && names.includes('get') && names.includes('put'));
  });

  test('typing `ns.` narrows a big module to what matches at the cursor', () => {
    const head = 'const astUtils = require("./ast-utils");\n';
    const q = { path: 'lib/rule.js', languageId: 'javascript', head, prefix: `${head}\nif (astUtils.isToken4`, suffix: ') {}' };
    const snippets = definitionSnippets(q, src, { maxTokens: 120 });
    const lines = snippets.flatMap((s) => s.text.split('\n'));
    assert.ok(lines.includes('function isToken4(token) {'), lines.join('\n'));
    assert.ok(lines.includes('function isToken45(token) {'), 'same prefix');
    const first = rankDefinitions(q, src).slice(0, 11).map((r) => r.def.name);
    assert.ok(first.every((n) => /^isToken4\d?$/.test(n)), `what matches what is typed ranks first: ${first.join(', ')}`);
  });

  test('the budget holds once rendered, and private files give nothing', () => {
    const head = "import { masterKey } from '../secret/keys';\nimport * as m from './util/math';\nconst astUtils = require('../lib/ast-utils');\n";
    const q = { path: 'src/app.ts', languageId: 'typescript', head, prefix: `${head}\nmasterKey(); m.clamp(1, 2, 3); astUtils.`, suffix: '' };
    for (const budget of [20, 80, 320]) {
      const snippets = definitionSnippets(q, src, { maxTokens: budget, isPrivate: (p) => p.startsWith('secret/') });
      const rendered = renderSnippets(snippets, 'typescript', budget);
      assert.ok(rendered.length <= budget * 4, `${rendered.length} chars for ${budget} tokens`);
      assert.equal(rendered.includes('masterKey'), false, 'a private file contributes nothing');
    }
    assert.ok(definitionSnippets(q, src, { maxTokens: 320 }).some((s) => s.path === 'secret/keys.ts'), 'the same file when not private');
  });
});
