// Building one FIM request from the pruned window: single- or multi-line mode from the cursor's context, the
// snippets prepended to the prefix, the stops, the token cap, and what post-processing will need.
import type { FimProvider } from '../wire/types';
import { fimTemplateFor } from '../providers/fimTemplates';
import type { CompletionInput, CompletionSettings, EngineOptions } from './engineTypes';
import { openBrackets } from './brackets';
import { decideLineMode, type LineMode } from './postprocess';
import { renderSnippets } from './snippets';
import { cursorContext, type CursorContext } from './window';

export type FimBody = Parameters<FimProvider['complete']>[0];

export interface PostprocessArgs { ctx: CursorContext; mode: LineMode; maxLines: number; stops: string[]; prefixOpen: string[]; suffix: string }

export interface FimRequest {
  mode: LineMode;
  model: string;
  body: FimBody;
  pp: PostprocessArgs;
}

export function buildFimRequest(
  input: CompletionInput, win: { prefix: string; suffix: string }, s: CompletionSettings,
  opts: Pick<EngineOptions, 'snippetTokens' | 'definitionTokens' | 'stops' | 'temperature'>,
): FimRequest {
  const ctx = cursorContext(win.prefix, win.suffix);
  const mode = decideLineMode(ctx);
  const model = s['local.completionModel'];
  const list = s['completion.useSnippets'] ? (typeof input.snippets === 'function' ? input.snippets() : input.snippets) : undefined;
  const snippets = list?.length ? renderSnippets(list, input.languageId, opts.snippetTokens) : '';
  const defs = typeof input.definitions === 'function' ? input.definitions() : input.definitions;
  const definitions = defs?.length ? renderSnippets(defs, input.languageId, opts.definitionTokens) : '';
  const stops = mode === 'single' ? [...opts.stops, '\n'] : opts.stops;
  // Single-line: the server stops at the newline itself (usage stays exact); the client check is a backstop.
  const body = {
    model, prefix: definitions + snippets + win.prefix, suffix: win.suffix, stop: stops,
    maxTokens: mode === 'single' ? 64 : Math.min(512, 24 * s['completion.maxLines']),
    temperature: opts.temperature,
  };
  // The family's template tokens are cut client-side too: a server that ignores `stop` must not leak them.
  const cut = [...opts.stops, ...fimTemplateFor(model).stop];
  return { mode, model, body, pp: { ctx, mode, maxLines: s['completion.maxLines'], stops: cut, prefixOpen: openBrackets(win.prefix), suffix: win.suffix } };
}
