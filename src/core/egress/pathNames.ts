// A private file's name is private too: `deals/acquire-Northwind.xlsx` says what the folder the user kept back holds.
// Attached files and the repo map already leave private files out; what is left is a path the user (or a quoted
// log) typed into the text. Each word that reads as a path with a folder in it is judged by the user's own rules
// (`.aiignore`, Private Globs) and redacted when they make it private. The built-in deny-list is not applied here:
// its names are generic (`.env`, `secrets/`) and a question about them says nothing about this workspace.

import type { Finding } from '../request';
import type { PathPolicy } from '../privacy/paths';
import { asPath, LOOKS_LIKE_FILE, NOT_A_FILE } from '../privacy/filePaths';

// Characters that end a word: whitespace, quotes, brackets, list punctuation.
const STOP = /[\s"'`()<>[\]{},;|*]/;

export function findPrivatePathNames(scanned: { text: string; findings: Finding[] }[], policy: PathPolicy): number {
  let found = 0;
  const judged = new Map<string, boolean>();
  for (const s of scanned) {
    const { text } = s;
    // Only the words around a slash are read (a 2,000-line file has a few hundred), each judged once per request.
    for (let at = text.indexOf('/'), next = 0; at !== -1; at = text.indexOf('/', next)) {
      let start = at;
      while (start > 0 && at - start < 1024 && !STOP.test(text[start - 1])) start--;
      let end = at + 1;
      while (end < text.length && end - at < 1024 && !STOP.test(text[end])) end++;
      next = end + 1;
      const word = text.slice(start, end).replace(/[.,:;!?]+$/, '');
      if (word.length < 3 || /:\/\/(?!\/)/.test(word) || word.startsWith('/')) continue;
      const p = asPath(word).replace(/^\.\/+/, '');
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
