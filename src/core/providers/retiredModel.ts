// The "model not found" failure, told apart from a retired model: after its end-of-life date Anthropic answers a
// deprecated model with the same 404 not_found_error as a typo, and "check hybrid.cloud.model" leaves the user
// looking for a typo that is not there.

import { dayText, modelLifecycle } from '../modelLifecycle';
import type { ProviderFailure } from '../wire/types';

/** The part of failures.ts's FailureContext this needs (declared here: failures.ts imports this file). */
interface ModelContext {
  name: string;
  model: string;
  modelSetting: string;
  eolNow?: number;
  eolReplacement?: string;
}

export function modelMissingFailure(ctx: ModelContext, status: number, serverText: string): ProviderFailure {
  const retired = retiredModelFailure(ctx, status, serverText);
  if (retired) return retired;
  return { code: 'modelMissing', status, message: `${ctx.name} does not know the model “${ctx.model}” (${status}) — check ${ctx.modelSetting}.`, fix: 'openSettings' };
}

/**
 * Only for a model past its end-of-life date, and only when the refusal is about the model: the server's text names
 * it (Anthropic: "model: claude-sonnet-4-5"; LiteLLM: "model=…") or says nothing. A 404 for a path ("POST
 * /v1/v1/messages not found": a base URL with one /v1 too many) is not the model's end-of-life, whatever the model.
 */
function retiredModelFailure(ctx: ModelContext, status: number, serverText: string): ProviderFailure | undefined {
  if (ctx.eolNow === undefined) return undefined;
  const life = modelLifecycle(ctx.model, ctx.eolNow);
  if (!life?.retired) return undefined;
  const text = serverText.toLowerCase();
  if (text.trim() && !text.includes(life.model) && !text.includes(ctx.model.trim().toLowerCase())) return undefined;
  const fix = ctx.eolReplacement ? `set ${ctx.modelSetting} to ${ctx.eolReplacement}` : `set ${ctx.modelSetting} to a current model`;
  return {
    code: 'modelMissing', status,
    message: `${ctx.name} no longer serves “${ctx.model}”: it reached end-of-life on ${dayText(life.eol)} (${status}) — ${fix}.`,
    fix: 'openSettings',
  };
}
