// Fits attached context into the target model's window. Whole lines are dropped from the end of the largest
// item first, so what remains is still the code the user pointed at, and each trimmed item is flagged. A first line
// that alone is over the budget is cut at a character.

import type { ContextItem } from '../request';

export interface TrimResult {
  items: ContextItem[];
  trimmed: boolean[];
}

export async function trimContext(
  items: ContextItem[],
  budgetTokens: number,
  count: (text: string) => Promise<number> | number,
  /** Counts of `items` the caller already took, so each text is counted once. */
  known?: number[],
): Promise<TrimResult> {
  const sizes = known && known.length === items.length ? [...known] : await Promise.all(items.map((i) => count(i.text)));
  const out = items.map((i) => ({ ...i }));
  const trimmed = items.map(() => false);
  let total = sizes.reduce((a, b) => a + b, 0);
  const budget = Math.max(0, budgetTokens);
  while (total > budget) {
    let largest = 0;
    for (let i = 1; i < sizes.length; i++) if (sizes[i] > sizes[largest]) largest = i;
    if (sizes[largest] === 0) break;
    const excess = total - budget;
    const item = out[largest];
    const lines = item.text.split('\n');
    const keepRatio = Math.max(0, (sizes[largest] - excess) / sizes[largest]);
    const keep = Math.min(lines.length - 1, Math.floor(lines.length * keepRatio));
    if (keep > 0) item.text = lines.slice(0, keep).join('\n');
    // One line larger than the budget (a minified bundle): dropping whole lines would leave nothing, and the model
    // would answer about an empty file. Its start is kept instead, cut at a character.
    else item.text = lines[0].slice(0, Math.floor(lines[0].length * keepRatio * 0.95));
    if (item.startLine !== undefined) item.endLine = item.startLine + Math.max(0, keep - 1);
    trimmed[largest] = true;
    const newSize = item.text ? await count(item.text) : 0;
    total += newSize - sizes[largest];
    sizes[largest] = newSize;
  }
  return { items: out, trimmed };
}
