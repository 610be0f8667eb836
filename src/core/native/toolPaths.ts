// Which files an agent's tool call touches, read from its JSON arguments. `read_file {filePath}` names its file
// plainly, but an agent also reads files through a terminal (`cat private/plan.md`, `sed -n 1,80p "./secrets/x"`),
// nested argument objects and lists. Everything named here is judged by the private-path rules, so a private
// file's content is refused whichever tool carried it. Pure: no editor API.

import type { ToolCall } from '../request';
import { asPath, LOOKS_LIKE_FILE, NOT_A_FILE } from '../privacy/filePaths';

const PATH_KEYS = ['filePath', 'path', 'file', 'uri', 'fileName', 'filename', 'target'];

function parse(call: ToolCall): unknown {
  try { return JSON.parse(call.input || '{}'); } catch { return undefined; }
}

/** The file a tool call names in its arguments (read_file's `filePath` and the like), if any. */
export function toolReadPath(call: ToolCall): string | undefined {
  const args = parse(call);
  if (!args || typeof args !== 'object') return undefined;
  for (const k of PATH_KEYS) {
    const v = (args as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.trim()) return asPath(v);
  }
  return undefined;
}

// Shell words: quoted strings keep their spaces; redirections and pipes split words.
const WORD = /"([^"]*)"|'([^']*)'|([^\s"'|;&<>()]+)/g;

/** Words of a command line (or any argument text) that read as file paths. */
function filesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = asPath((m[1] ?? m[2] ?? m[3] ?? '').replace(/^[=:,]+|[,:;]+$/g, ''));
    if (w.length < 2 || w.length > 1024 || NOT_A_FILE.test(w) || !LOOKS_LIKE_FILE.test(w)) continue;
    out.push(w.replace(/^\.\/+/, ''));
  }
  return out;
}

/**
 * Every file a tool call's arguments name, other than `toolReadPath`'s: each string anywhere in the arguments
 * (nested objects and lists included) read as shell words. Bounded so a huge argument cannot stall the request.
 */
export function toolMentions(call: ToolCall): string[] {
  const args = parse(call);
  const primary = toolReadPath(call);
  const found = new Set<string>();
  let budget = 200;
  const walk = (v: unknown, depth: number): void => {
    if (budget <= 0 || depth > 8) return;
    if (typeof v === 'string') { budget--; for (const p of filesIn(v)) found.add(p); return; }
    if (Array.isArray(v)) { v.forEach((x) => walk(x, depth + 1)); return; }
    if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1);
  };
  // Arguments that are not JSON are still text the tool received.
  walk(args === undefined ? call.input : args, 0);
  if (primary) found.delete(primary);
  return [...found];
}

