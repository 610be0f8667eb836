// Whether a ledger line that does not parse is a crash's cut (the start of a record, ended early) or damage (bytes
// changed inside a record that was written whole). A write torn by a crash or a full disk is a byte prefix of valid
// JSON; a flipped bit, a zeroed block or a stray character almost never is. Only the shape is checked: no values.

export type JsonShape = 'complete' | 'prefix' | 'invalid';

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_START = /^-?(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d*)?$/;
const LITERALS = ['true', 'false', 'null'];
const WS = new Set([' ', '\t', '\r', '\n']);

/**
 * 'complete': one JSON value; 'prefix': text a longer text could make valid (a cut); 'invalid': neither.
 * `end.inString` says a prefix ended inside a string.
 */
export function jsonShape(text: string, end: { inString?: boolean } = {}): JsonShape {
  end.inString = false;
  // What the scanner expects next: a value, an object key (or '}' right after '{'), ':', ',' or a closing bracket.
  let expect: 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'after' = 'value';
  const stack: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (WS.has(ch)) { i++; continue; }
    if (expect === 'after' && stack.length === 0) return 'invalid';
    if (expect === 'colon') { if (ch !== ':') return 'invalid'; expect = 'value'; i++; continue; }
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (ch === ',') { expect = top === '{' ? 'key' : 'value'; i++; continue; }
      if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) { stack.pop(); i++; continue; }
      return 'invalid';
    }
    if (expect === 'firstKey' && ch === '}') { stack.pop(); expect = 'after'; i++; continue; }
    if (expect === 'firstValue' && ch === ']') { stack.pop(); expect = 'after'; i++; continue; }
    if (expect === 'key' || expect === 'firstKey') {
      if (ch !== '"') return 'invalid';
      const close = stringEnd(text, i);
      if (close === 'invalid') return 'invalid';
      if (close === 'open') { end.inString = true; return 'prefix'; }
      i = close; expect = 'colon'; continue;
    }
    // A value.
    if (ch === '{') { stack.push('{'); expect = 'firstKey'; i++; continue; }
    if (ch === '[') { stack.push('['); expect = 'firstValue'; i++; continue; }
    if (ch === '"') {
      const close = stringEnd(text, i);
      if (close === 'invalid') return 'invalid';
      if (close === 'open') { end.inString = true; return 'prefix'; }
      i = close; expect = 'after'; continue;
    }
    let j = i;
    while (j < n && !WS.has(text[j]!) && !',]}:'.includes(text[j]!)) j++;
    const token = text.slice(i, j);
    const atEnd = j === n;
    if (NUMBER.test(token) || LITERALS.includes(token)) { i = j; expect = 'after'; continue; }
    if (atEnd && (NUMBER_START.test(token) || LITERALS.some((l) => l.startsWith(token)))) return 'prefix';
    return 'invalid';
  }
  return stack.length === 0 && expect === 'after' ? 'complete' : 'prefix';
}

/** Index after the closing quote of the string opening at `at`, 'open' if the text ends inside it. */
function stringEnd(text: string, at: number): number | 'open' | 'invalid' {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return 'invalid';
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === undefined) return 'open';
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]*$/.test(hex)) return 'invalid';
        if (hex.length < 4) return 'open';
        i += 5;
      } else if ('"\\/bfnrt'.includes(e)) i++;
      else return 'invalid';
    }
  }
  return 'open';
}
