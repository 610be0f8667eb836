// The context-provider hook the Ask pipeline calls: for Ask (auto) / Ask (cloud) questions about the system
// (or with #codebase) and hybrid.context.codebase = auto, adds the repo map and ranked definitions to the
// request's context, before classification, so they are classified and gated like the editor's context.

import type { AskInput } from '../../core/pipeline/ask';
import type { PathPolicy } from '../../core/privacy/paths';
import { judgeFile } from '../../core/privacy/filePrivacy';
import { REPO_MAP_PATH, wantsCodebase } from '../../core/context';
import type { Logger } from '../../core/ports';
import type { HybridSettings } from '../../core/settings';
import type { CodebaseIndexService } from './codebaseIndex';

// Explain Route previews what Ask (auto) would attach, so the user can remove files before anything is sent.
const ORIGINS: ReadonlySet<string> = new Set(['askAuto', 'askCloud', 'explainRoute']);

export interface CodebaseHookDeps {
  settings(): HybridSettings;
  pathPolicy(): PathPolicy;
  estimateTokens(text: string): number;
  logger: Logger;
}

export function createCodebaseHook(index: CodebaseIndexService, deps: CodebaseHookDeps): (input: AskInput) => Promise<AskInput> {
  return async (input) => {
    const s = deps.settings();
    if (s['context.codebase'] !== 'auto' || input.kind !== 'ask' || !ORIGINS.has(input.origin) || !wantsCodebase(input.question)) return input;
    const policy = deps.pathPolicy();
    const mapTokens = s['context.repoMapTokens'];
    const markers = s['privacy.markers'];
    // What the user removed with "Ask again without …" is left out like a private file (but not reported as one).
    const without = new Set(input.excludePaths ?? []);
    try {
      const ctx = await index.context({
        question: input.question,
        openPath: input.context.find((c) => c.path && c.path !== 'untitled')?.path,
        mapTokens, definitionTokens: mapTokens * 2,
        isPrivate: (p) => without.has(p) || policy.isPrivate(p).private,
        // The one whole-file judge (path rules are applied by isPrivate): a marked file contributes nothing, not
        // even its signatures.
        isPrivateContent: (text) => judgeFile(undefined, text, { pathPolicy: policy, markers }).private,
        contentRulesKey: JSON.stringify(markers),
        countTokens: deps.estimateTokens,
      });
      if (!ctx) return input;
      const items = without.has(REPO_MAP_PATH) ? ctx.items.filter((c) => c.path !== REPO_MAP_PATH) : ctx.items;
      const summary = without.has(REPO_MAP_PATH) ? `${ctx.summary.replace(/^attached a repo map of/, 'left out the repo map of')}` : ctx.summary;
      const notes = [summary, ...(without.size ? [`left out at your request: ${[...without].join(', ')}`] : [])];
      return { ...input, context: [...input.context, ...items], contextNotes: [...(input.contextNotes ?? []), ...notes] };
    } catch (err) {
      // The map is an extra: a parser failure must not cost the user the answer.
      deps.logger.warn(`repo map unavailable: ${err instanceof Error ? err.message : String(err)}`);
      return { ...input, contextNotes: [...(input.contextNotes ?? []), 'no repo map: the index could not be built (see the log)'] };
    }
  };
}
