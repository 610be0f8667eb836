// Ollama's errors as the user should read them: the cause and the fix, one sentence each (model not pulled, server
// not running, busy, a router's bare 404), from the official client's ResponseError and Node's errno codes.

import { errnoOf, duration, pageText, scrub } from './failureText';
import { deadlineFailure, httpFailure, protocolFailure, type FailureContext } from './failures';
import { remoteModelFailure } from './notLocalFailures';
import type { ProviderFailure } from '../wire/types';
import { ollamaDown } from '../../shared/ollamaDown';

export /** Ollama's own "not pulled" text (`model 'x' not found`, older: `model "x" not found, try pulling it first`),
 * as opposed to a router's bare `404 page not found` for an endpoint the server does not have. */
function isModelNotFound(text: string): boolean {
  return /\bmodel\b.*not found/i.test(text);
}

export function pullFailure(model: string): ProviderFailure {
  return {
    code: 'modelMissing',
    message: `The model ${model} is not installed in Ollama — run \`ollama pull ${model}\`.`,
    fix: 'pullModel',
    fixDetail: `ollama pull ${model}`,
    status: 404,
  };
}

export function ollamaFailure(baseUrl: string, ctx: FailureContext, err: unknown, streamed = false): ProviderFailure {
  const deadline = deadlineFailure(ctx);
  if (deadline) {
    // A first-byte time-out on a local model is most often the model still loading into memory.
    return deadline.code === 'timeout'
      ? { ...deadline, message: `Ollama did not start answering within ${duration(ctx.firstByteTimeoutMs)} (the model may still be loading) — try again, or raise hybrid.timeouts.localFirstByteMs.` }
      : deadline;
  }
  const e = err as { name?: string; status_code?: unknown; error?: unknown; message?: string };
  if (e?.name === 'ResponseError' && typeof e.status_code === 'number') {
    // A proxy in front of Ollama answers with an HTML page: its words, not its markup.
    const text = pageText(typeof e.error === 'string' ? e.error : e.message ?? '');
    if (e.status_code === 404 && isModelNotFound(text)) return pullFailure(ctx.model);
    if (e.status_code === 404) {
      return { code: 'unknown', status: 404, message: `${baseUrl} answered 404 (${scrub(text, undefined, ctx.sentText)}) — check that hybrid.local.baseUrl points at Ollama.`, fix: 'openSettings' };
    }
    if (e.status_code === 403 && /remote/i.test(text)) return remoteModelFailure(ctx.model, 'Ollama cloud');
    if (e.status_code === 503) {
      return { code: 'server', status: 503, message: 'Ollama is busy (503: its request queue is full) — try again in a moment.', fix: 'retry' };
    }
    if (e.status_code >= 500) {
      return { code: 'server', status: e.status_code, message: `Ollama had a server error (${e.status_code}: ${scrub(text, undefined, ctx.sentText)}) — try again; if it repeats, check the Ollama log.`, fix: 'retry' };
    }
    return httpFailure(ctx, { status: e.status_code, body: { error: text } });
  }
  const code = errnoOf(err);
  // Words had come, then the connection went: Ollama quit (or was killed, e.g. out of memory) while answering.
  // "Not running" under half an answer read as if nothing had come.
  if (streamed && (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET')) {
    return {
      code: 'connection',
      message: `Ollama closed the connection in the middle of the answer (it stopped, or ran out of memory) — the answer is incomplete; if it stopped, ${ollamaDown().fix}, then retry.`,
      fix: 'startOllama',
    };
  }
  // The connection was taken, then dropped before any word (a reused socket is retried by loopbackFetch, so this is
  // a fresh one): Ollama was there a moment ago — it stopped, restarted or ran out of memory loading the model.
  // "Not running" is for a refused connection; it read wrong for a server that had just accepted the request.
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return {
      code: 'connection',
      message: `Ollama closed the connection before answering (it stopped, restarted or ran out of memory) — if it stopped, ${ollamaDown().fix}, then retry.`,
      fix: 'startOllama',
    };
  }
  if (code === 'ECONNREFUSED' || code === 'EADDRNOTAVAIL') {
    return { code: 'connection', message: ollamaDown(baseUrl).text, fix: 'startOllama' };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { code: 'connection', message: `Cannot find the Ollama host of ${baseUrl} (DNS lookup failed) — check hybrid.local.baseUrl.`, fix: 'openSettings' };
  }
  if (code) return { code: 'connection', message: `Cannot reach Ollama at ${baseUrl} (${code}) — ${ollamaDown().fix}, or check hybrid.local.baseUrl.`, fix: 'startOllama' };
  const msg = e?.message ?? String(err);
  if (/did not receive done/i.test(msg)) return protocolFailure(ctx, 'ended the stream before its final chunk');
  // An {"error": …} line inside a 200 stream: the model failed while answering.
  return { code: 'server', message: `Ollama failed while answering (${scrub(msg, undefined, ctx.sentText)}) — try again; if it repeats, check the Ollama log.`, fix: 'retry' };
}
