// What an architecture question gets: the repo map plus the bodies of the highest-ranked definitions from other
// files, as ordinary context items — so they pass the classifier and the egress gate like any other context,
// and the chat lists each with its line range. Private files are filtered again here (not only when indexing):
// a .aiignore or privateGlobs change takes effect before the index catches up.

import type { ContextItem } from '../request';
import { rankRepo, type Ranking, type RankQuery } from './rank';
import type { RepoIndex } from './repoIndex';
import { redactAcrossViews } from './redactViews';
import { renderRepoMap } from './render';

export const REPO_MAP_PATH = 'repo map';
const MAX_SNIPPET_LINES = 60;
const MAX_SNIPPETS = 8;

export interface CodebaseOptions {
  mapTokens: number;
  /** Budget for definition bodies, on top of the map. */
  definitionTokens: number;
  isPrivate(path: string): boolean;
  readLines(path: string): Promise<string[] | undefined>;
  /**
   * The whole-file judge for a file read now (a marker added since the index was built): such a file gives no
   * snippet and leaves the map. Absent: the index's own judgement at indexing time stands.
   */
  isPrivateContent?(text: string): boolean;
  countTokens(text: string): number;
  /** Proprietary markers, passed to the scan of what is rendered. */
  markers?: string[];
  /** Reorders the ranking before the map is cut (the local-model rerank), after private files are dropped. */
  reorder?(ranking: Ranking): Promise<Ranking>;
}

export interface CodebaseContext {
  items: ContextItem[];
  mapFiles: number;
  mapTokens: number;
  /** For the route reasons, e.g. "attached a repo map of 142 files, 1,480 tokens and 6 definitions from 4 files". */
  summary: string;
  /** The ranking the map was cut from, with each file's reasons (for Explain Route). */
  ranking?: Ranking;
}

export async function buildCodebaseContext(index: RepoIndex, query: RankQuery, opts: CodebaseOptions): Promise<CodebaseContext> {
  let ranking = rankRepo(index, query);
  // Judged by the link's path and by where it leads (a link into a private folder is private).
  const isPrivate = (p: string) => {
    const real = index.files.get(p)?.real;
    return opts.isPrivate(p) || (real !== undefined && opts.isPrivate(real));
  };
  ranking.files = ranking.files.filter((f) => !isPrivate(f.path))
    .map((f) => (f.why ? { ...f, why: { ...f.why, neighbours: f.why.neighbours.filter((n) => !isPrivate(n)) } } : f));
  ranking.definitions = ranking.definitions.filter((d) => !isPrivate(d.path));
  if (opts.reorder) ranking = await opts.reorder(ranking);
  const map = renderRepoMap(ranking, opts.mapTokens, opts.countTokens);
  const items: ContextItem[] = [];
  if (map.files > 0) items.push({ source: 'snippet', path: REPO_MAP_PATH, text: map.text, startLine: 1, endLine: map.text.split('\n').length - 1 });

  let used = 0;
  const picked: ContextItem[] = [];
  const covered: Array<{ path: string; start: number; end: number }> = [];
  const lines = new Map<string, string[] | undefined>();
  const markedSince = new Set<string>();
  for (const d of ranking.definitions) {
    if (picked.length >= MAX_SNIPPETS) break;
    if (d.path === query.openPath) continue; // the open file is already the editor context
    const end = Math.min(d.endLine, d.startLine + MAX_SNIPPET_LINES - 1);
    if (covered.some((c) => c.path === d.path && c.start <= d.startLine && end <= c.end)) continue; // inside a picked class
    if (!lines.has(d.path)) {
      const read = await opts.readLines(d.path);
      if (read && opts.isPrivateContent?.(read.join('\n'))) markedSince.add(d.path);
      lines.set(d.path, markedSince.has(d.path) ? undefined : read);
    }
    const file = lines.get(d.path);
    if (!file) continue;
    const text = file.slice(d.startLine - 1, end).join('\n');
    const cost = opts.countTokens(text);
    if (used + cost > opts.definitionTokens) continue;
    used += cost;
    covered.push({ path: d.path, start: d.startLine, end });
    picked.push({ source: 'snippet', path: d.path, text, startLine: d.startLine, endLine: end });
  }
  if (markedSince.size > 0) {
    // A file found private only now leaves the map too (its name and signatures are from before the marker).
    ranking = { ...ranking, files: ranking.files.filter((f) => !markedSince.has(f.path)), definitions: ranking.definitions.filter((d) => !markedSince.has(d.path)) };
    const again = renderRepoMap(ranking, opts.mapTokens, opts.countTokens);
    items.length = 0;
    if (again.files > 0) items.push({ source: 'snippet', path: REPO_MAP_PATH, text: again.text, startLine: 1, endLine: again.text.split('\n').length - 1 });
    Object.assign(map, again);
  }
  items.push(...picked);
  const views = redactAcrossViews(items, opts.markers);
  const defFiles = new Set(picked.map((p) => p.path)).size;
  const summary = map.files === 0 ? 'no repo map: nothing indexable outside private files'
    : `attached a repo map of ${map.files} file${map.files === 1 ? '' : 's'}, ~${map.tokens.toLocaleString('en-US')} tokens`
      + (picked.length ? ` and ${picked.length} definition${picked.length === 1 ? '' : 's'} from ${defFiles} file${defFiles === 1 ? '' : 's'}` : '');
  return { items: views.items, mapFiles: map.files, mapTokens: map.tokens, summary, ranking };
}
