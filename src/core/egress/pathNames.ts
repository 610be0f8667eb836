// A private file's name is private too: `deals/acquire-Northwind.xlsx` says what the folder the user kept back holds.
// Attached files and the repo map already leave private files out; what is left is a path the user (or a quoted
// log) typed into the text. Each word that reads as a path with a folder in it is judged by the user's own rules
// (`.aiignore`, Private Globs) and redacted when they make it private. The built-in deny-list is not applied here:
// its names are generic (`.env`, `secrets/`) and a question about them says nothing about this workspace.

import type { Finding } from '../request';
import type { PathPolicy } from '../privacy/paths';
import { asPath, LOOKS_LIKE_FILE, NOT_A_FILE } from '../privacy/filePaths';

const WORD = /[^\s"'`()<>[\]{},;|*]+/g;

export function findPrivatePathNames(scanned: { text: string; findings: Finding[] }[], policy: PathPolicy): number {
  let found = 0;
  for (const s of scanned) {
    if (!s.text.includes('/') && !s.text.includes('\\')) continue;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(s.text); m; m = WORD.exec(s.text)) {
      const word = m[0].replace(/[.,:;!?]+$/, '');
      if (word.length < 3 || word.length > 1024 || !/[\\/]/.test(word) || /:\/\/(?!\/)/.test(word)) continue;
      const p = asPath(word).replace(/^\.\/+/, '').replace(/\\/g, '/');
      if (NOT_A_FILE.test(p) || !LOOKS_LIKE_FILE.test(p) || p.startsWith('/')) continue;
      const v = policy.isPrivate(p);
      if (!v.private || (v.source !== 'aiignore' && v.source !== 'settings')) continue;
      const start = m.index;
      const end = start + word.length;
      if (s.findings.some((f) => f.start <= start && f.end >= end)) continue;
      s.findings.push({ kind: 'private-path-name', category: 'pii', start, end, line: s.text.slice(0, start).split('\n').length, label: 'name of a private file' });
      found++;
    }
  }
  return found;
}
