// Ranks files and definitions for a question by fusing independent rankings with reciprocal rank fusion: BM25F
// over the files' words (lexical.ts), personalised PageRank over the reference graph seeded by the best lexical
// files (graph.ts), each leg of a question shaped "from A through B to C" on its own, and — when the local tier
// offers an embedding model — dense similarity computed beforehand (dense.ts). Every attached file keeps why.

import { neighbours, personalisedRank, refGraph } from './graph';
import { DEFAULT_LEXICAL, lexicalIndex, scoreDefinitionNames, scoreLexical, scorePath, scorePlain, type LexicalParams } from './lexical';
import type { RepoIndex } from './repoIndex';
import type { Definition } from './tags';
import { codeTerms, identifierWords, joinedTerms, questionTerms, stem } from './terms';

export interface RankQuery {
  question: string;
  /** Workspace-relative path of the file in the active editor. */
  openPath?: string;
  /** Dense similarity per file (cosine), from the local embedding model, when there is one. */
  dense?: Map<string, number>;
}

export interface FusionParams {
  /** Reciprocal rank fusion constant: larger flattens the difference between ranks. */
  k: number;
  lexical: number;
  /** The path-only leg (file and folder names with their own IDF). */
  path: number;

  graph: number;
  /** The leg of files ranked by their best single definition name (two or more question words in one name). */
  names: number;
  segments: number;
  dense: number;
  /** Plain BM25 over every field alike (lexical.ts scorePlain): 0 leaves it out. */
  plain: number;
  /** How many of the best lexical files seed the graph walk. */
  seeds: number;
  /**
   * Test files (and examples, demos, fixtures) are rarely where an architecture answer lives: their fused score is
   * scaled by this. 0.3, not 0.6: on a blind Go code base (Gin, a test file beside most sources) tests that exercise
   * a concern outranked its code.
   */
  tests: number;
  /** Files that declare only types: scaled by this (a question asks where something is done, rarely its shape). */
  types: number;
  lexicalParams: LexicalParams;
}

/** Fixed on the tuning part of the evaluation set (test/unit/context/eval), never on the held-out part. */
export const DEFAULT_FUSION: FusionParams = {
  k: 5, lexical: 1, path: 0.5, graph: 0.35, names: 0.5, segments: 0.6, dense: 1, plain: 0, seeds: 8, tests: 0.3, types: 0.5, lexicalParams: DEFAULT_LEXICAL,
};

export interface RankedDefinition extends Definition { path: string; score: number }

/** Why a file ranks where it does: what Explain Route shows before anything is sent. */
export interface FileReason {
  /** Question words found in the file's path, names, comments or uses. */
  terms: string[];
  /** Best-matching files it uses or is used by (the graph's contribution). */
  neighbours: string[];
  /** Cosine similarity to the question, when a local embedding model ranked it. */
  similarity?: number;
}

export interface Ranking {
  files: Array<{ path: string; score: number; why?: FileReason }>;
  definitions: RankedDefinition[];
}

const DEFINITION_FILES = 60;
const REASONED_FILES = 100;
// Examples, demos and test fixtures are usage, like tests: on chi (Go, an `_examples` folder of small apps) they
// outranked the router code they call on every question they share words with.
const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|spec|_?examples?|_?demos?|_?samples?|testdata|fixtures?)\/|[._-](?:test|spec)\.\w+$/;
// pytest's name for a test module. A `test_*.py` that defines no test function is the package's own test helpers
// (Python-Markdown's public `test_tools.py`, its base class for extension authors), not a test.
const PY_TEST_MODULE = /(?:^|\/)test_[^/]*\.py$/;
const TEST_FUNCTION = /^test/;
const SEGMENT = /\s(?:from|through|via|into|to|then|before|after|until)\s|->|→/i;

export function rankRepo(index: RepoIndex, query: RankQuery, params: FusionParams = DEFAULT_FUSION): Ranking {
  const lex = lexicalIndex(index);
  const graph = refGraph(index);
  const { paths } = lex;
  const n = paths.length;
  if (n === 0) return { files: [], definitions: [] };
  const terms = questionTerms(query.question, lex.split);
  const own = new Set(terms.map((t) => t.term));
  terms.push(...joinedTerms(query.question, (t) => lex.postings.has(t)).filter((t) => !own.has(t.term)));
  const fused = new Float64Array(n);
  const rrf = (ranked: number[], weight: number) => ranked.forEach((file, r) => { fused[file] += weight / (params.k + r + 1); });

  const lexical = scoreLexical(lex, terms, params.lexicalParams);
  rrf(lexical.map((h) => h.file), params.lexical);
  if (params.path > 0) rrf(scorePath(lex, terms, new Map(lexical.map((h) => [h.file, h.score]))).slice(0, 20).map((h) => h.file), params.path);

  if (params.plain > 0) rrf(scorePlain(lex, terms).map((h) => h.file), params.plain);
  if (params.names > 0) rrf(scoreDefinitionNames(lex, terms).slice(0, 20).map((h) => h.file), params.names);

  // Each leg of "from A through B to C" ranked alone, so B is not drowned by A's and C's words.
  const legs = query.question.split(SEGMENT).map((s) => questionTerms(s, lex.split)).filter((t) => t.length > 0);
  if (legs.length >= 2) for (const leg of legs) rrf(scoreLexical(lex, leg, params.lexicalParams).slice(0, 10).map((h) => h.file), params.segments);

  const open = query.openPath ? paths.indexOf(query.openPath) : -1;
  const seeds = new Map<number, number>();
  const top = lexical.slice(0, params.seeds);
  for (const h of top) seeds.set(h.file, h.score / (top[0]?.score || 1));
  if (open >= 0) seeds.set(open, (seeds.get(open) ?? 0) + 1);
  if (seeds.size === 0) for (let i = 0; i < n; i++) seeds.set(i, 1); // nothing matched: plain centrality
  const walk = personalisedRank(graph, seeds);
  const walked = [...walk.keys()].filter((i) => walk[i] > 0).sort((a, b) => walk[b] - walk[a] || a - b);
  rrf(walked, params.graph);

  if (query.dense?.size) {
    const byPath = new Map(paths.map((p, i) => [p, i]));
    const dense = [...query.dense].filter(([p]) => byPath.has(p)).sort((a, b) => b[1] - a[1]).map(([p]) => byPath.get(p)!);
    rrf(dense, params.dense);
  }
  if (params.tests !== 1) paths.forEach((p, i) => { if (isTest(index, p)) fused[i] *= params.tests; });
  // Unless the question asks for an interface: then the file that declares it is the answer (afero's Fs in afero.go).
  if (params.types !== 1 && !/\binterfaces?\b/i.test(query.question)) lex.typesOnly.forEach((t, i) => { if (t) fused[i] *= params.types; });
  if (open >= 0) fused[open] += (2 * params.lexical) / (params.k + 1); // the open file leads: the graph adds what it uses

  const order = [...fused.keys()].sort((a, b) => fused[b] - fused[a] || a - b);
  const lexHit = new Map(lexical.map((h) => [h.file, h]));
  const seedSet = new Set(top.map((h) => h.file));
  const words = questionWords(query.question);
  for (const t of terms) if (t.text) words.set(t.term, t.text);
  const files = order.map((i, rank) => {
    // Reasons for the files a map can show; the long tail only needs its order.
    if (rank >= REASONED_FILES) return { path: paths[i], score: fused[i] };
    const hit = lexHit.get(i);
    const similarity = query.dense?.get(paths[i]);
    const why: FileReason = {
      terms: hit ? [...new Set(hit.terms.map((t) => words.get(t) ?? t))] : [],
      neighbours: neighbours(graph, i, seedSet).slice(0, 3),
      ...(similarity !== undefined ? { similarity: Math.round(similarity * 1000) / 1000 } : {}),
    };
    return { path: paths[i], score: fused[i], why };
  });

  const termSet = new Set(terms.map((t) => t.term));
  const definitions: RankedDefinition[] = [];
  for (const f of files.slice(0, DEFINITION_FILES)) {
    for (const d of index.files.get(f.path)!.defs) {
      const mentioned = new Set(codeTerms(d.name).filter((t) => termSet.has(t))).size;
      const score = f.score * (1 + Math.log1p(graph.usedBy.get(d.name) ?? 0)) * (1 + 2 * mentioned) * (d.parent ? 0.5 : 1);
      definitions.push({ ...d, path: f.path, score });
    }
  }
  definitions.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.startLine - b.startLine);
  return { files, definitions };
}

function isTest(index: RepoIndex, path: string): boolean {
  if (TEST_PATH.test(path)) return true;
  if (!PY_TEST_MODULE.test(path)) return false;
  // A test function pytest or unittest would collect: at module level or a method, not one built inside another
  // function (test_tools.py generates its legacy tests in a metaclass).
  const fns = index.files.get(path)?.defs.filter((d) => d.kind === 'def') ?? [];
  return fns.some((d) => TEST_FUNCTION.test(d.name) && !fns.some((o) => o !== d && o.startLine < d.startLine && d.endLine <= o.endLine));
}

/** Stem → the question's own spelling, so the explanation says "limiting", not "limit". */
function questionWords(question: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const w of identifierWords(question)) if (!m.has(stem(w))) m.set(stem(w), w);
  return m;
}
