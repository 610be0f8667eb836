// The unescaped view: string escapes and character references read as the characters they stand for.

import { ViewBuilder, type View } from './builder';

const ESCAPE = /\\u\{([0-9a-fA-F]{1,5})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|&#x([0-9a-fA-F]{1,5});|&#(\d{1,6});/g;
// JSON's `\/` too, where a JSON string holds an escaped URL (`postgres:\/\/user:pw@…`, as PHP's json_encode and older
// Jackson write every URL): elsewhere `\/` is a regex literal's slash, and reading it would build this view (and
// run every detector over it once more) for most source files.
const ESCAPE_AND_SLASH = new RegExp(`${ESCAPE.source}|\\\\(\\/)`, 'g');
/** A JSON string that starts with an escaped URL: `"postgres:\/\/…` (a regex literal's `https?:\/\/` is not one). */
const JSON_URL = /"[A-Za-z][A-Za-z0-9+.-]{0,30}:\\\/\\\//;

/** String escapes and character references read as the characters they stand for (`\u0070assword`). */
export function unescapedView(text: string): View | undefined {
  if (!text.includes('\\') && !text.includes('&#')) return undefined;
  const re = text.includes(':\\/\\/') && JSON_URL.test(text) ? ESCAPE_AND_SLASH : ESCAPE;
  re.lastIndex = 0;
  let m = re.exec(text);
  if (!m) return undefined;
  const view = new ViewBuilder(text);
  let pos = 0;
  for (; m; m = re.exec(text)) {
    view.copy(pos, m.index);
    const hexDigits = m[1] ?? m[2] ?? m[3] ?? m[4];
    const cp = m[6] ? 0x2f : hexDigits !== undefined ? parseInt(hexDigits, 16) : parseInt(m[5], 10);
    view.emit(cp <= 0x10ffff ? String.fromCodePoint(cp) : '', m.index);
    pos = m.index + m[0].length;
  }
  return view.finish(pos);
}
