// The index on files real workspaces hold that no one writes by hand: bundles behind a short header, one huge line,
// binary blobs with a source extension, Latin-1 source, deeply nested folders and brackets. Each must be skipped or
// parsed quickly; none may hang or crash the build or the first question.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listDirectory, TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createTagParser, rankRepo, RepoIndex, skipReason, updateIndex } from '../../../src/core/context';

const HEADER = Array.from({ length: 25 }, (_, i) => `// header line ${i}`).join('\n');

function write(root: string, rel: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), data);
}

suite('context: unusual files neither hang nor crash the index', function () {
  this.timeout(60_000);
  let root: string;
  const deep = Array.from({ length: 120 }, (_, i) => `d${i % 10}`).join('/');

  suiteSetup(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-unusual-'));
    write(root, 'retry.ts', 'export function retryWithBackoff(attempt: number): number { return 2 ** attempt; }\n');
    write(root, 'dist-like/huge.js', 'var a=1;'.repeat(400_000)); // over the size cap
    write(root, 'bundle.js', `${HEADER}\n${Array.from({ length: 6000 }, (_, i) => `function f${i}(a){return a+${i}}`).join(';')}\n`);
    write(root, 'blob.js', Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)));
    write(root, 'letters.py', `X = "${'a'.repeat(200_000)}"\n`);
    write(root, 'latin.py', Buffer.from(Array.from({ length: 40 }, (_, i) => `# r\xe9sum\xe9 ${i}\ndef step${i}(x):\n    return x + ${i}\n`).join(''), 'latin1'));
    write(root, 'nest.js', `${HEADER}\nconst x = ${'['.repeat(9000)}${']'.repeat(9000)};\n${'if (a) {'.repeat(1500)}${'}'.repeat(1500)}\n`);
    write(root, 'empty.ts', '');
    write(root, 'bom.ts', '\ufeffexport function crlfThing(): number {\r\n  return 1;\r\n}\r\n');
    write(root, `${deep}/deep.go`, 'package deep\n\nfunc Deepest() int { return 1 }\n');
  });

  suiteTeardown(() => fs.rmSync(root, { recursive: true, force: true }));

  test('binary, bundles and one huge line are skipped; Latin-1, BOM + CRLF, empty files, deep folders and deep nesting are indexed; all in seconds', async () => {
    const index = new RepoIndex();
    const t0 = performance.now();
    await updateIndex(index, listDirectory(root), createTagParser(TREE_SITTER_WASM_DIR), { isPrivate: () => false, complete: true });
    const ranking = rankRepo(index, { question: 'where is the retry backoff computed?' });
    const ms = performance.now() - t0;
    assert.deepEqual([...index.files.keys()].sort(), ['bom.ts', `${deep}/deep.go`, 'empty.ts', 'latin.py', 'nest.js', 'retry.ts']);
    assert.equal(ranking.files[0].path, 'retry.ts');
    assert.ok(index.files.get('latin.py')!.defs.some((d) => d.name === 'step39'), 'Latin-1 source parsed to its end');
    assert.deepEqual(index.files.get('bom.ts')!.defs.map((d) => [d.name, d.startLine, d.endLine]), [['crlfThing', 1, 3]]);
    assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
  });

  test('the reasons: binary by NUL or undecodable share, minified by a huge line anywhere', () => {
    assert.equal(skipReason('a.js', 10, 'var a\u0000b'), 'binary');
    assert.equal(skipReason('a.js', 100, '\ufffd\u0001\ufffd'.repeat(20)), 'binary');
    assert.equal(skipReason('a.py', 2000, `# caf\ufffd cr\ufffdme\n${'def f(x):\n    return x\n'.repeat(50)}`), undefined);
    assert.equal(skipReason('a.js', 30_000, `${HEADER}\n${'x'.repeat(25_000)}\n`), 'minified');
    assert.equal(skipReason('a.js', 30_000, `${HEADER}\n${'x = 1;\n'.repeat(4000)}`), undefined);
  });
});
