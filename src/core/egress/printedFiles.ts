// A terminal that printed a private file: `$ cat pricing/engine.ts`, `u@box:~/shop/pricing$ head -3 engine.ts`,
// `PS> Get-Content .\deals\memo.md`, `C:\shop>type deals\memo.md`. The name is redacted where it stands (pathNames.ts); the lines the command printed
// are the file itself, and no rule can tell them from any other code. So when a private file is the operand of a
// command that prints files, on a line of its own, the output under it (to the next prompt, or the end of the text)
// is content from a private file, which blocks the request like an attached one.

import type { Finding } from '../request';

// A command line: perhaps a prompt, perhaps `sudo`, then a command that prints a file's lines.
const PRINTS = /^[ \t]*(?:(?:PS[ \t]+[^\n>]{0,256}>|[A-Za-z]:\\[^\n>]{0,256}>|[\w.-]{0,64}@?[\w.-]{0,64}:?[~/][^\s$#>]{0,256}[$#]|[$#>%])[ \t]*)?(?:sudo[ \t]+)?(?:cat|tac|head|tail|less|more|bat|batcat|nl|type|Get-Content|gc|sed|awk|view|xxd|hexdump|od|strings|cut|column|pr|fold|jq|yq)(?=[ \t])[^\n]*$/;
// The next command: a line that starts with a prompt.
const NEXT_PROMPT = /^[ \t]*(?:PS[ \t]+[^\n>]{0,256}>|[A-Za-z]:\\[^\n>]{0,256}>|[\w.-]{1,64}@[\w.-]{1,64}:[^\n$#]{0,256}[$#]|\$)[ \t]/m;

/** The output a print command at `at` wrote, as a blocking finding; undefined when `at` is on no such line. */
export function printedOutput(text: string, at: number): Finding | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  if (!PRINTS.test(text.slice(lineStart, lineEnd)) || lineEnd >= text.length) return undefined;
  const from = lineEnd + 1;
  const next = NEXT_PROMPT.exec(text.slice(from));
  const to = next ? from + next.index : text.length;
  if (to <= from || !text.slice(from, to).trim()) return undefined;
  return { kind: 'private-file-content', category: 'path', start: from, end: to, line: text.slice(0, from).split('\n').length, label: 'a private file printed in a terminal' };
}
