// The workspace's tags, file by file: updated one file at a time, persisted as versioned JSON. A format change
// bumps INDEX_VERSION and the stored index is discarded and rebuilt rather than misread.

import type { FileTags } from './tags';

export const INDEX_VERSION = 4;
/** Bounded memory: past this many files the map stops growing (the rest of a huge monorepo stays unindexed). */
export const MAX_INDEXED_FILES = 20_000;

export interface IndexedFile extends FileTags {
  /** Change stamp from the file system (mtime + size), so a rebuild skips unchanged files. */
  stamp: string;
  /** Where the file really is when it was reached through a symlink (workspace-relative): judged too. */
  real?: string;
}

interface Stored { version: number; files: Record<string, IndexedFile> }

export class RepoIndex {
  readonly files = new Map<string, IndexedFile>();
  /** Bumped on every change, so what is derived from the index (the lexical index, the graph) knows it is stale. */
  revision = 0;

  set(path: string, file: IndexedFile): boolean {
    if (!this.files.has(path) && this.files.size >= MAX_INDEXED_FILES) return false;
    this.files.set(path, file);
    this.revision++;
    return true;
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.revision++;
  }

  stamp(path: string): string | undefined {
    return this.files.get(path)?.stamp;
  }

  toJSON(): Stored {
    return { version: INDEX_VERSION, files: Object.fromEntries(this.files) };
  }

  /** An index of another version, or anything unreadable, yields an empty index: it is rebuilt, never misread. */
  static fromJSON(data: unknown): RepoIndex {
    const index = new RepoIndex();
    const d = data as Partial<Stored> | null;
    if (!d || typeof d !== 'object' || d.version !== INDEX_VERSION || !d.files || typeof d.files !== 'object') return index;
    for (const [p, f] of Object.entries(d.files)) {
      if (f && typeof f.stamp === 'string' && Array.isArray(f.defs) && f.refs && typeof f.refs === 'object') index.set(p, f);
    }
    return index;
  }
}
