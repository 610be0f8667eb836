// BM25F over each file's fields: its path (file name apart from folders), defined names, module-level names and
// keys, heading comment, other comments and docstrings, and the names it uses. Terms pass through terms.ts on
// both sides. A term that sits in most paths (the package's own name) carries almost no weight by its IDF.
// Built once per index revision and reused across questions.

import type { RepoIndex } from './repoIndex';
import { codeTerms, compoundSplitter, identifierWords, withAcronyms, type QueryTerm } from './terms';

export const FIELDS = ['name', 'dir', 'defs', 'names', 'head', 'doc', 'refs', 'strings'] as const;
export type Field = typeof FIELDS[number];

export interface LexicalParams {
  weights: Record<Field, number>;
  b: Record<Field, number>;
  k1: number;
}

/** Fixed on the tuning part of the evaluation set (test/unit/context/eval), never on the held-out part. */
export const DEFAULT_LEXICAL: LexicalParams = {
  weights: { name: 4, dir: 1.5, defs: 2.5, names: 0.75, head: 1, doc: 0.3, refs: 0.4, strings: 0.5 },
  b: { name: 0.3, dir: 0.3, defs: 0.6, names: 0.6, head: 0.5, doc: 0.75, refs: 0.75, strings: 0.75 },
  k1: 1.6,
};

const TYPE_KINDS = new Set(['interface', 'type', 'enum']);

export interface LexicalIndex {
  paths: string[];
  /** term → postings (file number, per-field counts). */
  postings: Map<string, Array<{ file: number; tf: Float32Array }>>;
  /** The same, only files whose path (name or folders) holds the term. */
  pathPostings: Map<string, Array<{ file: number; tf: Float32Array }>>;
  lengths: Float32Array[];
  avg: Float32Array;
  /** Per file, the distinct terms of each definition name with two or more: where question words meet in one name. */
  defTerms: string[][][];
  /** Per file, 1 when it declares only types (interfaces, type aliases, enums): the shape of data, not what is done. */
  typesOnly: Uint8Array;
  split(word: string): string[] | undefined;
}

const cache = new WeakMap<RepoIndex, { revision: number; lexical: LexicalIndex }>();

export function lexicalIndex(index: RepoIndex): LexicalIndex {
  const hit = cache.get(index);
  if (hit && hit.revision === index.revision) return hit.lexical;
  const lexical = build(index);
  cache.set(index, { revision: index.revision, lexical });
  return lexical;
}

function build(index: RepoIndex): LexicalIndex {
  const paths = [...index.files.keys()].sort();
  // The vocabulary: words identifiers spell out with explicit case or separators, seen at least twice.
  const seen = new Map<string, number>();
  const count = (name: string) => {
    const words = identifierWords(name);
    if (words.length < 2) return;
    for (const w of words) if (w.length >= 3) seen.set(w, (seen.get(w) ?? 0) + 1);
  };
  for (const p of paths) {
    const f = index.files.get(p)!;
    count(p);
    for (const d of f.defs) count(d.name);
    for (const r of Object.keys(f.refs)) count(r);
  }
  const split = compoundSplitter(new Set([...seen].filter(([, n]) => n >= 2).map(([w]) => w)));

  const postings = new Map<string, Array<{ file: number; tf: Float32Array }>>();
  const lengths: Float32Array[] = [];
  const defTerms: string[][][] = [];
  const typesOnly = new Uint8Array(paths.length);
  const totals = new Float32Array(FIELDS.length);
  paths.forEach((p, i) => {
    const f = index.files.get(p)!;
    const slash = p.lastIndexOf('/');
    const perDef = f.defs.map((d) => codeTerms(d.name, split));
    const interfaces = new Set(f.defs.filter((d) => d.kind === 'interface').map((d) => d.name));
    typesOnly[i] = f.defs.length > 0 && f.defs.every((d) => TYPE_KINDS.has(d.kind) || (d.kind === 'method' && d.parent !== undefined && interfaces.has(d.parent))) ? 1 : 0;
    defTerms.push(perDef.filter((t) => t.length >= 2).map((t) => [...new Set(t)]).filter((t) => t.length >= 2));
    const fieldText: Record<Field, string[]> = {
      name: codeTerms(p.slice(slash + 1).replace(/\.[^.]+$/, ''), split),
      dir: codeTerms(p.slice(0, Math.max(0, slash)), split),
      defs: perDef.flat(),
      names: (f.names ?? []).flatMap((n) => codeTerms(n, split)),
      head: codeTerms(withAcronyms(f.head ?? '')),
      doc: codeTerms(withAcronyms(f.doc ?? '')),
      strings: codeTerms(withAcronyms(f.strings ?? '')),
      refs: Object.entries(f.refs).flatMap(([n, c]) => {
        const t = codeTerms(n, split);
        return c > 1 ? t.concat(t) : t; // a name used often counts twice, not n times: uses repeat, meaning does not
      }),
    };
    const lens = new Float32Array(FIELDS.length);
    const local = new Map<string, Float32Array>();
    FIELDS.forEach((field, k) => {
      const terms = fieldText[field];
      lens[k] = terms.length;
      totals[k] += terms.length;
      for (const t of terms) {
        let tf = local.get(t);
        if (!tf) { tf = new Float32Array(FIELDS.length); local.set(t, tf); }
        tf[k]++;
      }
    });
    lengths.push(lens);
    for (const [t, tf] of local) {
      let list = postings.get(t);
      if (!list) { list = []; postings.set(t, list); }
      list.push({ file: i, tf });
    }
  });
  const avg = totals.map((t) => (paths.length ? Math.max(1, t / paths.length) : 1));
  const pathPostings = new Map<string, Array<{ file: number; tf: Float32Array }>>();
  for (const [t, list] of postings) {
    const inPath = list.filter((p) => p.tf[0] + p.tf[1] > 0);
    if (inPath.length) pathPostings.set(t, inPath);
  }
  return { paths, postings, pathPostings, lengths, avg, defTerms, typesOnly, split };
}

export interface LexicalHit { file: number; score: number; terms: string[] }

/** BM25F scores of every file matching at least one term, best first. */
export function scoreLexical(lex: LexicalIndex, terms: QueryTerm[], params: LexicalParams = DEFAULT_LEXICAL): LexicalHit[] {
  const n = lex.paths.length;
  const scores = new Map<number, LexicalHit>();
  const w = FIELDS.map((f) => params.weights[f]);
  const b = FIELDS.map((f) => params.b[f]);
  for (const { term, weight } of terms) {
    const list = lex.postings.get(term);
    if (!list) continue;
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    for (const { file, tf } of list) {
      const lens = lex.lengths[file];
      let x = 0;
      for (let k = 0; k < FIELDS.length; k++) {
        if (tf[k] === 0) continue;
        x += (w[k] * tf[k]) / (1 - b[k] + (b[k] * lens[k]) / lex.avg[k]);
      }
      const s = weight * idf * (x / (params.k1 + x));
      const hit = scores.get(file);
      if (hit) { hit.score += s; hit.terms.push(term); } else scores.set(file, { file, score: s, terms: [term] });
    }
  }
  return [...scores.values()].sort((a, c) => c.score - a.score || a.file - c.file);
}

/**
 * The path alone, with the path's own IDF: "config" in a file name is rare even where the word is everywhere in the
 * code, so a file named for the question's words is not outvoted by files that merely use them.
 */
export function scorePath(lex: LexicalIndex, terms: QueryTerm[], tieBreak?: Map<number, number>): LexicalHit[] {
  const n = lex.paths.length;
  const scores = new Map<number, LexicalHit>();
  for (const { term, weight } of terms) {
    const list = lex.pathPostings.get(term);
    if (!list?.length) continue;
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    for (const { file, tf } of list) {
      const s = weight * idf * (tf[0] > 0 ? 1 : 0.5) / Math.sqrt(1 + lex.lengths[file][0] / 4);
      const hit = scores.get(file);
      if (hit) { hit.score += s; hit.terms.push(term); } else scores.set(file, { file, score: s, terms: [term] });
    }
  }
  // Ties (a folder name shared by hundreds of files) go to the better content match, not to path order.
  return [...scores.values()].sort((a, c) => c.score - a.score || (tieBreak?.get(c.file) ?? 0) - (tieBreak?.get(a.file) ?? 0) || a.file - c.file);
}

/**
 * Files by their best single definition: the question's words that meet in one name (`get_backoff_time`,
 * `checkStrictTypes`), at least two of them, weighed by IDF. A large file whose one function is the answer is not
 * diluted by its other concerns here.
 */
export function scoreDefinitionNames(lex: LexicalIndex, terms: QueryTerm[]): LexicalHit[] {
  const n = lex.paths.length;
  const weight = new Map<string, number>();
  const candidates = new Map<number, number>();
  for (const { term, weight: w } of terms) {
    const list = lex.postings.get(term);
    if (!list || list.length * 2 > n) continue; // a word most files hold (the package name) meets nothing
    weight.set(term, w * Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    for (const { file, tf } of list) if (tf[2] > 0) candidates.set(file, (candidates.get(file) ?? 0) + 1);
  }
  const hits: LexicalHit[] = [];
  for (const [file, count] of candidates) {
    if (count < 2) continue;
    let best: LexicalHit | undefined;
    for (const def of lex.defTerms[file]) {
      const met = def.filter((t) => weight.has(t));
      if (met.length < 2) continue;
      const score = met.reduce((a, t) => a + weight.get(t)!, 0) / Math.sqrt(def.length);
      if (!best || score > best.score) best = { file, score, terms: met };
    }
    if (best) hits.push(best);
  }
  return hits.sort((a, c) => c.score - a.score || a.file - c.file);
}

/**
 * Plain BM25 (k1 1.2, b 0.75) over the same postings with every field counted alike: the body's words as much as
 * the names. A second opinion to fuse with the field-weighted one, which leans on paths and definition names.
 */
export function scorePlain(lex: LexicalIndex, terms: QueryTerm[]): LexicalHit[] {
  const n = lex.paths.length;
  const avg = lex.avg.reduce((a, x) => a + x, 0);
  const scores = new Map<number, LexicalHit>();
  for (const { term, weight } of terms) {
    const list = lex.postings.get(term);
    if (!list) continue;
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    for (const { file, tf } of list) {
      const f = tf.reduce((a, x) => a + x, 0);
      const len = lex.lengths[file].reduce((a, x) => a + x, 0);
      const s = (weight * idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * len) / avg));
      const hit = scores.get(file);
      if (hit) { hit.score += s; hit.terms.push(term); } else scores.set(file, { file, score: s, terms: [term] });
    }
  }
  return [...scores.values()].sort((a, c) => c.score - a.score || a.file - c.file);
}
