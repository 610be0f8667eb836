// Secrets written backwards (`"…_phg".split('').reverse()`, `TOKEN = "…"[::-1]`, a reversed `.env` line) or in
// rot13 (`tuc_…`, `cnffjbeq = …`, `codecs.decode(…, 'rot13')`): no detector reads them, and both undo in one
// step. Reading every line both ways would triple the scan; instead a line is read back only when it holds a
// trigger written the same way: a distinctive vendor prefix or a credential word, reversed or rot13'd (`_phg`,
// `DROWSSAP`, `tuc_`, `frperg`). The line comes back as an encoded run (decoded.ts' shape), so a hit anywhere in
// it covers the whole line, and the scanner keeps only secrets from it.

import { KeywordIndex } from '../keywords';
import type { EncodedRun } from './decoded';

// A database URL carries its password after the scheme (`postgres://app:…@db`): the scheme is the trigger.
const CREDENTIAL_WORDS = ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'access_key', 'private key', 'bearer',
  'postgres://', 'postgresql://', 'mysql://', 'mongodb://', 'mongodb+srv://', 'redis://', 'rediss://', 'amqp://', 'amqps://'];
/** Longest line read back (a minified file's line is not someone's reversed key). */
const MAX_LINE = 4000;

export const reverse = (s: string): string => {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    // Keep surrogate pairs in order.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) { out += s[i - 1] + s[i]; i--; } else out += s[i];
  }
  return out;
};
export const rot13 = (s: string): string => s.replace(/[A-Za-z]/g, (c) => {
  const base = c <= 'Z' ? 65 : 97;
  return String.fromCharCode(base + ((c.charCodeAt(0) - base + 13) % 26));
});

export class TransformTriggers {
  private readonly reversed: { prefixes: KeywordIndex; words: KeywordIndex };
  private readonly rotated: { prefixes: KeywordIndex; words: KeywordIndex };
  /** Every trigger, either way: a text holding none of them has no line to read back. */
  readonly triggers: readonly string[];
  private readonly any: KeywordIndex;

  /** `keywords`: the secret detectors' pre-filter literals; the distinctive ones (a separator or digit in them) are used. */
  constructor(keywords: Iterable<string>) {
    const words = CREDENTIAL_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1)]);
    const prefixes = [...new Set([...keywords].filter((k) => k.length >= 4 && /[A-Za-z]/.test(k) && /[_\-.\d]/.test(k) && !/\s/.test(k))), 'AKIA', 'ASIA', 'AIza'];
    // A trigger that reads the same either way (or is itself a forward keyword) would send ordinary lines back.
    const forward = new Set([...prefixes, ...words]);
    const index = (f: (s: string) => string) => ({ prefixes: new KeywordIndex(prefixes.map(f).filter((k) => !forward.has(k))), words: new KeywordIndex(words.map(f).filter((k) => !forward.has(k))) });
    this.reversed = index(reverse);
    this.rotated = index(rot13);
    this.triggers = [...new Set([...prefixes, ...words].flatMap((k) => [reverse(k), rot13(k)]).filter((k) => !forward.has(k)))];
    this.any = new KeywordIndex(this.triggers);
  }

  /**
   * The lines holding a reversed or rot13 trigger, read back. `present`: the keywords found in `text` by an index
   * holding every trigger (the scanner's one pass over the text), so the text is not read once more for them.
   */
  runs(text: string, present?: ReadonlySet<string>): EncodedRun[] {
    if (present ? !this.triggers.some((k) => present.has(k)) : this.any.present(text).size === 0) return [];
    const out: EncodedRun[] = [];
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      if (end - start <= MAX_LINE) {
        const line = text.slice(start, end);
        for (const [t, encoding, f] of [[this.reversed, 'reversed', reverse], [this.rotated, 'rot13', rot13]] as const) {
          const word = t.words.present(line).size > 0;
          // A prefix read back (`.tap` is `pat.` backwards) proves less than a credential word: only the vendor's own
          // format may be found on such a line, not a generic assignment in what is likely minified code.
          if (word || t.prefixes.present(line).size > 0) out.push({ start, end, decoded: f(line), encoding, ...(word ? {} : { specificOnly: true }) });
        }
      }
      start = end + 1;
    }
    return out;
  }
}
