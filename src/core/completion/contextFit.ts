// The completion prompt must fit the window the model really has: the smaller of hybrid.local.numCtx (what we ask
// Ollama to allocate) and the model's trained context length (/api/show). When those disagree, or the loaded
// instance runs with another size (/api/ps), say so once: Ollama truncates silently, and reloads a model whose
// context size a request changes.

import type { ModelResidency } from '../wire/types';
import type { CompletionSettings, EngineOptions } from './engineTypes';

export interface PromptBudget {
  prefixTokens: number;
  suffixTokens: number;
  /** Cross-file context: snippets and definitions. */
  contextTokens: number;
  /** The longest answer asked for. */
  maxTokens: number;
}

export interface FittedBudget extends PromptBudget {
  window: number;
  notes: string[];
}

/** Room kept for the FIM template tokens and the estimate's error. */
const SLACK_TOKENS = 64;

export function fitPrompt(b: PromptBudget, model: string, numCtx: number, r: ModelResidency | undefined): FittedBudget {
  const notes: string[] = [];
  let window = numCtx > 0 ? numCtx : Infinity;
  if (r?.contextLength && r.contextLength < window) {
    if (numCtx > 0) notes.push(`hybrid.local.numCtx is ${numCtx} but ${model} supports ${r.contextLength} tokens: completion prompts are fitted to ${r.contextLength}.`);
    window = r.contextLength;
  }
  if (r?.loaded && r.loadedContext && numCtx > 0 && r.loadedContext !== numCtx) {
    notes.push(`${model} is loaded with a ${r.loadedContext}-token context but hybrid.local.numCtx is ${numCtx}: Ollama reloads the model for requests with the other size.`);
  }
  const want = b.prefixTokens + b.suffixTokens + b.contextTokens + b.maxTokens + SLACK_TOKENS;
  if (!Number.isFinite(window) || want <= window) return { ...b, window, notes };
  const room = Math.max(0, window - b.maxTokens - SLACK_TOKENS);
  const scale = room / (b.prefixTokens + b.suffixTokens + b.contextTokens);
  notes.push(`The completion prompt (${want} tokens with the answer) does not fit the ${window}-token window of ${model}: it is cut to fit.`);
  return {
    prefixTokens: Math.floor(b.prefixTokens * scale), suffixTokens: Math.floor(b.suffixTokens * scale),
    contextTokens: Math.floor(b.contextTokens * scale), maxTokens: b.maxTokens, window, notes,
  };
}

/** Shares a fitted cross-file budget between definitions and snippets in their configured proportion. */
export function splitContext(total: number, o: EngineOptions): { snippetTokens: number; definitionTokens: number } {
  const sum = o.snippetTokens + o.definitionTokens;
  if (sum <= 0 || total >= sum) return { snippetTokens: o.snippetTokens, definitionTokens: o.definitionTokens };
  const definitionTokens = Math.floor((total * o.definitionTokens) / sum);
  return { snippetTokens: total - definitionTokens, definitionTokens };
}

/**
 * The budget of the settings and the model's window, recomputed only when either changes (settings objects are
 * replaced on change, residency on a new answer); each note is said once.
 */
export class BudgetMemo {
  private fitted: { s: CompletionSettings; r: unknown; b: FittedBudget } | undefined;
  private readonly said = new Set<string>();

  constructor(private readonly opts: Pick<EngineOptions, 'snippetTokens' | 'definitionTokens'>, private readonly onNote: (note: string) => void) {}

  fit(s: CompletionSettings, r: ModelResidency | undefined): FittedBudget {
    if (this.fitted?.s === s && this.fitted.r === r) return this.fitted.b;
    const b = fitPrompt({
      prefixTokens: s['completion.prefixTokens'], suffixTokens: s['completion.suffixTokens'],
      contextTokens: this.opts.snippetTokens + this.opts.definitionTokens, maxTokens: Math.min(512, 24 * s['completion.maxLines']),
    }, s['local.completionModel'], s['local.numCtx'], r);
    for (const n of b.notes) if (!this.said.has(n)) { this.said.add(n); this.onNote(n); }
    this.fitted = { s, r, b };
    return b;
  }
}
