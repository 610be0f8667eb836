// Issue #21 items 5 and 6 for the repo map: links are judged by where they lead, and a long definition line is
// never cut inside a token; whatever the scanner finds in one view (map line, body, file list) is redacted in all.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listDirectory, TREE_SITTER_WASM_DIR } from '../../../bench/diskWorkspace';
import { createPathPolicy } from '../../../src/core/privacy/paths';
import { buildCodebaseContext, createTagParser, RepoIndex, updateIndex, type ListedFile } from '../../../src/core/context';
import { redactAcrossViews } from '../../../src/core/context/redactViews';
import { cutSignature } from '../../../src/core/context/tags';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A GitHub-token-shaped value drawn at test time (never a real credential). */
const token = () => `ghp_${[...randomBytes(36)].map((b) => ALNUM[b % ALNUM.length]).join('')}`;
const estimate = (s: string) => Math.ceil(s.length / 4);

suite('context: repo map privacy (links, cuts, views)', function () {
  this.timeout(30_000);

  test('a long line is cut at a token boundary, never inside a token', () => {
    for (let pad = 120; pad < 170; pad += 3) {
      const key = token();
      const line = `export const client = connect(${'x'.repeat(pad - 30)}, "${key}", { retries: 3 });`;
      const cut = cutSignature(line);
      assert.ok(cut.length <= 162, cut);
      // Either the whole value is there (and the scanner sees it) or none of it is.
      assert.ok(cut.includes(key) || !cut.includes(key.slice(0, 8)), `partial key left at pad ${pad}: ${cut}`);
    }
    assert.equal(cutSignature('short line'), 'short line');
  });

  test('a value found in any view is redacted in the map line, the body and the file list alike', () => {
    const key = token();
    const { items, redacted } = redactAcrossViews([
      { source: 'snippet', path: 'repo map', text: `src/cfg.ts:\n  1: const k = "${key}"`, startLine: 1, endLine: 2 },
      { source: 'snippet', path: 'src/cfg.ts', text: `const k = "${key}";\nexport { k };`, startLine: 1, endLine: 2 },
      { source: 'snippet', path: `src/${key}.ts`, text: 'export const unrelated = 1;', startLine: 1, endLine: 1 },
    ]);
    assert.ok(redacted >= 1);
    for (const i of items) assert.ok(!`${i.path}\n${i.text}`.includes(key.slice(4)), `${i.path}: ${i.text}`);
    assert.match(items[1].text, /\[REDACTED:github-pat\]/);
  });

  test('the attached context carries no fragment of a key from a long definition line', async () => {
    const key = token();
    const index = new RepoIndex();
    const long = `export function connect(url = "${'h'.repeat(140)}", key = "${key}") {`;
    index.set('src/net.ts', { stamp: '1', defs: [{ name: 'connect', kind: 'function', startLine: 1, endLine: 3, signature: cutSignature(long) }], refs: {} });
    index.set('src/app.ts', { stamp: '1', defs: [{ name: 'main', kind: 'function', startLine: 1, endLine: 1, signature: 'function main()' }], refs: { connect: 2 } });
    const ctx = await buildCodebaseContext(index, { question: 'how does the network connection work? #codebase' }, {
      mapTokens: 1500, definitionTokens: 3000, isPrivate: () => false, countTokens: estimate,
      readLines: async (p) => (p === 'src/net.ts' ? [long, '  return fetch(url);', '}'] : ['function main() { connect(); }']),
    });
    const all = ctx.items.map((i) => `${i.path}\n${i.text}`).join('\n');
    assert.ok(!all.includes(key.slice(4, 20)), all);
    assert.match(all, /\[REDACTED:github-pat\]/);
  });

  test('updateIndex judges where a link leads: into a private folder or out of the workspace is left out', async () => {
    const parser = { tags: async () => ({ defs: [], refs: {} }) };
    const file = (p: string, realPath?: string): ListedFile => ({ path: p, stamp: '1', size: 10, ...(realPath ? { realPath } : {}), read: async () => 'x' });
    const index = new RepoIndex();
    await updateIndex(index, [file('src/a.ts'), file('src/keys.ts', 'secrets/keys.ts'), file('src/ssh.ts', '/home/u/.ssh/config.ts'),
      file('src/up.ts', '../other/x.ts'), file('src/ok.ts', 'lib/ok.ts')], parser, { isPrivate: (p) => p.startsWith('secrets/'), complete: true });
    assert.deepEqual([...index.files.keys()].sort(), ['src/a.ts', 'src/ok.ts']);
    assert.equal(index.files.get('src/ok.ts')?.real, 'lib/ok.ts');
  });

  test('on disk: a symlinked file and folder into a private place, and a link out of the workspace, never reach the map', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-links-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-outside-'));
    try {
      const ws = path.join(dir, 'ws');
      for (const d of ['src', 'secrets']) fs.mkdirSync(path.join(ws, d), { recursive: true });
      fs.writeFileSync(path.join(ws, '.aiignore'), 'secrets/\n');
      fs.writeFileSync(path.join(ws, 'src', 'app.ts'), 'export function startApp() { return loadKeys(); }\n');
      fs.writeFileSync(path.join(ws, 'secrets', 'keys.ts'), 'export function loadKeys() { return 1; }\n');
      fs.writeFileSync(path.join(outside, 'id.ts'), 'export function sshIdentity() { return 2; }\n');
      fs.symlinkSync(path.join(ws, 'secrets', 'keys.ts'), path.join(ws, 'src', 'keys.ts'));
      fs.symlinkSync(path.join(ws, 'secrets'), path.join(ws, 'src', 'vault'));
      fs.symlinkSync(outside, path.join(ws, 'src', 'ssh'));
      const policy = createPathPolicy({ privateGlobs: [], aiignore: fs.readFileSync(path.join(ws, '.aiignore'), 'utf8') });
      const isPrivate = (p: string) => policy.isPrivate(p).private;
      const index = new RepoIndex();
      await updateIndex(index, listDirectory(ws), createTagParser(TREE_SITTER_WASM_DIR), { isPrivate, complete: true });
      assert.deepEqual([...index.files.keys()], ['src/app.ts']);
      // And at context time, an entry indexed before its link target became private is dropped too.
      index.set('src/late.ts', { stamp: '1', real: 'secrets/late.ts', defs: [{ name: 'lateKey', kind: 'function', startLine: 1, endLine: 1, signature: 'function lateKey()' }], refs: {} });
      const ctx = await buildCodebaseContext(index, { question: 'architecture of keys #codebase' }, {
        mapTokens: 1500, definitionTokens: 2000, isPrivate, countTokens: estimate,
        readLines: async (p) => fs.readFileSync(path.join(ws, p === 'src/late.ts' ? 'secrets/keys.ts' : p), 'utf8').split('\n'),
      });
      const sent = ctx.items.map((i) => `${i.path}\n${i.text}`).join('\n');
      assert.match(sent, /src\/app\.ts/);
      assert.doesNotMatch(sent, /src\/late|lateKey|src\/keys|src\/vault|secrets\/|src\/ssh|sshIdentity|return 1/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
