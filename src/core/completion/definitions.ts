// Signatures of what the code around the cursor uses from other files, for the FIM prompt: the file's imports are
// resolved through the repo index; each imported definition is scored by where it is used (near the cursor, in
// the file, through a namespace `ns.member`, not yet at all — an import not used yet is often what comes next),
// and the best ones are packed into the token budget, grouped by file. Private files are not in the index, and
// `isPrivate` is asked again here, so they contribute nothing.

import type { Definition } from '../context/tags';
import { candidatePaths, parseImports, withoutImports, type ImportBinding } from './imports';
import { lineComment, type Snippet } from './snippets';
import { CHARS_PER_TOKEN } from './window';

export interface DefinitionSource {
  /** The definitions of an indexed file (workspace-relative path), or undefined when it is not indexed. */
  defsIn(path: string): readonly Definition[] | undefined;
  /** How many files of the workspace mention a name (the index's references): breaks ties between members. */
  popularity?(name: string): number;
}

export interface DefinitionQuery {
  /** Workspace-relative path of the file being edited. */
  path: string;
  languageId: string;
  /** The top of the file, where its imports are. */
  head: string;
  /** Text before and after the cursor (the engine's window or more). */
  prefix: string;
  suffix: string;
}

export interface DefinitionOptions {
  maxTokens: number;
  isPrivate?: (path: string) => boolean;
}

export interface DefinitionPick { path: string; def: Definition; score: number }

/** How far before the cursor counts as "near" (characters). */
const NEAR_CHARS = 1200;

function escape(s: string): string {
  return s.replace(/[$]/g, '\\$');
}

function uses(text: string, name: string): number[] {
  const at: number[] = [];
  const re = new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g');
  for (const m of text.matchAll(re)) at.push(m.index);
  return at;
}

/** Score of a name by its uses: near the cursor (the end of `before`) counts most, any use some. */
function useScore(before: string, after: string, name: string): number {
  const b = uses(before, name);
  const a = uses(after, name).length;
  if (!b.length && !a) return 0;
  const last = b.length ? b[b.length - 1]! : -Infinity;
  const dist = before.length - last;
  const near = dist <= NEAR_CHARS ? 4 + 2 * (1 - dist / NEAR_CHARS) : 0;
  return 2 + near + Math.min(2, (b.length + a) / 4);
}

function resolve(q: DefinitionQuery, b: ImportBinding, src: DefinitionSource): { path: string; defs: readonly Definition[] } | undefined {
  for (const p of candidatePaths(q.path, b.spec, q.languageId)) {
    const defs = src.defsIn(p);
    if (defs && p !== q.path) return { path: p, defs };
  }
  return undefined;
}

/** The imported definitions worth showing, best first. */
export function rankDefinitions(q: DefinitionQuery, src: DefinitionSource, isPrivate?: (path: string) => boolean): DefinitionPick[] {
  // The text around the cursor, import statements blanked: an import is not a use.
  const before = withoutImports(q.prefix);
  // What is being typed at the cursor: `ns.part` or a bare `part` narrows the candidates at once.
  const typing = /(?:([\w$]+)\.)?([\w$]*)$/.exec(before)!;
  const typedNs = typing[1];
  const typed = typing[2] ?? '';
  const popular = (name: string): number => Math.min(1, Math.log10(1 + (src.popularity?.(name) ?? 0)) / 2);
  const picks = new Map<string, DefinitionPick>();
  const add = (path: string, def: Definition, score: number): void => {
    const key = `${path}:${def.startLine}`;
    const had = picks.get(key);
    if (!had || had.score < score) picks.set(key, { path, def, score });
  };
  // Code tends to use imports in the order it declares them (re-export lists, switch cases): the ones declared
  // right after the most recently used one come next.
  const bindings = parseImports(q.head, q.languageId);
  const lastUse = bindings.map((b) => { const u = uses(before, b.local); return u.length ? u[u.length - 1]! : -1; });
  const latest = lastUse.reduce((best, at, i) => (at > (lastUse[best] ?? -1) ? i : best), -1);
  const recent = latest >= 0 && before.length - lastUse[latest]! <= NEAR_CHARS ? latest : -1;
  for (const [i, b] of bindings.entries()) {
    const r = resolve(q, b, src);
    if (!r || isPrivate?.(r.path)) continue;
    const top = r.defs.filter((d) => d.parent === undefined);
    const self = useScore(before, q.suffix, b.local);
    const next = self === 0 && recent >= 0 && i > recent && i <= recent + 3 ? 7 - 2 * (i - recent) : 0;
    const named = b.imported === '*' ? top.find((d) => d.name === b.local) : top.find((d) => d.name === b.imported);
    if (named) {
      const score = 6 + self + next + (!typedNs && typed && b.local.startsWith(typed) ? 6 : 0);
      add(r.path, named, score);
      for (const m of r.defs) {
        if (m.parent !== named.name) continue;
        add(r.path, m, score - 5 + useScore(before, q.suffix, m.name) / 2);
      }
    }
    if (b.imported !== '*') continue;
    // A namespace or whole-module binding: `ns.member` uses pick members; unused ones stay candidates.
    const member = new RegExp(`(?<![\\w$])${escape(b.local)}\\.([\\w$]+)`, 'g');
    const used = new Map<string, number>();
    for (const m of before.matchAll(member)) used.set(m[1]!, m.index);
    for (const d of r.defs) {
      if (d === named) continue;
      const at = used.get(d.name);
      const near = at !== undefined && before.length - at <= NEAR_CHARS ? 3 : 0;
      const base = d.parent === undefined ? 3 : named && d.parent === named.name ? 2 : 0;
      if (!base) continue;
      const atCursor = typedNs === b.local && d.name.startsWith(typed) ? 8 : 0;
      add(r.path, d, base + atCursor + (at !== undefined ? 4 + near : 0) + (self > 0 ? 1 : 0) + popular(d.name));
    }
  }
  return [...picks.values()].sort((a, b) => b.score - a.score || a.def.startLine - b.def.startLine);
}

/** The best definitions that fit `maxTokens` once rendered as comment lines, one snippet per file. */
export function definitionSnippets(q: DefinitionQuery, src: DefinitionSource, opts: DefinitionOptions): Snippet[] {
  const comment = lineComment(q.languageId);
  let budget = opts.maxTokens * CHARS_PER_TOKEN;
  const byFile = new Map<string, Definition[]>();
  for (const p of rankDefinitions(q, src, opts.isPrivate)) {
    const header = byFile.has(p.path) ? 0 : `${comment} Path: ${p.path}\n`.length;
    const cost = header + `${comment} ${p.def.signature}\n`.length;
    if (cost > budget) continue;
    budget -= cost;
    let list = byFile.get(p.path);
    if (!list) { list = []; byFile.set(p.path, list); }
    list.push(p.def);
  }
  return [...byFile].map(([path, defs]) => ({
    path, text: defs.sort((a, b) => a.startLine - b.startLine).map((d) => d.signature).join('\n'),
  }));
}
