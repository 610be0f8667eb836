// A file's privacy covers every part of it. A `// CONFIDENTIAL` header on line 1 makes the selection on line 40
// private too, so every context item taken from a file (selection, visible range, definitions, repo-map lines, a
// file a tool read) is judged by the whole file first, and only then by its own text. This is the one function
// that judges a whole file; adapters cache its verdict per document version, so it runs once per edit, not per
// request.

import type { ChatTurn, ContextItem } from '../request';
import { findMarkers } from './markers';
import type { PathPolicy } from './paths';
import { DEFAULT_MAX_BYTES } from './scan';
import { normalisedView } from './views/normalised';

export interface FileRules {
  pathPolicy: PathPolicy;
  /** `hybrid.privacy.markers`. */
  markers: string[];
}

export type FilePrivacy =
  | { private: false }
  | { private: true; kind: 'path' | 'marker' | 'unscannable'; reason: string };

export const PUBLIC_FILE: FilePrivacy = { private: false };

/**
 * Judges the file at `path` whose full text is `text`: private when a path rule, the default deny-list or
 * `.aiignore` names it, when a proprietary marker appears anywhere in it (also behind look-alike letters or
 * zero-width characters), or when it is too large to check (fail closed). `path` undefined: an unsaved buffer.
 */
export function judgeFile(path: string | undefined, text: string, rules: FileRules): FilePrivacy {
  if (path) {
    const verdict = rules.pathPolicy.isPrivate(path);
    if (verdict.private) return { private: true, kind: 'path', reason: `matches the private path rule "${verdict.rule ?? 'a private glob'}"` };
  }
  if (text.length > DEFAULT_MAX_BYTES) {
    return { private: true, kind: 'unscannable', reason: 'is too large to check for a proprietary marker' };
  }
  const markers = rules.markers.filter((m) => m && m.trim());
  if (markers.length === 0) return PUBLIC_FILE;
  let hit = findMarkers(text, markers)[0];
  if (!hit) {
    const view = normalisedView(text);
    const h = view ? findMarkers(view.text, markers)[0] : undefined;
    if (h && view) hit = { ...h, start: view.map[h.start] };
  }
  if (!hit) return PUBLIC_FILE;
  return { private: true, kind: 'marker', reason: `carries a ${hit.label} (line ${lineOf(text, hit.start)})` };
}

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The item as it leaves the adapter: marked with its file's verdict when the file is private. */
export function withFilePrivacy<T extends ContextItem>(item: T, verdict: FilePrivacy): T {
  return verdict.private ? { ...item, privateFile: { kind: verdict.kind, reason: verdict.reason } } : item;
}

/**
 * Remembers verdicts by a caller's key (a document URI plus its version, or a path plus its mtime) so a file is
 * read and judged once per change. Bounded: the oldest entries go first.
 */
export class FilePrivacyCache {
  private readonly entries = new Map<string, FilePrivacy>();

  constructor(private readonly capacity = 256) {}

  judge(key: string, rulesKey: string, path: string | undefined, text: () => string, rules: FileRules): FilePrivacy {
    const k = `${rulesKey}\u0000${key}`;
    const hit = this.entries.get(k);
    if (hit) {
      this.entries.delete(k);
      this.entries.set(k, hit);
      return hit;
    }
    const verdict = judgeFile(path, text(), rules);
    this.entries.set(k, verdict);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return verdict;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * An agent's tool results, each marked with the verdict on the whole file its call read (and on every file its
 * arguments name): `read_file` of lines 40–80 below a `// CONFIDENTIAL` header returns no marker, yet it is that
 * file. `judge` is the adapter's cached whole-file judge; turns without tool results come back as they were.
 */
export async function markToolResults(turns: ChatTurn[] | undefined, judge: (path: string) => Promise<FilePrivacy>): Promise<ChatTurn[] | undefined> {
  if (!turns?.some((t) => t.toolResults?.length)) return turns;
  return Promise.all(turns.map(async (t) => {
    if (!t.toolResults?.length) return t;
    const toolResults = await Promise.all(t.toolResults.map(async (r) => {
      if (r.privateFile) return r;
      for (const p of [...(r.path ? [r.path] : []), ...(r.mentions ?? [])]) {
        const v = await judge(p);
        // A big log a command merely names (`tail app.log`) is not refused for its size; the file read is.
        if (v.private && (p === r.path || v.kind !== 'unscannable')) return { ...r, privateFile: { kind: v.kind, reason: v.reason } };
      }
      return r;
    }));
    return { ...t, toolResults };
  }));
}
