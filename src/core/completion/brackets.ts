// Bracket bookkeeping for post-processing: a suggestion may close what the prefix opened, but when the
// suffix already holds those closers (auto-closed by the editor) the suggestion must not add them again.

const OPEN_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const OPENERS = new Set(['(', '[', '{']);

/** Unclosed openers of `text`, innermost last. Skips quoted strings and `//` / `#` line comments (roughly). */
export function openBrackets(text: string): string[] {
  const stack: string[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote || (c === '\n' && quote !== '`')) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; continue; }
    if ((c === '/' && text[i + 1] === '/') || c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      continue;
    }
    if (OPENERS.has(c)) stack.push(c);
    else if (c in OPEN_OF) {
      if (stack[stack.length - 1] === OPEN_OF[c]) stack.pop();
    }
  }
  return stack;
}

/**
 * Cuts a suggestion at a closer that matches nothing (the model wandered out of the enclosing block), and drops
 * the trailing closers of brackets the prefix opened when the suffix already starts with them.
 */
export function balanceBrackets(completion: string, prefixOpen: readonly string[], suffix: string): string {
  const local: string[] = [];
  const outer = [...prefixOpen];
  let quote = '';
  // Start of the trailing run made only of whitespace, `;`/`,` and closers of prefix brackets.
  let tailStart = -1;
  for (let i = 0; i < completion.length; i++) {
    const c = completion[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote || (c === '\n' && quote !== '`')) quote = '';
      tailStart = -1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; tailStart = -1; continue; }
    if (OPENERS.has(c)) { local.push(c); tailStart = -1; continue; }
    if (c in OPEN_OF) {
      if (local.length) {
        if (local[local.length - 1] !== OPEN_OF[c]) return completion.slice(0, i);
        local.pop();
        tailStart = -1;
        continue;
      }
      if (outer[outer.length - 1] !== OPEN_OF[c]) return completion.slice(0, i);
      outer.pop();
      if (tailStart < 0) tailStart = i;
      continue;
    }
    if (/\s|[;,]/.test(c)) continue;
    tailStart = -1;
  }
  if (tailStart < 0) return completion;
  const tail = completion.slice(tailStart).replace(/\s+/g, '');
  if (!/[)\]}]/.test(tail)) return completion;
  return startsIgnoringSpace(suffix, tail) || startsIgnoringSpace(suffix, tail.replace(/[;,]+$/, ''))
    ? completion.slice(0, tailStart)
    : completion;
}

/** `text` with its whitespace removed starts with `head` (itself without whitespace); reads only as far as needed. */
function startsIgnoringSpace(text: string, head: string): boolean {
  let j = 0;
  for (let i = 0; i < text.length && j < head.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]!))) continue;
    if (text[i] !== head[j]) return false;
    j++;
  }
  return j === head.length;
}
