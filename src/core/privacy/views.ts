// Alternative views of a text for the detectors, each with a map from view offsets back to the original, so an
// attacker cannot hide a value behind a spelling the rules do not read:
// - normalised: NFKC (full-width → ASCII), invisibles (zero-width, soft hyphen, BOM, bidi marks) stripped, common
//   Cyrillic/Greek homoglyphs folded to Latin;
// - joined: string concatenation (`"ab" + "cd"`, adjacent literals across lines) and backslash line continuations
//   removed, so a value split into pieces reads as one;
// - decoded: base64 / hex / percent-encoded runs decoded (bounded) and rescanned; a hit anywhere inside a decoded
//   run covers the whole encoded run.
// Views are only built when the text contains what they undo, so plain ASCII code costs one regex test each.

export interface View {
  text: string;
  /** map[i] = offset in the original of view character i; map[text.length] = end. */
  map: Int32Array;
}

/** Builds a view piece by piece, keeping for each view character the original offset it stands for. */
export class ViewBuilder {
  private readonly parts: string[] = [];
  private readonly map: number[] = [];
  constructor(private readonly source: string) {}

  /** Copies source[from, to) as it is. */
  copy(from: number, to: number): void {
    this.parts.push(this.source.slice(from, to));
    for (let i = from; i < to; i++) this.map.push(i);
  }

  /** Puts `s` in the view in place of the source at `at`. */
  emit(s: string, at: number): void {
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) this.map.push(at);
  }

  /** Copies the rest of the source from `from` and closes the map at the source's end. */
  finish(from: number): View {
    this.copy(from, this.source.length);
    this.map.push(this.source.length);
    return { text: this.parts.join(''), map: Int32Array.from(this.map) };
  }
}

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;
// Letters that render like Latin ones (Unicode confusables, the ones that matter in tokens).
const HOMOGLYPHS: Record<string, string> = {
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j', 'ԁ': 'd', 'ɡ': 'g',
  'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
  'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ν': 'v', 'α': 'a', 'ι': 'i', 'κ': 'k', 'ρ': 'p', 'τ': 't',
};

const DIGIT = /^\p{Nd}$/u;
/** A Unicode decimal digit's value: digits come in runs of ten from zero, so count the digits before it. */
function digitValue(cp: number): number {
  let k = 0;
  while (k < 9 && DIGIT.test(String.fromCodePoint(cp - k - 1))) k++;
  return k;
}

/** NFKC + invisibles + homoglyphs; undefined when the text is plain ASCII (nothing to normalise). */
export function normalisedView(text: string): View | undefined {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7F]/.test(text)) return undefined;
  const out: string[] = [];
  const map: number[] = [];
  let changed = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (cp < 128) { out.push(ch); map.push(i); i += width; continue; }
    if (INVISIBLE.test(ch)) { changed = true; i += width; continue; }
    let n = HOMOGLYPHS[ch] ?? ch.normalize('NFKC');
    // Decimal digits of other scripts (Arabic-Indic ٤, Devanagari ४, …) that NFKC leaves alone read as ASCII.
    if (n.length === 1 && n.charCodeAt(0) > 127 && DIGIT.test(n)) n = String(digitValue(n.codePointAt(0)!));
    if (n !== ch) changed = true;
    if (n.length === 0) { i += width; continue; }
    for (let k = 0; k < n.length; k++) { out.push(n[k]); map.push(i); }
    i += width;
  }
  if (!changed) return undefined;
  map.push(text.length);
  return { text: out.join(''), map: Int32Array.from(map) };
}

// `"abc" + "def"`, `'abc' . 'def'`, `"abc" "def"` (adjacent literals, incl. across a line break), `\`-newline.
// A template literal's `${…}` between two value characters (`sk-ant-${''}api03…`, `${"x"}`) is glue too: what the
// expression adds is unknown, and what stands on either side of it is read as one value. Likewise Ruby's `#{…}`,
// an empty literal in f-string / JSX braces (`{''}`), and shell quotes switching mid-word (`"abc"'def'`).
const JOIN = /(["'`])[ \t]*(?:\+|\.|\.\.|&|\|\|)?[ \t]*(?:\\?\r?\n[ \t]*(?:\+|\.|&)?[ \t]*)?\1|\\\r?\n[ \t]*|[$#]\{[^{}\r\n]{0,60}\}|\{[ \t]*(['"])\2[ \t]*\}|"'|'"/g;

/** The text with concatenation glue removed; undefined when there is none. */
export function joinedView(text: string): View | undefined {
  JOIN.lastIndex = 0;
  let m = JOIN.exec(text);
  if (!m) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (; m; m = JOIN.exec(text)) {
    // Only glue between two value-like characters; `"" + x` or `'a', 'b'` is not a split value.
    const before = text.charCodeAt(m.index - 1);
    const after = text.charCodeAt(m.index + m[0].length);
    if (!isValueChar(before) || !isValueChar(after)) continue;
    view.copy(pos, m.index);
    pos = m.index + m[0].length;
  }
  if (pos === 0) return undefined;
  return view.finish(pos);
}

function isValueChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 43
    || c === 47 || c === 61 || c === 46 || c === 126 || c === 58 || c === 64;
}

/**
 * Hard-wrapped values (a token broken at column 76 in an e-mail, a terminal paste, a YAML folded string): a line
 * that ends in ≥ 20 token characters, followed by a line that starts with token characters, is read as one.
 * Found from each newline by char code, so code without long runs costs one pass of indexOf.
 */
export function unwrappedView(text: string): View | undefined {
  const cuts: [number, number][] = [];
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    let end = nl;
    if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
    let run = 0;
    while (run < 20 && end - run - 1 >= 0 && isB64(text.charCodeAt(end - run - 1))) run++;
    if (run < 20) continue;
    let next = nl + 1;
    while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
    if (next < text.length && isB64(text.charCodeAt(next))) cuts.push([end, next]);
  }
  if (cuts.length === 0) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (const [a, b] of cuts) {
    view.copy(pos, a);
    pos = b;
  }
  return view.finish(pos);
}

const ESCAPE = /\\u\{([0-9a-fA-F]{1,5})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|&#x([0-9a-fA-F]{1,5});|&#(\d{1,6});/g;

/** String escapes and character references read as the characters they stand for (`\u0070assword`). */
export function unescapedView(text: string): View | undefined {
  if (!text.includes('\\') && !text.includes('&#')) return undefined;
  ESCAPE.lastIndex = 0;
  let m = ESCAPE.exec(text);
  if (!m) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (; m; m = ESCAPE.exec(text)) {
    view.copy(pos, m.index);
    const hexDigits = m[1] ?? m[2] ?? m[3] ?? m[4];
    const cp = hexDigits !== undefined ? parseInt(hexDigits, 16) : parseInt(m[5], 10);
    view.emit(cp <= 0x10ffff ? String.fromCodePoint(cp) : '', m.index);
    pos = m.index + m[0].length;
  }
  return view.finish(pos);
}

export interface EncodedRun {
  start: number;
  end: number;
  decoded: string;
  encoding: 'base64' | 'hex' | 'url' | 'escape';
}

export class DecodeBudgetExceeded extends Error {}

// Candidates: base64(url) runs of ≥ 16 characters with both cases and a digit or + / (camelCase identifiers
// rarely qualify), hex runs of ≥ 24 digits, runs with ≥ 2 percent escapes.

/** Runs of ≥ 16 base64(url) characters (plus padding), by char code: a regex visiting every word costs 5× more. */
function* base64Runs(text: string): Generator<{ 0: string; index: number; hex: boolean; b64: boolean }> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isB64(text.charCodeAt(i))) i++;
    const start = i;
    let upper = false;
    let lower = false;
    let other = false;
    let hex = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) { upper = true; if (c > 70) hex = false; } else if (c >= 97 && c <= 122) { lower = true; if (c > 102) hex = false; } else if (isB64(c)) { other = true; if (c > 57 || c < 48) hex = false; } else break;
    }
    let end = i;
    while (end < n && end - i < 2 && text.charCodeAt(end) === 61) end++;
    const b64 = upper && lower && other;
    hex = hex && (i - start) >= 24 && (i - start) % 2 === 0;
    if (i - start >= 16 && (b64 || hex)) yield { 0: text.slice(start, hex ? i : end), index: start, hex, b64 };
    i = Math.max(end, i + 1);
  }
}

function isB64(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45;
}
// String escapes (\x67\x68, \u0067, \u{67}) and HTML character references (&#x67; &#103;), four or more in a row
// with at most a few plain characters between them.
const ESC_RUN = /(?:(?:\\x[0-9a-fA-F]{2}|\\u\{?[0-9a-fA-F]{4,5}\}?|&#x[0-9a-fA-F]{1,5};|&#\d{1,6};)[A-Za-z0-9_+/=.-]{0,3}){4,}/g;
const PCT_RUN = /[^\s'"`<>]*%[0-9A-Fa-f]{2}[^\s'"`<>]*/g;

/**
 * Encoded runs whose decoding is readable text. `budget` bounds the characters decoded in total; past it the
 * caller must treat the text as unscannable (a hostile blob must not stall the gate).
 */
export function decodedRuns(text: string, budget: number): EncodedRun[] {
  const out: EncodedRun[] = [];
  let spent = 0;
  const spend = (n: number): void => {
    spent += n;
    if (spent > budget) throw new DecodeBudgetExceeded();
  };
  // Count before decoding anything: a hostile blob is refused after one cheap pass, not after a budget of work.
  const runs = [...base64Runs(text)];
  for (const m of runs) spend(m[0].length);
  for (const m of runs) {
    const s = m[0];
    const decoded = m.hex ? readable(Buffer.from(s, 'hex').toString('utf8')) : decodeBase64(s);
    if (decoded) out.push({ start: m.index, end: m.index + s.length, decoded, encoding: m.hex ? 'hex' : 'base64' });
  }
  if (text.includes('\\') || text.includes('&#')) {
    ESC_RUN.lastIndex = 0;
    for (let m = ESC_RUN.exec(text); m; m = ESC_RUN.exec(text)) {
      spend(m[0].length);
      const decoded = m[0].replace(/\\x([0-9a-fA-F]{2})|\\u\{?([0-9a-fA-F]{4,5})\}?|&#x([0-9a-fA-F]{1,5});|&#(\d{1,6});/g,
        (_, x: string, u: string, hx: string, dec: string) => String.fromCodePoint(parseInt(x ?? u ?? hx ?? dec, x || u || hx ? 16 : 10)));
      out.push({ start: m.index, end: m.index + m[0].length, decoded, encoding: 'escape' });
    }
  }
  if (text.includes('%')) {
    PCT_RUN.lastIndex = 0;
    for (let m = PCT_RUN.exec(text); m; m = PCT_RUN.exec(text)) {
      if (m[0].length === 0) { PCT_RUN.lastIndex++; continue; }
      spend(m[0].length);
      let decoded = m[0];
      // Nested redirects encode twice or three times.
      for (let round = 0; round < 3 && /%[0-9A-Fa-f]{2}/.test(decoded); round++) {
        try { decoded = decodeURIComponent(decoded.replace(/\+/g, ' ')); } catch { decoded = unescapeLoose(decoded); }
      }
      if (decoded !== m[0]) out.push({ start: m.index, end: m.index + m[0].length, decoded, encoding: 'url' });
    }
  }
  return out;
}

function decodeBase64(s: string): string | undefined {
  const std = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (std.length % 4 === 1) return undefined;
  return readable(Buffer.from(std, 'base64').toString('utf8'));
}

/** The decoded text when it is readable (printable, valid UTF-8), else undefined. */
function readable(s: string): string | undefined {
  if (s.length < 6 || s.includes('\uFFFD')) return undefined;
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) bad++;
  }
  return bad === 0 ? s : undefined;
}

function unescapeLoose(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
