// Brings the index up to date with a listing of the workspace: parses new and changed files (by stamp), drops
// files that vanished or became private, skips what skipReason rejects. The same routine serves the first
// build, a restart from the persisted index and a watcher's single-file change, so all three behave alike.

import { languageFor } from './languages';

/** Outside the workspace: absolute (POSIX, drive letter, UNC) or climbing out with `..`. */
const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\') || p === '..' || p.startsWith('../');
import type { TagParser } from './parser';
import type { RepoIndex } from './repoIndex';
import { skipReason } from './skip';

export interface ListedFile {
  /** Workspace-relative, forward slashes. */
  path: string;
  stamp: string;
  size: number;
  /**
   * Where the file really is when a symlink leads to it: workspace-relative, or absolute when outside the workspace.
   * Privacy is judged on it as well as on the link's path; a link out of the workspace is left out (the map is of
   * this workspace, and `~/.ssh` linked into it is not).
   */
  realPath?: string;
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
  const judged = (f: ListedFile) => !opts.isPrivate(f.path)
    && (f.realPath === undefined || (!isAbsolute(f.realPath) && !opts.isPrivate(f.realPath)));
  const wanted = files.filter((f) => languageFor(f.path) && judged(f) && !skipReason(f.path, f.size));
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
    if (index.stamp(f.path) === f.stamp && index.files.get(f.path)?.real === f.realPath) { stats.unchanged++; continue; }
    let text: string;
    try {
      text = await f.read();
    } catch {
      index.delete(f.path); // vanished between listing and reading
      continue;
    }
    if (skipReason(f.path, f.size, text) || opts.isPrivateContent?.(text)) { index.delete(f.path); stats.skipped++; continue; }
    const tags = await parser.tags(f.path, text);
    if (tags && !index.set(f.path, { ...tags, stamp: f.stamp, ...(f.realPath !== undefined ? { real: f.realPath } : {}) })) { stats.skipped++; continue; }
    stats.parsed++;
    if (opts.onProgress && !opts.onProgress(done, wanted.length)) { stats.cancelled = true; break; }
  }
  return stats;
}
