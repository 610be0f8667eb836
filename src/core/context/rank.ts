// Ranks files and definitions over the reference graph, after Aider's repo map: an edge runs from a file that
// uses a name to each file that defines it; PageRank is personalised toward the files whose paths or definitions
// the question mentions and the file open in the editor, so "the billing module" pulls billing/ and what it uses.

import type { RepoIndex } from './repoIndex';
import type { Definition } from './tags';
import { identifierWords, overlap, questionTerms } from './terms';

export interface RankQuery {
  question: string;
  /** Workspace-relative path of the file in the active editor. */
  openPath?: string;
}

export interface RankedDefinition extends Definition { path: string; score: number }

export interface Ranking {
  files: Array<{ path: string; score: number }>;
  definitions: RankedDefinition[];
}

const DAMPING = 0.85;
const ITERATIONS = 30;

export function rankRepo(index: RepoIndex, query: RankQuery): Ranking {
  const paths = [...index.files.keys()].sort(); // sorted: the same index and question always give the same map
  const n = paths.length;
  if (n === 0) return { files: [], definitions: [] };
  const terms = questionTerms(query.question);

  const definers = new Map<string, number[]>();
  paths.forEach((p, i) => {
    for (const d of index.files.get(p)!.defs) {
      const list = definers.get(d.name);
      if (!list) definers.set(d.name, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });

  // Personalisation: question terms in the path and in definition names; the open file.
  const personal = new Float64Array(n);
  paths.forEach((p, i) => {
    const f = index.files.get(p)!;
    const pathHits = overlap(terms, identifierWords(p));
    const defHits = overlap(terms, f.defs.flatMap((d) => identifierWords(d.name)));
    personal[i] = pathHits * 3 + defHits + (query.openPath === p ? 3 : 0);
  });
  let total = personal.reduce((a, b) => a + b, 0);
  if (total === 0) { personal.fill(1); total = n; }
  for (let i = 0; i < n; i++) personal[i] /= total;

  // Edges, weighted: names the question mentions weigh more; very widely defined names (e.g. `run`) less.
  const out: Array<Map<number, number>> = paths.map(() => new Map());
  paths.forEach((p, i) => {
    for (const [name, count] of Object.entries(index.files.get(p)!.refs)) {
      const targets = definers.get(name);
      if (!targets || targets.length > 20) continue;
      const mentioned = overlap(terms, identifierWords(name)) > 0 ? 5 : 1;
      const w = (Math.sqrt(count) * mentioned) / targets.length;
      for (const t of targets) if (t !== i) out[i].set(t, (out[i].get(t) ?? 0) + w);
    }
  });
  const outWeight = out.map((m) => [...m.values()].reduce((a, b) => a + b, 0));

  let rank: Float64Array = Float64Array.from(personal);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (outWeight[i] === 0) { dangling += rank[i]; continue; }
      for (const [t, w] of out[i]) next[t] += DAMPING * rank[i] * (w / outWeight[i]);
    }
    for (let i = 0; i < n; i++) next[i] += (1 - DAMPING + DAMPING * dangling) * personal[i];
    rank = next;
  }

  // A file the question names outright ranks first: the graph adds what it uses, it does not outvote it.
  const files = paths.map((path, i) => ({ path, score: rank[i] + personal[i] }))
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
  const fileScore = new Map(files.map((f) => [f.path, f.score]));
  const usedBy = new Map<string, number>();
  for (const f of index.files.values()) for (const name of Object.keys(f.refs)) usedBy.set(name, (usedBy.get(name) ?? 0) + 1);
  const definitions: RankedDefinition[] = [];
  for (const path of paths) {
    for (const d of index.files.get(path)!.defs) {
      const mentioned = overlap(terms, identifierWords(d.name));
      const score = fileScore.get(path)! * (1 + Math.log1p(usedBy.get(d.name) ?? 0)) * (1 + 2 * mentioned) * (d.parent ? 0.5 : 1);
      definitions.push({ ...d, path, score });
    }
  }
  definitions.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path) || a.startLine - b.startLine);
  return { files, definitions };
}
