// Context from other files (recently edited / open), handed over by the adapter as plain data and rendered as
// comment lines above the prefix — the form Continue uses for models without a multi-file FIM template.

import { CHARS_PER_TOKEN } from './window';

export interface Snippet {
  /** Workspace-relative path, shown to the model as a header. */
  path: string;
  text: string;
}

const HASH_COMMENT = new Set([
  'python', 'shellscript', 'ruby', 'perl', 'r', 'yaml', 'toml', 'dockerfile', 'makefile', 'powershell',
  'coffeescript', 'elixir', 'julia', 'nim', 'crystal', 'cmake',
]);
const DASH_COMMENT = new Set(['sql', 'lua', 'haskell', 'elm', 'ada', 'vhdl']);

export function lineComment(languageId: string): string {
  if (HASH_COMMENT.has(languageId)) return '#';
  if (DASH_COMMENT.has(languageId)) return '--';
  return '//';
}

/** Renders snippets, most relevant first, until `maxTokens` is used; a snippet that does not fit is cut on a line. */
export function renderSnippets(snippets: readonly Snippet[], languageId: string, maxTokens: number): string {
  const comment = lineComment(languageId);
  let budget = maxTokens * CHARS_PER_TOKEN;
  let out = '';
  for (const s of snippets) {
    const header = `${comment} Path: ${s.path}\n`;
    if (budget <= header.length + 16) break;
    let body = '';
    for (const line of s.text.split('\n')) {
      const rendered = `${comment} ${line}\n`;
      if (header.length + body.length + rendered.length > budget) break;
      body += rendered;
    }
    if (!body) continue;
    out += header + body;
    budget -= header.length + body.length;
  }
  return out;
}
