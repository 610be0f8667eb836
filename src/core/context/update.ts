// Brings the index up to date with a listing of the workspace: parses new and changed files (by stamp), drops
// files that vanished or became private, skips what skipReason rejects. The same routine serves the first
// build, a restart from the persisted index and a watcher's single-file change, so all three behave alike.

import { languageFor } from './languages';
import type { TagParser } from './parser';
import type { RepoIndex } from './repoIndex';
import { skipReason } from './skip';

export interface ListedFile {
  /** Workspace-relative, forward slashes. */
  path: string;
  stamp: string;
  size: number;
  read(): Promise<string>;
}

export interface UpdateOptions {
  isPrivate(path: string): boolean;
  /** True when the content makes the whole file private (a proprietary marker): it is then left out entirely. */
  isPrivateContent?(text: string): boolean;
  /** Called after each parsed file; return false to stop (cancel). */
  onProgress?(done: number, total: number): boolean;
  /** Complete listing: files in the index but not in the listing are removed. False for a watcher's partial update. */
  complete?: boolean;
}

export interface UpdateStats { parsed: number; unchanged: number; skipped: number; removed: number; cancelled: boolean }

export async function updateIndex(index: RepoIndex, files: ListedFile[], parser: TagParser, opts: UpdateOptions): Promise<UpdateStats> {
  const stats: UpdateStats = { parsed: 0, unchanged: 0, skipped: 0, removed: 0, cancelled: false };
  const wanted = files.filter((f) => languageFor(f.path) && !opts.isPrivate(f.path) && !skipReason(f.path, f.size));
  if (opts.complete) {
    const keep = new Set(wanted.map((f) => f.path));
    for (const p of [...index.files.keys()]) if (!keep.has(p)) { index.delete(p); stats.removed++; }
  } else {
    for (const f of files) if (!wanted.includes(f) && index.files.has(f.path)) { index.delete(f.path); stats.removed++; }
  }
  stats.skipped = files.length - wanted.length;
  let done = 0;
  for (const f of wanted) {
    done++;
    if (index.stamp(f.path) === f.stamp) { stats.unchanged++; continue; }
    let text: string;
    try {
      text = await f.read();
    } catch {
      index.delete(f.path); // vanished between listing and reading
      continue;
    }
    if (skipReason(f.path, f.size, text.slice(0, 4000)) || opts.isPrivateContent?.(text)) { index.delete(f.path); stats.skipped++; continue; }
    const tags = await parser.tags(f.path, text);
    if (tags && !index.set(f.path, { ...tags, stamp: f.stamp })) { stats.skipped++; continue; }
    stats.parsed++;
    if (opts.onProgress && !opts.onProgress(done, wanted.length)) { stats.cancelled = true; break; }
  }
  return stats;
}
