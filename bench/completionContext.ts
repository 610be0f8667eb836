// Completion context hit rate (issue #27), on code nobody here wrote: typing is replayed through every line of
// node_modules/eslint/lib (CommonJS) and node_modules/openai/src (TypeScript), with a completion point where a typist
// pauses (the line's first character, after `(`, `{`, `=` and `.` — the pauses of the completion replay), and the
// rest of the line as its true continuation. Lines inside import/require statements are not completion points. A point counts when that continuation uses a symbol defined in another
// file of the package (an imported name, `ns.member` of an imported module, resolved through the file's imports and
// the repo index built by the real tree-sitter parser). It is a hit when the prompt's definitions — built from the
// text before and after the cursor only, at the default budget — contain the definition of every such symbol.
// Reported with the added prompt tokens and the time to build them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { definitionSnippets, type DefinitionSource } from '../src/core/completion/definitions';
import { DEFAULT_ENGINE_OPTIONS } from '../src/core/completion/engineTypes';
import { candidatePaths, parseImports } from '../src/core/completion/imports';
import { renderSnippets } from '../src/core/completion/snippets';
import { createTagParser, RepoIndex, updateIndex } from '../src/core/context';
import type { Definition } from '../src/core/context/tags';
import { listDirectory, TREE_SITTER_WASM_DIR } from './diskWorkspace';
import { figure } from './stats';
import type { BenchFigure } from './types';

const ROOT = path.join(__dirname, '..', 'node_modules');
const TREES = [{ dir: 'eslint/lib', languageId: 'javascript' }, { dir: 'openai/src', languageId: 'typescript' }];
/** What the editor hands over: the engine's windows (1024 / 256 tokens ≈ 4 chars each) and the file's head. */
const PREFIX_CHARS = 4096;
const SUFFIX_CHARS = 1024;
const HEAD_CHARS = 6000;

interface Target { path: string; def: Definition }

/** The symbols of `continuation` defined in another file, resolved through the file's imports (the oracle). */
function targets(file: string, text: string, continuation: string, languageId: string, src: DefinitionSource): Target[] {
  const out: Target[] = [];
  for (const b of parseImports(text.slice(0, HEAD_CHARS), languageId)) {
    const p = candidatePaths(file, b.spec, languageId).find((c) => c !== file && src.defsIn(c));
    if (!p) continue;
    const defs = src.defsIn(p)!;
    const top = (name: string): Definition | undefined => defs.find((d) => d.name === name && d.parent === undefined);
    const word = new RegExp(`(?<![\\w$.])${b.local.replace(/\$/g, '\\$')}(?![\\w$])`);
    if (b.imported !== '*') {
      const d = top(b.imported);
      if (d && word.test(continuation)) out.push({ path: p, def: d });
      continue;
    }
    const self = top(b.local);
    if (self && word.test(continuation)) out.push({ path: p, def: self });
    for (const m of continuation.matchAll(new RegExp(`(?<![\\w$.])${b.local.replace(/\$/g, '\\$')}\\.([\\w$]+)`, 'g'))) {
      const d = top(m[1]!) ?? (self ? defs.find((x) => x.name === m[1] && x.parent === self.name) : undefined);
      if (d) out.push({ path: p, def: d });
    }
  }
  return out;
}

const IMPORT_STATEMENT = /\bimport\s[^;]*?from\s*['"][^'"]+['"]|\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s*['"][^'"]+['"]|\b(?:const|let|var)\s+(?:[\w$]+|\{[^}]*\})\s*=\s*require\([^)]*\)/g;

/** [start, end) of every import, re-export and require statement. */
function importSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(IMPORT_STATEMENT)].map((m) => [m.index, m.index + m[0].length]);
}

/** Where a typist pauses in a line: its first character, then after ( { = . */
function pausePoints(line: string, indent: number): number[] {
  const out = [indent];
  for (let i = indent; i < line.length - 1; i++) if ('({=.'.includes(line[i]!)) out.push(i + 1);
  return out;
}

interface TreeResult { points: number; hits: number; anyHits: number; tokens: number[]; ms: number[]; files: number }

async function measureTree(dir: string, languageId: string, stride: number): Promise<TreeResult> {
  const root = path.join(ROOT, dir);
  const files = listDirectory(root).filter((f) => /\.(?:js|ts)$/.test(f.path) && !f.path.endsWith('.d.ts'));
  const index = new RepoIndex();
  await updateIndex(index, files, createTagParser(TREE_SITTER_WASM_DIR), { isPrivate: () => false, complete: true });
  const mentions = new Map<string, number>();
  for (const file of index.files.values()) for (const name of Object.keys(file.refs)) mentions.set(name, (mentions.get(name) ?? 0) + 1);
  const src: DefinitionSource = { defsIn: (p) => index.files.get(p)?.defs, popularity: (n) => mentions.get(n) ?? 0 };
  const r: TreeResult = { points: 0, hits: 0, anyHits: 0, tokens: [], ms: [], files: files.length };
  let line = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(root, f.path), 'utf8');
    const spans = importSpans(text);
    let at = 0;
    for (const l of text.split('\n')) {
      const start = at;
      at += l.length + 1;
      if (line++ % stride !== 0) continue;
      const indent = /^\s*/.exec(l)![0].length;
      if (/^\s*(?:\/\/|\*|\/\*)/.test(l) || spans.some(([a, b]) => start + indent >= a && start + indent < b)) continue;
      for (const col of pausePoints(l, indent)) {
      const continuation = l.slice(col);
      const want = targets(f.path, text, continuation, languageId, src);
      if (!want.length) continue;
      const cursor = start + col;
      const q = {
        path: f.path, languageId, head: text.slice(0, Math.min(cursor, HEAD_CHARS)),
        prefix: text.slice(Math.max(0, cursor - PREFIX_CHARS), cursor), suffix: text.slice(cursor, cursor + SUFFIX_CHARS),
      };
      const t0 = performance.now();
      const snippets = definitionSnippets(q, src, { maxTokens: DEFAULT_ENGINE_OPTIONS.definitionTokens });
      const rendered = renderSnippets(snippets, languageId, DEFAULT_ENGINE_OPTIONS.definitionTokens);
      r.ms.push(performance.now() - t0);
      r.tokens.push(rendered.length / 4);
      const has = (t: Target): boolean => snippets.some((s) => s.path === t.path && s.text.split('\n').includes(t.def.signature));
      r.points++;
      if (want.every(has)) r.hits++;
      if (want.some(has)) r.anyHits++;
      }
    }
  }
  return r;
}

export async function run(opts: { quick: boolean }): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  const all: TreeResult = { points: 0, hits: 0, anyHits: 0, tokens: [], ms: [], files: 0 };
  for (const t of TREES) {
    if (!fs.existsSync(path.join(ROOT, t.dir))) throw new Error(`node_modules/${t.dir} is missing: run npm ci`);
    const r = await measureTree(t.dir, t.languageId, opts.quick ? 5 : 1);
    const rate = r.points ? (100 * r.hits) / r.points : NaN;
    out.push({ name: `completion context: hit rate, node_modules/${t.dir}`, unit: '%', median: rate, p95: rate, min: rate, max: rate, runs: r.points,
      note: `${r.points} completion points (of ${r.files} files) whose continuation uses an imported definition; every such definition in the prompt at ${DEFAULT_ENGINE_OPTIONS.definitionTokens} tokens; at least one: ${((100 * r.anyHits) / Math.max(1, r.points)).toFixed(1)} %` });
    all.points += r.points; all.hits += r.hits; all.anyHits += r.anyHits; all.tokens.push(...r.tokens); all.ms.push(...r.ms);
  }
  const rate = (100 * all.hits) / Math.max(1, all.points);
  out.push({ name: 'completion context: hit rate, both trees', unit: '%', median: rate, p95: rate, min: rate, max: rate, runs: all.points, note: 'goal ≥ 80 %' });
  out.push(figure('completion context: added prompt tokens per request', 'tokens', all.tokens, { note: 'rendered definitions (chars ÷ 4), default budget' }));
  out.push(figure('completion context: time to pick and render the definitions', 'ms', all.ms, { note: 'per request start (not per keystroke): imports, ranking, packing' }));
  return out;
}

if (require.main === module) {
  void run({ quick: process.argv.includes('--quick') }).then((f) => console.log(JSON.stringify(f, null, 2)));
}
