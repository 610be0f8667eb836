// Turns whatever ended a request (a guard deadline, an SDK error class, a Node errno) into one ProviderFailure
// whose message names the cause and the fix. Messages never carry a key or prompt text: server text is scrubbed.

import { duration, errnoOf, hostOf, inSentence, pageText, scrub, waitFor } from './failureText';
import { parseRetryAfter } from './responseChecks';
import type { GuardState } from './guard';
import { modelMissingFailure } from './retiredModel';
import { isGatewayBudgetError } from '../team/gateway';
import { tlsAdvice, tlsProblemOf } from '../route/tlsTrust';
import { rateLimitScope, tooLargeFailure } from './limitText';
import type { ProviderFailure } from '../wire/types';

export interface FailureContext {
  /** Display name, e.g. "Anthropic", "OpenAI", "Ollama", "the local OpenAI-compatible server". */
  name: string;
  baseUrl: string;
  model: string;
  /** Setting that holds the base URL, e.g. "hybrid.anthropic.baseUrl". */
  baseUrlSetting: string;
  /** Setting that holds the model, e.g. "hybrid.cloud.model". */
  modelSetting: string;
  /** Setting that holds the first-byte time-out. */
  timeoutSetting: string;
  firstByteTimeoutMs: number;
  idleTimeoutMs: number;
  state: GuardState;
  /** Cloud providers point at the API key command; local ones do not need a key. */
  usesApiKey: boolean;
  apiKey?: string;
  /** The environment variable the key came from (nothing stored), for a rejection that says where the key lives. */
  keyFromEnv?: string;
  /** The request's text as sent: a server that quotes it back in an error has it cut out of the message. */
  sentText?: string;
  /** Set where the model may be Anthropic's: the wall-clock time a 404 is judged by (providers/retiredModel.ts). */
  eolNow?: number;
  /** What to set the model setting to instead of a retired model; unset on a gateway, whose groups only it knows. */
  eolReplacement?: string;
}

const SET_KEY = '“Hybrid: Set API Key”';

/** Deadline flags first: an abort the guard caused looks like any other abort to the SDK. */
export function deadlineFailure(ctx: FailureContext): ProviderFailure | undefined {
  if (ctx.state.misrouted) return { code: 'notLocal', message: ctx.state.misrouted, fix: 'openSettings' };
  if (ctx.state.notApi) {
    return {
      code: 'notApi', status: ctx.state.lastStatus ?? 200,
      message: `${ctx.name} at ${ctx.baseUrl} answered with a web page (${ctx.state.notApi}), not the API — check ${ctx.baseUrlSetting}: it must be the API's address (an OpenAI-compatible one usually ends in /v1), not a web UI or a sign-in page.`,
      fix: 'openSettings',
    };
  }
  if (ctx.state.timedOut) {
    return {
      code: 'timeout',
      // Headers (and keep-alives) without an answer are a time-out too: the user waited for words, not for bytes.
      message: ctx.state.headersSeen
        ? `${ctx.name} accepted the request but sent no answer within ${duration(ctx.firstByteTimeoutMs)} — try again, or raise ${ctx.timeoutSetting} if the model is just slow to start.`
        : `${ctx.name} sent no response within ${duration(ctx.firstByteTimeoutMs)} — try again, or raise ${ctx.timeoutSetting}.`,
      fix: 'retry',
    };
  }
  if (ctx.state.stalled) {
    return {
      code: 'stalled',
      message: `${ctx.name} stopped sending in the middle of the answer (nothing for ${duration(ctx.idleTimeoutMs)}) — the answer is incomplete; try again, or raise hybrid.timeouts.idleMs if the model is just slow.`,
      fix: 'retry',
    };
  }
  if (ctx.state.malformed) return protocolFailure(ctx, 'sent a malformed chunk');
  return undefined;
}

export function protocolFailure(ctx: FailureContext, what: string): ProviderFailure {
  return { code: 'protocol', message: `${ctx.name} ${what} — the answer may be incomplete; try again.`, fix: 'retry' };
}

export function connectionFailure(ctx: FailureContext, err: unknown): ProviderFailure {
  const tls = tlsProblemOf(err);
  if (tls) return { code: 'connection', message: `${ctx.name} at ${hostOf(ctx.baseUrl)}: ${tlsAdvice('the server', tls)}.`, fix: 'openSettings' };
  const code = errnoOf(err);
  const why = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ECONNRESET' ? 'connection reset' : code ? code : 'connection failed';
  // The server answered (its headers came) and then the connection broke: it was reached, the network changed.
  if (ctx.state.headersSeen) {
    return {
      code: 'connection',
      message: `The connection to ${inSentence(ctx.name)} was lost before the answer began (${why}) — check your network, then try again.`,
      fix: 'retry',
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      code: 'connection',
      message: `Cannot find the host ${hostOf(ctx.baseUrl)} for ${inSentence(ctx.name)} (DNS lookup failed) — check ${ctx.baseUrlSetting} and your network.`,
      fix: 'openSettings',
    };
  }
  return {
    code: 'connection',
    message: `Cannot reach ${inSentence(ctx.name)} at ${ctx.baseUrl} (${why}) — check your network and ${ctx.baseUrlSetting}.`,
    fix: 'retry',
  };
}

export interface HttpErrorInfo {
  status: number;
  /** Parsed error body, or text. */
  body: unknown;
  headers?: Headers;
}

/** The error text of a provider body: {error:{message}} (Anthropic, OpenAI) or {error:"…"} (Ollama). */
export function errorMessageOf(body: unknown): string {
  if (typeof body === 'string') return pageText(body);
  if (!body || typeof body !== 'object') return '';
  const b = body as { error?: unknown; message?: unknown };
  if (typeof b.error === 'string') return b.error;
  if (b.error && typeof b.error === 'object') {
    const m = (b.error as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  }
  if (typeof b.message === 'string') return b.message;
  // FastAPI (LiteLLM's own routes): {detail: "…"} or {detail: {error: "…"}}.
  const d = (b as { detail?: unknown }).detail;
  return d !== undefined && d !== body && !Array.isArray(d) ? errorMessageOf(d) : '';
}

function errorTypeOf(body: unknown): string {
  const e = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (!e || typeof e !== 'object') return '';
  const o = e as { type?: unknown; code?: unknown; details?: { error_code?: unknown } };
  return [o.type, o.code, o.details?.error_code].filter((x) => typeof x === 'string').join(' ');
}

/** Spend caps and empty balances: retrying does not restore access (security-facts §3.1, §3.2). */
export function isQuotaError(status: number, body: unknown): boolean {
  const type = errorTypeOf(body);
  const msg = errorMessageOf(body);
  if (/insufficient_quota|enforced_spend_limit_reached|credit_balance_exhausted|spend_limit_exceeded|usage_limit_exceeded|billing_hard_limit/.test(type)) return true;
  if (status === 429 && /usage limits|spend limit|exceeded your current quota/i.test(msg)) return true;
  return status === 400 && /credit balance is too low/i.test(msg);
}

/** Refusals that retrying cannot fix: spend caps, and a gateway's team/key budget (LiteLLM `budget_exceeded`). */
export function quotaBodyCheck(status: number, text: string): boolean {
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* text body */ }
  return isQuotaError(status, body) || isGatewayBudgetError(status, body);
}

/** A gateway's key/user/team budget is used up: before the answer (an HTTP status) or inside a 200 stream. */
function budgetFailure(ctx: FailureContext, status: number | undefined): ProviderFailure {
  return {
    code: 'budget', ...(status !== undefined ? { status } : {}),
    message: `${ctx.name} refused the request: the team or key budget on the gateway is used up${status !== undefined ? ` (${status})` : ''} — ask your gateway admin to raise it, or use Ask (private); retrying will not help.`,
    fix: 'retryLocal',
  };
}

export function httpFailure(ctx: FailureContext, e: HttpErrorInfo): ProviderFailure {
  const { status, body } = e;
  const serverText = scrub(errorMessageOf(body), ctx.apiKey, ctx.sentText);
  if (isGatewayBudgetError(status, body)) return budgetFailure(ctx, status);
  if (isQuotaError(status, body) || (status === 429 && ctx.state.quota)) {
    return {
      code: 'quota', status,
      message: `${ctx.name} refused the request because the account's spend limit or credit is used up (${status}) — raise the limit or add credit in the ${ctx.name} console; retrying will not help.`,
      fix: 'retryLocal',
    };
  }
  const refusal = gatewayRefusal(ctx, status, body, serverText);
  if (refusal) return refusal;
  if (status === 401 || status === 403) {
    const what = status === 401 ? 'rejected the API key' : 'refused access with this API key';
    if (ctx.usesApiKey && ctx.keyFromEnv) {
      const env = ctx.keyFromEnv;
      // The variable is named once: no key is stored, so it is the one to correct, unset or override.
      return { code: 'auth', status, message: `${ctx.name} ${what} from the environment variable ${env} (${status}) — no key is stored, so that variable was used: correct or unset it, or run ${SET_KEY} (a stored key is used first).`, fix: 'setApiKey' };
    }
    return ctx.usesApiKey
      ? { code: 'auth', status, message: `${ctx.name} ${what} (${status}) — run ${SET_KEY}.`, fix: 'setApiKey' }
      : { code: 'auth', status, message: `${ctx.name} at ${ctx.baseUrl} refused the request (${status}) — check the server's access settings.`, fix: 'openSettings' };
  }
  if (status === 404) return modelMissingFailure(ctx, status, serverText);
  // A proxy's "Request Header Or Cookie Too Large" is about the headers, not the prompt: less context will not help.
  const aboutHeaders = /\b(header|cookie)s?\b/i.test(serverText);
  if (status === 413 || (status === 400 && !aboutHeaders && /too long|too large|context length|context window|maximum|exceed|too many tokens/i.test(serverText))) {
    return tooLargeFailure(ctx.model, status, serverText);
  }
  if (status === 429) {
    const retryAfterMs = retryAfterOf(e.headers) ?? ctx.state.retryAfterMs;
    const scope = rateLimitScope(serverText, e.headers);
    return {
      code: 'rateLimited', status,
      message: `${ctx.name} is rate-limiting requests (429${scope ? `: ${scope}` : ''}) — try again in ${retryAfterMs !== undefined ? waitFor(retryAfterMs) : 'a minute'}.`,
      fix: 'retryLocal',
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  if (status >= 500) {
    const tries = ctx.state.attempts > 1 ? ` after ${ctx.state.attempts} attempts` : '';
    const what = status === 529 ? 'is overloaded' : 'had a server error';
    return {
      code: 'server', status,
      message: `${ctx.name} ${what} (${status})${tries} — try again later.`,
      fix: 'retryLocal',
    };
  }
  return {
    code: 'unknown', status,
    message: `${ctx.name} rejected the request (${status})${serverText ? `: ${serverText}` : ''}.`,
    fix: 'showLogs',
  };
}

/**
 * LiteLLM's own refusals that its status alone misnames: a model the key (or its team) may not use is a 401/403 with
 * a good key (`key_model_access_denied`, `team_model_access_denied`); an expired key is a 400 (`expired_key`); an
 * unknown model group is a 400 ("Invalid model name passed in model=…"), as is OpenAI's `model_not_found`.
 */
function gatewayRefusal(ctx: FailureContext, status: number, body: unknown, serverText: string): ProviderFailure | undefined {
  const type = errorTypeOf(body);
  const msg = errorMessageOf(body);
  if (/model_access_denied/.test(type) || /not allowed to access model/i.test(msg)) {
    const who = /team_model_access_denied|^team not allowed/i.test(`${type} ${msg}`) ? 'your team' : 'this key';
    return {
      code: 'modelMissing', status,
      message: `${ctx.name} does not let ${who} use “${ctx.model}” (${status}) — choose a model it allows in ${ctx.modelSetting}, or ask your gateway admin to add it.`,
      fix: 'openSettings',
    };
  }
  if (/expired_key/.test(type) || (status === 400 || status === 401) && /expired key/i.test(msg)) {
    return { code: 'auth', status, message: `${ctx.name} says the key has expired (${status}) — get a new one from your admin and run ${SET_KEY}.`, fix: 'setApiKey' };
  }
  if (status === 400 && (/model_not_found/.test(type) || /invalid model name passed in model=|model .{1,200} does not exist/i.test(serverText))) {
    return modelMissingFailure(ctx, status, serverText);
  }
  return undefined;
}

function retryAfterOf(headers: Headers | undefined): number | undefined {
  if (!headers || typeof headers.get !== 'function') return undefined;
  return parseRetryAfter(headers);
}

type ErrorClass = abstract new (...args: never[]) => Error;

/** The SDK's own error classes (matched with instanceof: minified builds rename classes). */
export interface SdkErrorClasses {
  api: ErrorClass;
  connection: ErrorClass;
  timeout: ErrorClass;
}

/** Errors raised by the Stainless SDKs (Anthropic, OpenAI): same shapes, different classes. */
export function sdkFailure(ctx: FailureContext, err: unknown, classes: SdkErrorClasses): ProviderFailure {
  const e = err as { status?: unknown; error?: unknown; headers?: unknown; message?: string } | undefined;
  if (e && typeof e.status === 'number') {
    // A body without `error` (FastAPI's {detail}, vLLM's {object: "error", message}, a proxy's HTML page): the SDK
    // keeps nothing of it but, for a body that is not JSON, its message; the guard kept the refusal's text.
    const kept = e.error === undefined ? keptBody(ctx.state.errorBody ?? ctx.state.quotaBody) : undefined;
    const text = e.error === undefined && kept === undefined && typeof e.message === 'string' ? e.message.replace(new RegExp(`^${e.status}\\s+`), '') : undefined;
    const body = e.error ?? kept ?? (text && !/^status code \(no body\)$/.test(text) ? text : undefined);
    return httpFailure(ctx, { status: e.status, body, headers: e.headers instanceof Headers ? e.headers : undefined });
  }
  if (err instanceof classes.timeout) return deadlineFailure({ ...ctx, state: { ...ctx.state, timedOut: true } })!;
  if (err instanceof classes.connection) return connectionFailure(ctx, err);
  if (err instanceof classes.api) {
    // An error event inside a 200 stream (Anthropic `event: error`, OpenAI `data: {error}`).
    if (isGatewayBudgetError(undefined, { error: e?.error })) return budgetFailure(ctx, undefined);
    const type = errorTypeOf(e?.error) || errorTypeOf({ error: e?.error });
    const first = type.split(' ')[0];
    // A key that expired or was revoked while the answer ran (LiteLLM's error event): the fix is a new key, not a retry.
    if (/expired_key|auth_error|authentication_error|invalid_api_key/.test(type) || /expired key|invalid proxy server token/i.test(errorMessageOf({ error: e?.error }))) {
      return { code: 'auth', message: `${ctx.name} stopped the answer: ${/expired/i.test(`${type} ${errorMessageOf({ error: e?.error })}`) ? 'the key has expired' : 'it no longer accepts the key'} — the answer is incomplete; get a new key from your admin and run ${SET_KEY}.`, fix: 'setApiKey' };
    }
    if (/overloaded|api_error|server_error/.test(type)) {
      return { code: 'server', message: `${ctx.name} failed in the middle of the answer (${first}) — the answer is incomplete; try again.`, fix: 'retry' };
    }
    return protocolFailure(ctx, `sent an error in the middle of the answer${first ? ` (${first})` : ''}`);
  }
  // MessageStream re-wraps the JSON.parse SyntaxError in its own error class, keeping the message.
  if (err instanceof SyntaxError || (err as { cause?: unknown } | undefined)?.cause instanceof SyntaxError) return protocolFailure(ctx, 'sent a malformed chunk');
  if (errnoOf(err)) return connectionFailure(ctx, err);
  return {
    code: 'unknown',
    message: `${ctx.name} request failed: ${scrub(e?.message ?? String(err), ctx.apiKey, ctx.sentText)} — see the Hybrid log.`,
    fix: 'showLogs',
  };
}

function keptBody(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try { return JSON.parse(text) as unknown; } catch { return text; }
}

/** " (request req_…)" for the log: the id support asks for; never a key or prompt text. */
export function requestIdOf(err: unknown): string {
  const id = (err as { requestID?: unknown } | undefined)?.requestID;
  return typeof id === 'string' && /^[\w-]{1,100}$/.test(id) ? ` (request ${id})` : '';
}
