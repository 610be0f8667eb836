// Encoded runs (base64 / hex / string escapes / percent-encoding) decoded, bounded by a budget, for the scanner
// to rescan; a hit anywhere inside a decoded run covers the whole encoded run.

import { B64_LOWER, B64_NOT_HEX, B64_OTHER, B64_UPPER, TextFacts } from '../textFacts';

export interface EncodedRun {
  start: number;
  end: number;
  decoded: string;
  encoding: 'base64' | 'hex' | 'url' | 'escape' | 'reversed' | 'rot13';
  /** Only findings of a specific rule count in it (not the generic ones): transformed.ts. */
  specificOnly?: boolean;
}

export class DecodeBudgetExceeded extends Error {}

// Candidates: base64(url) runs of ≥ 16 characters with both cases and a digit or + / (camelCase identifiers
// rarely qualify), hex runs of ≥ 24 digits, runs with ≥ 2 percent escapes. The runs themselves are shared with
// the unnamed-key detector (textFacts.ts).
function base64Runs(facts: TextFacts): { 0: string; index: number; hex: boolean; b64: boolean }[] {
  const out: { 0: string; index: number; hex: boolean; b64: boolean }[] = [];
  for (const r of facts.base64Runs()) {
    const b64 = (r.seen & (B64_UPPER | B64_LOWER | B64_OTHER)) === (B64_UPPER | B64_LOWER | B64_OTHER);
    const hex = (r.seen & B64_NOT_HEX) === 0 && (r.stop - r.start) >= 24 && (r.stop - r.start) % 2 === 0;
    if (b64 || hex) out.push({ 0: facts.text.slice(r.start, hex ? r.stop : r.end), index: r.start, hex, b64 });
  }
  return out;
}

// String escapes (\x67\x68, \u0067, \u{67}) and HTML character references (&#x67; &#103;), four or more in a row
// with at most a few plain characters between them.
const ESC_RUN = /(?:(?:\\x[0-9a-fA-F]{2}|\\u\{?[0-9a-fA-F]{4,5}\}?|&#x[0-9a-fA-F]{1,5};|&#\d{1,6};)[A-Za-z0-9_+/=.-]{0,3}){4,}/g;
// Bytes written apart, one separator throughout; tried only where a run starts (the look-behind).
const SPACED_HEX = /(?<![0-9A-Fa-fx:])(?:(?:0x)?[0-9A-Fa-f]{2}(?: |:|, ?)){15,}(?:0x)?[0-9A-Fa-f]{2}(?![0-9A-Fa-f])/g;

const HEXDUMP_ROW = /^[ \t]*(?:0x)?[0-9A-Fa-f]{4,8}:?[ \t]+((?:[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4})(?:[ \t]{1,2}(?:[0-9A-Fa-f]{4}|[0-9A-Fa-f]{2})){3,15})(?=[ \t]|$)/gm;
/**
 * One cheap test for both readers: hex pairs apart (bytes, `hexdump -C`, `0x67, 0x68`) or an `xxd` row's four-digit
 * groups after its offset. Each starts with a separator or a colon, which the regex engine finds fast; a pattern
 * starting with a hex digit was tried at every letter of a source file and cost ten times more.
 */
const HEX_PAIRS_HINT = /[ :,](?:0x)?[0-9A-Fa-f]{2}[ :,] ?(?:0x)?[0-9A-Fa-f]{2}[ :,] ?(?:0x)?[0-9A-Fa-f]{2}[ :,]/;
const XXD_HINT = /: [0-9A-Fa-f]{4} [0-9A-Fa-f]{4} [0-9A-Fa-f]{4} /;
const hexGroupsApart = (t: string): boolean => HEX_PAIRS_HINT.test(t) || XXD_HINT.test(t);
// Tried only where a run starts (the look-behind): from every position of a long run without an escape it
// backtracked quadratically, and 200 k of `%` held the gate for 26 s.
const PCT_RUN = /(?<![^\s'"`<>])[^\s'"`<>]*%[0-9A-Fa-f]{2}[^\s'"`<>]*/g;

/**
 * Encoded runs whose decoding is readable text. `budget` bounds the characters decoded in total; past it the
 * caller must treat the text as unscannable (a hostile blob must not stall the gate).
 */
export function decodedRuns(text: string, budget: number, facts = new TextFacts(text)): EncodedRun[] {
  const out: EncodedRun[] = [];
  let spent = 0;
  const spend = (n: number): void => {
    spent += n;
    if (spent > budget) throw new DecodeBudgetExceeded();
  };
  // Count before decoding anything: a hostile blob is refused after one cheap pass, not after a budget of work.
  const runs = base64Runs(facts);
  for (const m of runs) spend(m[0].length);
  for (const m of runs) {
    const s = m[0];
    const decoded = m.hex ? readable(Buffer.from(s, 'hex').toString('utf8')) : decodeBase64(s);
    if (decoded) out.push({ start: m.index, end: m.index + s.length, decoded, encoding: m.hex ? 'hex' : 'base64' });
  }
  // Hex bytes one by one (`xxd`, `od`, a debugger's memory view, a MAC-style `67:68:70`): 16 or more in a row.
  const hexHint = hexGroupsApart(text);
  if (hexHint) {
    SPACED_HEX.lastIndex = 0;
    for (let m = SPACED_HEX.exec(text); m; m = SPACED_HEX.exec(text)) {
      spend(m[0].length);
      const decoded = readable(Buffer.from(m[0].replace(/0x|[\s:,]/g, ''), 'hex').toString('utf8'));
      if (decoded) out.push({ start: m.index, end: m.index + m[0].length, decoded, encoding: 'hex' });
    }
  }
  // A hex dump (`xxd`, `hexdump -C`): rows of offset, byte groups and a text column, read as one run, so a value
  // cut at a row's end is whole again; the run covers the rows, text column included.
  if (hexHint) {
    HEXDUMP_ROW.lastIndex = 0;
    let run: { start: number; end: number; hex: string } | undefined;
    const flush = (): void => {
      const decoded = run && run.hex.length >= 32 ? readable(Buffer.from(run.hex, 'hex').toString('utf8')) : undefined;
      if (run && decoded) out.push({ start: run.start, end: run.end, decoded, encoding: 'hex' });
      run = undefined;
    };
    for (let m = HEXDUMP_ROW.exec(text); m; m = HEXDUMP_ROW.exec(text)) {
      spend(m[0].length);
      if (run && m.index !== run.end + 1) flush();
      const lineEnd = text.indexOf('\n', m.index);
      const end = lineEnd === -1 ? text.length : lineEnd;
      const hex = m[1].replace(/\s/g, '');
      run = run ? { ...run, end, hex: run.hex + hex } : { start: m.index, end, hex };
      HEXDUMP_ROW.lastIndex = end;
    }
    flush();
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
