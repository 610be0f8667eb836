// A private file's name is private too: `deals/acquire-Northwind.xlsx` says what the folder the user kept back holds.
// Attached files and the repo map already leave private files out; what is left is a path the user (or a quoted
// log) typed into the text. Each word that reads as a path with a folder in it is judged by the user's own rules
// (`.aiignore`, Private Globs) and redacted when they make it private. The built-in deny-list is not applied here:
// its names are generic (`.env`, `secrets/`) and a question about them says nothing about this workspace.
//
// A path is pasted in whatever spelling the user's shell or stack trace gave it: absolute (`/home/u/proj/deals/x`),
// Windows (`C:\work\proj\deals\x`, a `\\server\share` path, `./billing\keys.json`), a `file://` URI or under `~`.
// Each is judged as the context path policy judges an attached file outside the workspace: an absolute path is
// tried with every leading folder removed (paths.ts), and a home-relative one is absolute, so `~/proj/config/x`
// meets a root-anchored `/config/` rule as `/home/u/proj/config/x` would.

import type { Finding } from '../request';
import type { PathPolicy } from '../privacy/paths';
import { asPath, LOOKS_LIKE_FILE, NOT_A_FILE } from '../privacy/filePaths';

// Characters that end a word: whitespace, quotes, brackets, list punctuation.
const STOP = /[\s"'`()<>[\]{},;|*]/;
const SEPARATOR = /[\\/]/g;
// The user's home folder however it is written: `~/`, `~\`, `$HOME/`, `%USERPROFILE%\`.
const HOME = /^(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%|%HOMEPATH%)(?=[\\/])/i;

export function findPrivatePathNames(scanned: { text: string; findings: Finding[] }[], policy: PathPolicy): number {
  let found = 0;
  const judged = new Map<string, boolean>();
  for (const s of scanned) {
    const { text } = s;
    // Only the words around a slash or backslash are read (a 2,000-line file has a few hundred), each judged once per request.
    SEPARATOR.lastIndex = 0;
    for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
      const at = m.index;
      let start = at;
      while (start > 0 && at - start < 1024 && !STOP.test(text[start - 1])) start--;
      let end = at + 1;
      while (end < text.length && end - at < 1024 && !STOP.test(text[end])) end++;
      SEPARATOR.lastIndex = end + 1;
      const word = text.slice(start, end).replace(/[.,:;!?]+$/, '');
      if (word.length < 3 || /:\/\/(?!\/)/.test(word)) continue;
      const p = asPath(word).replace(/^\.[\\/]+/, '').replace(HOME, '/');
      if (NOT_A_FILE.test(p) || !LOOKS_LIKE_FILE.test(p)) continue;
      let isPrivate = judged.get(p);
      if (isPrivate === undefined) {
        const v = policy.isPrivate(p);
        isPrivate = v.private && (v.source === 'aiignore' || v.source === 'settings');
        judged.set(p, isPrivate);
      }
      const wordEnd = start + word.length;
      if (!isPrivate || s.findings.some((f) => f.start <= start && f.end >= wordEnd)) continue;
      s.findings.push({ kind: 'private-path-name', category: 'pii', start, end: wordEnd, line: text.slice(0, start).split('\n').length, label: 'name of a private file' });
      found++;
    }
  }
  return found;
}
