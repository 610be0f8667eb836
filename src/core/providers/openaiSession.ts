// What every OpenAI-compatible request needs before its first byte and after its last: the locality check (the
// private tier) or the seal check (the cloud), the key, the request guard with its deadlines, the SDK client, and
// one failure message for whatever ended it. Chat (openai.ts) and FIM (openaiFim.ts) share it.

import OpenAI from 'openai';
import { openAISdkBase } from './baseUrls';
import { beforeAnyText } from './beforeAnyText';
import { deadlineFailure, quotaBodyCheck, requestIdOf, sdkFailure, type FailureContext } from './failures';
import { RequestGuard } from './guard';
import { blockedFailure, keyShapeFailure, missingKeyFailure, resolveKey, type ApiKeyOption } from './keys';
import { notLocalEndpointFailure } from './notLocalFailures';
import type { Resolved } from './providerOptions';
import type { ProviderFailure, StreamHooks } from '../wire/types';
import { waitNotice } from './failureText';

/** true: private; a string: not private, with the reason; a failure: the check itself was refused (a bad key). */
export type LocalityVerdict = boolean | string | ProviderFailure;

export interface SessionConfig {
  o: Resolved;
  local: boolean;
  name: string;
  maxRetries: number;
  apiKey?: ApiKeyOption;
  isLocal(url: string): LocalityVerdict | Promise<LocalityVerdict>;
  /** Set when a key is required even on the private tier (a gateway group): the key's name for the message. */
  keyName?: string;
  /** The model whose FIM template a requested model needs (openAIFim). */
  templateModel?(model: string): string | Promise<string>;
  /** Checks each answer's headers before its body (RequestGuard `checkResponse`). */
  checkResponse?(res: Response): string | undefined | Promise<string | undefined>;
  /**
   * Checks the model each chunk says answered, before any of its text is shown: a reason to stop (a gateway group
   * answered by a model only non-private groups run), or undefined. Asked again only when the name changes.
   */
  checkModel?(model: string): Promise<string | undefined>;
  /** A gateway's cloud tier: model names may be Anthropic's, judged against their end-of-life dates. */
  anthropicModels?: boolean;
}

/** Both APIs stream, and both ask for the final usage chunk (the provider's counts are what the ledger bills). */
export const STREAM_WITH_USAGE = { stream: true, stream_options: { include_usage: true } } as const;

export interface OpenAISession { guard: RequestGuard; ctx: FailureContext; client: OpenAI }

/**
 * The session for one request, or why it cannot start (`failure` undefined: the user already cancelled).
 * `sealed` says whether the egress gate sealed the body; the cloud refuses anything else.
 */
export async function openSession(
  cfg: SessionConfig, req: { model: string; modelSetting: string; sentText: string; hooks?: StreamHooks; sendWhen?: Promise<unknown>; answerDeadlines?: boolean }, sealed: boolean, signal: AbortSignal,
):
Promise<{ session: OpenAISession } | { failure: ProviderFailure | undefined }> {
  const { o, local, name } = cfg;
  const { model, modelSetting } = req;
  // Before the locality check: a gateway without the key cannot say where the group runs, and "not private"
  // would send the user to the wrong setting.
  if (cfg.keyName && !(await resolveKey(cfg.apiKey))) return { failure: missingKeyFailure(cfg.keyName) };
  if (local) {
    const verdict = await cfg.isLocal(o.baseUrl);
    if (typeof verdict === 'object') return { failure: verdict };
    if (verdict !== true) {
      return { failure: typeof verdict === 'string'
        ? { code: 'notLocal', message: `Not sent: ${verdict}, so private content does not go there — see docs/team.md.`, fix: 'openSettings' }
        : notLocalEndpointFailure(o.baseUrl, 'hybrid.local.baseUrl') };
    }
  } else if (!sealed) {
    return { failure: blockedFailure('OpenAI') };
  }
  if (signal.aborted) return { failure: undefined };
  const apiKey = await resolveKey(cfg.apiKey);
  const keyed = !local || cfg.keyName !== undefined;
  if (!apiKey && !local) return { failure: missingKeyFailure(cfg.keyName ?? 'OpenAI') };
  const badKey = apiKey ? keyShapeFailure(keyed ? cfg.keyName ?? 'OpenAI' : 'local server', apiKey, keyed ? undefined : 'check HYBRID_LOCAL_API_KEY') : undefined;
  if (badKey) return { failure: badKey };
  const guard = new RequestGuard(signal, {
    firstByteTimeoutMs: o.firstByteTimeoutMs, idleTimeoutMs: o.idleTimeoutMs, maxRetryAfterMs: o.maxRetryAfterMs,
    isQuotaBody: quotaBodyCheck, ...(o.fetch ? { fetch: o.fetch } : {}), ...(cfg.checkResponse ? { checkResponse: (r: Response) => cfg.checkResponse!(r) } : {}),
    maxRetries: cfg.maxRetries, ...(req.hooks?.onWait ? { onWait: (w) => req.hooks!.onWait!(waitNotice(name, w)) } : {}),
    ...(req.sendWhen ? { sendWhen: req.sendWhen } : {}), ...(req.answerDeadlines ? { answerDeadlines: true } : {}),
  });
  const ctx: FailureContext = {
    name, baseUrl: o.baseUrl, model,
    baseUrlSetting: local ? 'hybrid.local.baseUrl' : 'hybrid.openai.baseUrl',
    modelSetting,
    timeoutSetting: local ? 'hybrid.timeouts.localFirstByteMs' : 'hybrid.timeouts.cloudFirstByteMs',
    firstByteTimeoutMs: o.firstByteTimeoutMs, idleTimeoutMs: o.idleTimeoutMs, state: guard.state,
    // What was sent, so server text that quotes the request is cut out of messages and logs (failureText.scrub).
    usesApiKey: keyed, ...(apiKey ? { apiKey } : {}), sentText: req.sentText,
    ...(keyed && o.keyFromEnv ? { keyFromEnv: o.keyFromEnv } : {}),
    ...(cfg.anthropicModels ? { eolNow: o.wallClock.now() } : {}),
  };
  const client = new OpenAI({
    // Local servers usually ignore the key; the SDK insists on one (and would otherwise read OPENAI_API_KEY).
    apiKey: apiKey ?? 'not-needed', organization: null, project: null, baseURL: openAISdkBase(o.baseUrl), maxRetries: cfg.maxRetries,
    timeout: o.firstByteTimeoutMs * 2, // backstop; the guard enforces the first-byte deadline
    fetch: guard.fetch, logLevel: 'off',
  });
  return { session: { guard, ctx, client } };
}

/** The one failure for an exception that ended a request: a deadline the guard set first, else the SDK's error. */
export function sessionFailure(cfg: SessionConfig, s: OpenAISession, err: unknown, streamedChars: number): ProviderFailure {
  const failure = beforeAnyText(deadlineFailure(s.ctx) ?? sdkFailure(s.ctx, err, {
    api: OpenAI.APIError, connection: OpenAI.APIConnectionError, timeout: OpenAI.APIConnectionTimeoutError,
  }), s.ctx.name, streamedChars);
  cfg.o.logger.warn(`${cfg.local ? 'openai-compatible' : 'openai'}: ${failure.code}${failure.status ? ` ${failure.status}` : ''} after ${s.guard.state.attempts} attempt(s)${requestIdOf(err)}`);
  return failure;
}

/** Each chunk's model through `checkModel`, asked once per name: a failure to end the stream with, or undefined. */
export function modelCheck(cfg: SessionConfig): (model: string | undefined) => Promise<ProviderFailure | undefined> {
  let checked: string | undefined;
  return async (model) => {
    if (!cfg.checkModel || !model || model === checked) return undefined;
    checked = model;
    const stop = await cfg.checkModel(model);
    return stop ? { code: 'notLocal', message: stop, fix: 'openSettings' } : undefined;
  };
}
