// How file paths appear in tool traffic: a `file://` URI or a plain path, a word that reads as a file, and the
// files a tool RESULT attributes its lines to. Shared by the agent adapter (core/native) and the egress gate.

/** A `file://` URI as a path (percent-escapes decoded: `%2Eenv` is `.env`); other text as it is. */
export function asPath(v: string): string {
  const t = v.trim();
  if (!/^file:\/\//i.test(t)) return t;
  const rest = t.replace(/^file:\/\//i, '');
  try { return decodeURIComponent(rest); } catch { return rest; }
}

// A word that reads as a file: it has a folder separator, starts with a dot or `~`, or ends in an extension.
// URLs, options and plain words (`npm`, `test`, `HEAD`) are not files.
export const LOOKS_LIKE_FILE = /^(?:[.~]|.*[\\/]|.*\.[A-Za-z0-9_-]{1,12}$)/;
export const NOT_A_FILE = /^(?:-|[a-z][a-z0-9+.-]*:\/\/(?!\/)|\d+(?:\.\d+)*$)/i;

// Where a tool RESULT says its text comes from: a search or a grep answers with lines of many files, each
// attributed — `<match path="…">`, `"filePath": "…"`, or grep's `path:12:` at the start of a line. Content from a
// private file is private whichever tool quoted it, even when the call's arguments named no file at all.
const RESULT_ATTR = /\b(?:path|filePath|file|uri|fileName|filename)\s*=\s*(?:"([^"\n]{1,1024})"|'([^'\n]{1,1024})')/gi;
const RESULT_JSON = /"(?:path|filePath|file|uri|fileName|filename)"\s*:\s*"([^"\n]{1,1024})"/gi;
const RESULT_GREP = /^(?:\.\/)?((?:[A-Za-z]:)?[^\s:"'<>|]{0,1024}(?:[\\/][^\s:"'<>|]{1,256}|\.[A-Za-z0-9_-]{1,12})):\d+[:-]/gm;

/** Files a tool result attributes its lines to (bounded: a huge result cannot stall the request). */
export function resultMentions(text: string): string[] {
  const found = new Set<string>();
  for (const re of [RESULT_ATTR, RESULT_JSON, RESULT_GREP]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && found.size < 500; m = re.exec(text)) {
      const p = asPath(m[1] ?? m[2] ?? '');
      if (p.length >= 2 && !NOT_A_FILE.test(p) && LOOKS_LIKE_FILE.test(p)) found.add(p.replace(/^\.\/+/, ''));
    }
  }
  return [...found];
}
