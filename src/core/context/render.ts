// The map text: ranked files, each with its key definitions' signatures, cut to a token budget. Whole lines
// only — a file's entry is either complete or left out, so the model never sees half a signature.

import type { Ranking } from './rank';

export interface RenderedMap { text: string; files: number; tokens: number }

const DEFS_PER_FILE = 8;

export function renderRepoMap(ranking: Ranking, budgetTokens: number, countTokens: (s: string) => number): RenderedMap {
  const byFile = new Map<string, string[]>();
  for (const d of ranking.definitions) {
    const list = byFile.get(d.path) ?? [];
    if (list.length < DEFS_PER_FILE) list.push(`${d.startLine}: ${d.parent ? `${d.parent}.` : ''}${d.signature}`);
    byFile.set(d.path, list);
  }
  const parts: string[] = [];
  let tokens = 0;
  let files = 0;
  for (const { path } of ranking.files) {
    const defs = byFile.get(path);
    if (!defs) continue;
    const entry = `${path}:\n${defs.map((l) => `  ${l}`).join('\n')}\n`;
    const cost = countTokens(entry);
    if (tokens + cost > budgetTokens) continue; // a smaller, lower-ranked entry may still fit
    parts.push(entry);
    tokens += cost;
    files++;
  }
  return { text: parts.join(''), files, tokens };
}
