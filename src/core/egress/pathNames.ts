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
import { printedOutput } from './printedFiles';

// Characters that end a word: whitespace, quotes, brackets, list punctuation.
const STOP = /[\s"'`()<>[\]{},;|*]/;
// A slash, or a backslash before a name of two characters or more (an escape such as `\n"` or `\s+` starts no word).
const SEPARATOR = /\/|\\(?=[\w.@%$~-]{2})/g;
const ESCAPE_RUN = /\\[nrt](?=\\[nrt]|$)/;
// What follows a backslash in an escape rather than a folder name.
const ESCAPE = /^(?:u[0-9A-Fa-f]{4}|u\{|x[0-9A-Fa-f]{2}|[nrtbfv][A-Z]|[dDsSwWbB][-.@%$~]?$)/;
// An absolute POSIX path: names between single slashes (a `//` share at the start), none with a regex's or a glob's
// metacharacters, so `/^\s+$/` and `/*` in code cost no policy lookup; a stack frame's `:line:column` may follow.
const ABSOLUTE = /^\/{1,2}[^\s\\/:*?"<>|^$()[\]{}+]+(?:\/[^\s\\/:*?"<>|^$()[\]{}+]+)*\/?(?::\d+){0,2}$/;
// A quoted string that starts as an absolute path (drive, UNC, `~`, `/`) and has a space in it.
const QUOTED_PATH = /(["'`])((?:[A-Za-z]:[\\/]|\\\\|~[\\/]|\/)[^"'`\n\r<>|*?]{1,259}?\s[^"'`\n\r<>|*?]{0,259}?)\1/g;
// A word that starts as an absolute path: a drive, a UNC share, `~`, `/`, `%VAR%`.
// (Not `//`: a comment's `//#region src/config/x.ts` is not a path with a space.)
const STARTS_ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\\w|~[\\/]|\/(?!\/)[\w.~-]|%\w+%[\\/]|\$\{?HOME)/i;
// The user's home folder however it is written: `~/`, `~\`, `$HOME/`, `%USERPROFILE%\`.
const HOME = /^(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%|%HOMEPATH%)(?=[\\/])/i;
// Where the user's shell stood when a pasted listing was printed: `cd config` (`pushd`, `Set-Location`), a prompt `u@host:~/proj/deals$ `,
// PowerShell's `PS C:\proj\deals> `. A relative path in that text is relative to it.
// (Also as prose quotes it, "I ran `cd ~/proj/deals`", and into a variable the pasted session set: `D=deals; cd "$D"`.)
const CD = /(?:^|[\s;&|(`])(?:cd|pushd|chdir|Set-Location)[ \t]+(["']?)([^\s"'`;&|()]{1,256})\1(?=[ \t]*(?:$|[;&|)`]))/gm;
const SHELL_VAR = /(?:^|[\s;&|(`])(?:export[ \t]+|set[ \t]+)?([A-Za-z_]\w{0,40})=(["']?)([^\s"'`;&|()$]{1,256})\2(?=[ \t]*(?:$|[;&|)`]))/gm;
const PROMPT = /^(?:PS[ \t]+([A-Za-z]:\\[^\n>]{0,256})>|(?:[\w.-]{1,64}@[\w.-]{1,64}:)?((?:~|\/)[^\s$#>]{0,256})[$#])(?=[ \t])/gm;
// A file's bare name in prose or a listing (`payroll_Q3.csv`, `git status`'s `memo.md`): no folder, one of the
// extensions documents, data and sources have. (Not `console.log(` or `res.json(`: a call is no file.) Found from
// its extension back to the start of the name: a regex tried at every character cost 0.5 ms on 2,000 lines.
const BARE_EXT = /\.(?:csv|tsv|xlsx?|xlsm|docx?|pptx?|pdf|odt|ods|rtf|json|ya?ml|toml|ini|cfg|conf|txt|md|sql|sqlite|parquet|pem|p12|pfx|kdbx|zip|gz|bak|xml|ipynb|eml|msg|ts|tsx|js|py|go|rb|java|cs|rs|sh)(?![\w\/\\(-]|\.[A-Za-z])/g;
const BARE_SHAPE = /^[A-Za-z0-9_][\w-]{0,127}(?:\.[\w-]{1,32}){0,2}$/;

/** `roots`: the workspace folders' absolute paths, when the host knows them. */
export function findPrivatePathNames(scanned: { text: string; findings: Finding[] }[], policy: PathPolicy, roots: readonly string[] = []): number {
  // Only the user's own rules make a typed name private here: with none, nothing can be found.
  if (policy.userRules === false) return 0;
  let found = 0;
  const judged = new Map<string, boolean>();
  // A path typed from the folder above a workspace folder (`git status` there, a multi-root workspace's relative
  // path, a sibling checkout's `../proj/…`) starts with the folder's name: the policy matches what follows it.
  const rootNames = [...new Set(roots.map((r) => r.replace(/\\/g, '/').replace(/\/+$/, '')).map((r) => r.slice(r.lastIndexOf('/') + 1)).filter((n) => n.length > 0))];
  const dirs = workingDirs(scanned.map((s) => s.text));
  for (const s of scanned) {
    const { text } = s;
    // A bare file name is judged as a file at the top of the workspace and in each folder the shell stood in.
    BARE_EXT.lastIndex = 0;
    for (let m = BARE_EXT.exec(text); m; m = BARE_EXT.exec(text)) {
      let start = m.index;
      while (start > 0 && m.index - start < 200 && /[\w.-]/.test(text[start - 1])) start--;
      if (start > 0 && /[./\\@$%~-]/.test(text[start - 1])) continue;
      const end = m.index + m[0].length;
      if (BARE_SHAPE.test(text.slice(start, m.index)) && judge(text.slice(start, end))) flag(s, start, end);
    }
    // Only the words around a slash or backslash are read (a 2,000-line file has a few hundred), each judged once per request.
    SEPARATOR.lastIndex = 0;
    for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
      const at = m.index;
      let start = at;
      while (start > 0 && at - start < 1024 && !STOP.test(text[start - 1])) start--;
      let end = at + 1;
      while (end < text.length && end - at < 1024 && !STOP.test(text[end])) end++;
      SEPARATOR.lastIndex = end + 1;
      // Escaped text (`data\n\nUsage:\n` in a JSON string) is a word ending at its first run of line escapes, not a folder `n`.
      const raw = text.slice(start, end);
      const cut = raw.search(ESCAPE_RUN);
      const word = (cut >= 0 ? raw.slice(0, cut) : raw).replace(/[.,:;!?]+$/, '');
      if (word.length < 3 || /:\/\/(?!\/)/.test(word) || (word.includes('\\') && !windowsShaped(word)) || (word.startsWith('/') && !ABSOLUTE.test(word))) continue;
      const from = judge(word) ? start : joinedLeft(text, start, start + word.length);
      if (from !== undefined) flag(s, from, widenedRight(text, from, start + word.length));
    }
    // A quoted absolute path with a space in it (`"C:\Users\Jane Doe\deals\x.xlsx"`) is one name, not two words.
    QUOTED_PATH.lastIndex = 0;
    for (let m = QUOTED_PATH.exec(text); m; m = QUOTED_PATH.exec(text)) {
      if (judge(m[2])) flag(s, m.index + 1, m.index + 1 + m[2].length);
    }
  }
  return found;

  /** The word as typed, and (when relative) under each folder the pasted shell stood in. */
  function judge(word: string): boolean {
    if (judgeForm(word)) return true;
    if (dirs.length === 0 || /^(?:[\\/~$%]|[A-Za-z]:|file:)/i.test(word)) return false;
    const rel = word.replace(/^\.[\\/]+/, '');
    return dirs.some((d) => judgeForm(`${d}/${rel}`));
  }
  function judgeForm(word: string): boolean {
    const p = asPath(word).replace(/^\.[\\/]+/, '').replace(HOME, '/');
    if (NOT_A_FILE.test(p) || !LOOKS_LIKE_FILE.test(p)) return false;
    let isPrivate = judged.get(p);
    if (isPrivate === undefined) {
      isPrivate = false;
      for (const form of [p, ...underRootName(p)]) {
        const v = policy.isPrivate(form);
        if (v.private && (v.source === 'aiignore' || v.source === 'settings')) { isPrivate = true; break; }
      }
      judged.set(p, isPrivate);
    }
    return isPrivate;
  }
  /** `proj/config/x`, `../proj/config/x` → `config/x` when `proj` names a workspace folder. */
  function underRootName(p: string): string[] {
    if (rootNames.length === 0 || /^(?:[\\/]|[A-Za-z]:)/.test(p)) return [];
    const rel = p.replace(/\\/g, '/').replace(/^(?:\.{1,2}\/+)+/, '');
    return rootNames.filter((n) => rel.length > n.length + 1 && rel.startsWith(`${n}/`)).map((n) => rel.slice(n.length + 1));
  }
  /**
   * A path typed unquoted may have spaces in it. The words before this one (up to three, each one space apart) are
   * part of it when the joined text is a private path that starts as an absolute one (`C:\Users\Jane Doe\proj\…`),
   * or, when some rule names a file or folder with a space (`client data/`), whatever it starts with. Returns where
   * the private path starts, or undefined.
   */
  function joinedLeft(text: string, start: number, end: number): number | undefined {
    let from = start;
    for (let k = 0; k < 3 && from > 1 && text[from - 1] === ' ' && !/\s/.test(text[from - 2]); k++) {
      let w = from - 1;
      while (w > 0 && from - w < 256 && !STOP.test(text[w - 1])) w--;
      if (/[.,:;!?]$/.test(text.slice(w, from - 1))) return undefined;
      from = w;
      const joined = text.slice(from, end);
      // (Words that only look absolute, a comment's `//#region`, do not make the rest an absolute path.)
      const absolute = STARTS_ABSOLUTE.test(joined);
      if ((absolute || (policy.spacedNames && !/^(?:[\\/~]|[A-Za-z]:)/.test(joined))) && judge(joined)) return from;
    }
    return undefined;
  }
  /** A private path's name may go on past a space (`deals/Q3 board pack.xlsx`): up to three words, to the last one that names a file. */
  function widenedRight(text: string, from: number, end: number): number {
    const ends: number[] = [];
    let at = end;
    for (let k = 0; k < 3 && text[at] === ' ' && at + 1 < text.length && !/\s/.test(text[at + 1]); k++) {
      let e = at + 1;
      while (e < text.length && e - at < 256 && !STOP.test(text[e])) e++;
      const raw = text.slice(at + 1, e);
      const w = raw.replace(/[.,:;!?]+$/, '');
      if (/\.[A-Za-z0-9]{1,8}$|[\\/]/.test(w)) ends.push(at + 1 + w.length);
      if (w.length < raw.length) break; // a sentence or a clause ends here
      at = e;
    }
    for (const e of ends.reverse()) if (judge(text.slice(from, e))) return e;
    return end;
  }
  function flag(s: { text: string; findings: Finding[] }, start: number, end: number): void {
    if (s.findings.some((f) => f.start <= start && f.end >= end)) return;
    s.findings.push({ kind: 'private-path-name', category: 'pii', start, end, line: s.text.slice(0, start).split('\n').length, label: 'name of a private file' });
    // (What a terminal printed of it follows its name: that is the file itself.)
    const printed = printedOutput(s.text, start);
    if (printed) s.findings.push(printed);
    found++;
  }
}

/** The folders a pasted shell session stood in (`cd` targets and prompts), at most eight. */
function workingDirs(texts: readonly string[]): string[] {
  const out = new Set<string>();
  const vars = new Map<string, string>();
  for (const t of texts) {
    if (!t.includes('=')) continue;
    SHELL_VAR.lastIndex = 0;
    for (let m = SHELL_VAR.exec(t); m && vars.size < 32; m = SHELL_VAR.exec(t)) vars.set(m[1], m[3]);
  }
  const expand = (d: string): string => d.replace(/^\$\{?(\w{1,41})\}?/, (all, name: string) => vars.get(name) ?? all);
  for (const t of texts) {
    const cd = /cd[ \t]|pushd|chdir|Set-Location/.test(t);
    const prompt = t.includes('$ ') || t.includes('# ') || t.includes('> ');
    for (const re of [...(cd ? [CD] : []), ...(prompt ? [PROMPT] : [])]) {
      re.lastIndex = 0;
      for (let m = re.exec(t); m && out.size < 8; m = re.exec(t)) {
        const d = expand(re === CD ? m[2] : m[1] ?? m[2]).replace(/[\\/]+$/, '');
        if (d.length > 0 && !d.startsWith('$') && d !== '~' && d !== '-' && !/^\.+$/.test(d)) out.add(d);
      }
    }
  }
  return [...out];
}

/**
 * A word with backslashes is read as a Windows path when every name after a backslash is one: two characters or
 * more, none of `:*?"<>|` or a regex's metacharacters, not an escape (`\u2028`, `\x1B`, `\nError`). Escapes in code
 * and regexes are not paths, and judging each would cost the gate a policy lookup. A drive, UNC, `~` or `%VAR%`
 * prefix, JSON's doubled backslashes and a stack frame's `:line:column` are allowed.
 */
function windowsShaped(word: string): boolean {
  if (/\\\/|\/\\/.test(word)) return false;
  const rest = word.replace(/\\\\/g, '\\').replace(/^\\(?=[^\\])/, '').replace(/^(?:[A-Za-z]:|~|%\w+%|\$\{?\w+\}?)(?=\\)/, '').replace(/(?::\d+){1,2}$/, '');
  return rest.split('\\').every((seg, i) => !/[:*?"<>|^$()[\]{}+]/.test(seg) && (i === 0 || (seg.length >= 2 && !ESCAPE.test(seg))));
}
