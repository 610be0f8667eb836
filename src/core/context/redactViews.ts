// The repo map shows one file's text in several views: the map line (a definition's shortened first line), the
// definition body and the file list (paths). A value the scanner finds in any view is redacted in all of them, so
// a key cut short in the map, or named in a path, is never sent in one view while hidden in another.

import { scanSensitive } from '../privacy/scan';
import type { ContextItem } from '../request';

const VIEW_CATEGORIES = new Set(['secret', 'pii']);

export interface RedactedViews { items: ContextItem[]; redacted: number }

export function redactAcrossViews(items: ContextItem[], markers: string[] = []): RedactedViews {
  const values = new Map<string, string>();
  const collect = (text: string) => {
    for (const f of scanSensitive(text, { markers })) {
      if (!VIEW_CATEGORIES.has(f.category) || f.end <= f.start) continue;
      const value = text.slice(f.start, f.end);
      if (value.trim().length >= 4) values.set(value, `[REDACTED:${f.kind}]`);
    }
  };
  for (const item of items) {
    collect(item.text);
    if (item.path) collect(item.path);
  }
  if (values.size === 0) return { items, redacted: 0 };
  // Longest first: a value that contains another is replaced whole.
  const ordered = [...values].sort((a, b) => b[0].length - a[0].length);
  const apply = (text: string) => ordered.reduce((t, [value, label]) => t.split(value).join(label), text);
  return {
    items: items.map((i) => ({ ...i, text: apply(i.text), ...(i.path ? { path: apply(i.path) } : {}) })),
    redacted: values.size,
  };
}
