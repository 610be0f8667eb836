// Ollama through the official `ollama` client: /api/chat for questions, /api/generate for fill-in-the-middle
// (native `suffix` when /api/show lists 'insert', else a family template with raw: true), keep_alive and num_ctx
// on every request, usage from prompt_eval_count / eval_count, and truncation detected from prompt_eval_count.
// One client per request, each with its own guarded fetch: the client's abort() would end every stream it has.

import { Ollama } from 'ollama';
import type { ChatResponse, GenerateRequest, GenerateResponse, Message, Tool } from 'ollama';
import type { TokenLogprob } from '../confidence/confidenceReport';
import type { ToolCall, Usage } from '../request';
import { usageFromProvider } from '../spend/cost';
import { checkLocalEndpoint } from '../route/locality';
import { errnoOf, duration, scrub } from './failureText';
import { resolveCommon, type CommonProviderOptions, type Resolved } from './providerOptions';
import { chatText, estimateTokens, failed, Meter } from './streamMeter';
import { deadlineFailure, httpFailure, protocolFailure, type FailureContext } from './failures';
import { fimTemplateFor } from './fimTemplates';
import { RequestGuard } from './guard';
import { createLoopbackFetch } from './loopbackFetch';
import { leanGenerate } from './ollamaStream';
import { notLocalEndpointFailure, remoteModelFailure, remoteWhere } from './notLocalFailures';
import { isRemoteOllamaModel } from '../route/locality';
import { isModelNotFound, ollamaFailure, pullFailure } from './ollamaFailures';
import { residencyOf, warmModel, type ResidencyPorts } from './ollamaResidency';
import type { ChatBody, ChatProvider, FimBody, FimProvider, FimSendOptions, ProviderFailure, StreamResult } from '../wire/types';
import { ollamaMessages, ollamaToolCalls, openAITools } from './toolWire';

export interface OllamaProviderOptions extends CommonProviderOptions {
  /** How long Ollama keeps the model loaded after a request (hybrid.local.keepAlive). Default '30m'. */
  keepAlive?: string | number;
  /** Context window asked of Ollama (hybrid.local.numCtx); Ollama's own default is small (2–4 k). */
  numCtx?: number;
  /** Decides whether baseUrl is on this machine; the routing helper supplies it. Default: loopback/trusted. */
  isLocalEndpoint?: (url: string) => boolean | Promise<boolean>;
  trustedHosts?: string[];
  /** Deadline of health(). Default 2 s. */
  healthTimeoutMs?: number;
}

export type OllamaHealthState = 'ready' | 'offline' | 'modelMissing' | 'notLocal';

export interface OllamaHealth {
  state: OllamaHealthState;
  models: string[];
  message: string;
}

export interface OllamaModelInfo {
  capabilities: string[];
  remoteHost?: string;
  contextLength?: number;
}

export interface OllamaProvider extends ChatProvider, FimProvider {
  readonly id: 'ollama';
  /** Reachability from /api/tags and, when `model` is given, whether it is pulled and local. */
  health(model?: string): Promise<OllamaHealth>;
  /** Forgets cached /api/show answers (after a pull, or a settings change). */
  clearModelCache(): void;
  /** Closes the kept-alive connection to the server. */
  dispose(): void;
}

export const OLLAMA_DEFAULT_FIRST_BYTE_MS = 10_000;
export const DEFAULT_KEEP_ALIVE = '30m';

/** Ollama keeps about half the window when the prompt overflows and says nothing but prompt_eval_count. */
export function truncationNote(estimatedPromptTokens: number, promptEvalCount: number | undefined, numCtx: number): string | undefined {
  if (!promptEvalCount || estimatedPromptTokens < numCtx * 0.9) return undefined;
  if (promptEvalCount >= estimatedPromptTokens * 0.8) return undefined;
  return `Ollama truncated the prompt to ${promptEvalCount} of about ${estimatedPromptTokens} tokens (num_ctx ${numCtx}); the start of the context was dropped — raise hybrid.local.numCtx or attach less.`;
}

class LoadTimeout extends Error {}

function fullName(model: string): string {
  return model.includes(':') ? model : `${model}:latest`;
}

export function createOllamaProvider(options: OllamaProviderOptions): OllamaProvider {
  // Without a fetch given, requests to a server on this machine take node:http over one kept-alive connection.
  const loopback = options.fetch ? undefined : createLoopbackFetch();
  const o: Resolved = resolveCommon({ ...options, ...(loopback ? { fetch: loopback.fetch } : {}) }, OLLAMA_DEFAULT_FIRST_BYTE_MS);
  const keepAlive = options.keepAlive ?? DEFAULT_KEEP_ALIVE;
  const numCtx = options.numCtx;
  const isLocal = options.isLocalEndpoint ?? ((url: string) => checkLocalEndpoint(url, [...(options.trustedHosts ?? [])]));
  const infoCache = new Map<string, OllamaModelInfo>();
  // The endpoint's locality is settled per provider (rebuilt when baseUrl or trusted hosts change), re-asked only
  // after a minute: a DNS lookup must not sit on every keystroke's path.
  let locality: { at: number; local: Promise<boolean> } | undefined;
  const localEndpoint = (): Promise<boolean> => {
    const now = Date.now();
    if (!locality || now - locality.at > 60_000) locality = { at: now, local: Promise.resolve(isLocal(o.baseUrl)) };
    return locality.local;
  };

  function context(model: string, guard: RequestGuard): FailureContext {
    return {
      name: 'Ollama', baseUrl: o.baseUrl, model, baseUrlSetting: 'hybrid.local.baseUrl',
      modelSetting: 'hybrid.local.chatModel', timeoutSetting: 'hybrid.timeouts.localFirstByteMs',
      firstByteTimeoutMs: o.firstByteTimeoutMs, idleTimeoutMs: o.idleTimeoutMs, state: guard.state, usesApiKey: false,
    };
  }

  function guardFor(signal: AbortSignal, firstByteMs = o.firstByteTimeoutMs, sendWhen?: Promise<unknown>): RequestGuard {
    return new RequestGuard(signal, {
      firstByteTimeoutMs: firstByteMs, idleTimeoutMs: o.idleTimeoutMs, maxRetryAfterMs: o.maxRetryAfterMs,
      validateNdjson: true, ...(o.fetch ? { fetch: o.fetch } : {}), ...(sendWhen ? { sendWhen } : {}),
    });
  }

  function clientFor(guard: RequestGuard): Ollama {
    return new Ollama({ host: o.baseUrl, fetch: guard.fetch });
  }

  async function modelInfo(client: Ollama, model: string): Promise<OllamaModelInfo> {
    const cached = infoCache.get(model);
    if (cached) return cached;
    let show: Awaited<ReturnType<Ollama['show']>>;
    try {
      show = await client.show({ model });
    } catch (err) {
      // A server without /api/show (a proxy or a minimal Ollama-compatible server) can still chat: go on without
      // capabilities (FIM then uses the family template), uncached. "Model not found" and deadlines still fail.
      const e = err as { name?: string; status_code?: unknown; error?: unknown };
      const text = typeof e?.error === 'string' ? e.error : '';
      const unsupported = e?.name === 'ResponseError' && (e.status_code === 404 || e.status_code === 405 || e.status_code === 501) && !isModelNotFound(text);
      if (!unsupported) throw err;
      o.logger.info(`ollama: /api/show unavailable (${String(e.status_code)}), going on without model capabilities`);
      return { capabilities: [] };
    }
    const raw = show as unknown as { remote_host?: unknown; remote_model?: unknown; model_info?: Record<string, unknown> };
    const ctxKey = Object.keys(raw.model_info ?? {}).find((k) => k.endsWith('.context_length'));
    const ctxLen = ctxKey ? raw.model_info?.[ctxKey] : undefined;
    const info: OllamaModelInfo = {
      capabilities: Array.isArray(show.capabilities) ? show.capabilities : [],
      // One locality rule (route/locality.ts): remote_model alone also means the model runs elsewhere.
      ...(isRemoteOllamaModel(raw) ? { remoteHost: remoteWhere(raw) } : {}),
      ...(typeof ctxLen === 'number' ? { contextLength: ctxLen } : {}),
    };
    infoCache.set(model, info);
    return info;
  }

  function requestOptions(maxTokens: number, stop: readonly string[] | undefined, temperature: number | undefined): Record<string, unknown> {
    return {
      num_predict: maxTokens,
      ...(stop?.length ? { stop: [...stop] } : {}),
      ...(numCtx ? { num_ctx: numCtx } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
    };
  }

  function result(meter: Meter, model: string, final: ChatResponse | GenerateResponse, promptText: string, tokens: TokenLogprob[]): StreamResult {
    const usage: Usage = usageFromProvider('ollama', final);
    const note = truncationNote(estimateTokens(promptText), final.prompt_eval_count, numCtx ?? 4096);
    return {
      usage, timing: meter.timing(), model: final.model || model,
      finish: final.done_reason === 'length' ? 'length' : 'stop',
      ...(note ? { notes: [note] } : {}),
      ...(tokens.length ? { tokens } : {}),
    };
  }

  /** Shared body of chat and FIM: locality checks, /api/show, the stream, and failure mapping. */
  async function* run(
    model: string, signal: AbortSignal, inputText: string, modelSetting: string,
    start: (client: Ollama, info: OllamaModelInfo, guard: RequestGuard) => Promise<AsyncIterable<ChatResponse | GenerateResponse>>,
    textOf: (part: ChatResponse | GenerateResponse) => string, sendWhen?: Promise<unknown>,
  ): AsyncGenerator<string, StreamResult, void> {
    const meter = new Meter(o.clock).startWhen(sendWhen);
    if (!(await localEndpoint())) return failed(meter, inputText, model, notLocalEndpointFailure(o.baseUrl, 'hybrid.local.baseUrl'));
    if (signal.aborted) return failed(meter, inputText, model, undefined);
    const guard = guardFor(signal, o.firstByteTimeoutMs, sendWhen);
    const ctx = { ...context(model, guard), modelSetting, sentText: inputText };
    let complete = false;
    let streamed = false;
    try {
      const client = clientFor(guard);
      const info = await modelInfo(client, model);
      if (info.remoteHost) return failed(meter, inputText, model, remoteModelFailure(model, info.remoteHost));
      const parts = await start(client, info, guard);
      let final: ChatResponse | GenerateResponse | undefined;
      const tokens: TokenLogprob[] = [];
      for await (const part of parts) {
        for (const l of part.logprobs ?? []) tokens.push({ token: l.token, logprob: l.logprob, ...(l.top_logprobs ? { top: l.top_logprobs } : {}) });
        const text = textOf(part);
        if (text) {
          meter.onText(text);
          streamed = true;
          yield text;
        }
        if (part.done) final = part;
      }
      if (guard.cancelledByUser) return failed(meter, inputText, model, undefined);
      const deadline = deadlineFailure(ctx);
      if (deadline) return failed(meter, inputText, model, deadline);
      if (!final) return failed(meter, inputText, model, protocolFailure(ctx, 'ended the stream before its final chunk'));
      complete = true;
      return result(meter, model, final, inputText, tokens);
    } catch (err) {
      if (guard.cancelledByUser) return failed(meter, inputText, model, undefined);
      const f = ollamaFailure(o.baseUrl, ctx, err, streamed);
      o.logger.warn(`ollama: ${f.code}${f.status ? ` ${f.status}` : ''}`);
      return failed(meter, inputText, model, f);
    } finally {
      if (complete) guard.finish(); else guard.dispose();
    }
  }

  async function* stream(body: ChatBody, signal: AbortSignal): AsyncGenerator<string, StreamResult, void> {
    const names = new Map(body.messages.flatMap((m) => (m.toolCalls ?? []).map((c) => [c.id, c.name] as const)));
    const calls: ToolCall[] = [];
    const result = yield* run(body.model, signal, chatText(body.system, body.messages), 'hybrid.local.chatModel', (client) => client.chat({
      model: body.model,
      messages: [
        ...(body.system ? [{ role: 'system', content: body.system }] : []),
        ...body.messages.flatMap((m) => ollamaMessages(m, names)),
      ] as Message[],
      ...(body.tools?.length ? { tools: openAITools(body.tools).tools as Tool[] } : {}),
      stream: true,
      keep_alive: keepAlive,
      ...(body.logprobs !== undefined ? { logprobs: true, top_logprobs: body.logprobs } : {}),
      options: requestOptions(body.maxTokens, body.stop, body.temperature),
    }), (part) => {
      if (!('message' in part)) return '';
      calls.push(...ollamaToolCalls(part.message?.tool_calls, calls.length));
      return part.message?.content ?? '';
    });
    return calls.length ? { ...result, toolCalls: calls } : result;
  }

  // A completion to a server on this machine skips the client's web streams (ollamaStream.ts); the client's
  // own path stays for any other endpoint, or a fetch the caller gave.
  const generate = (client: Ollama, guard: RequestGuard, request: GenerateRequest): Promise<AsyncIterable<GenerateResponse>> => {
    const lean = loopback && leanGenerate(loopback, `${o.baseUrl}/api/generate`, request, guard);
    return lean ? Promise.resolve(lean) : client.generate({ ...request, stream: true });
  };

  function complete(body: FimBody, signal: AbortSignal, send?: FimSendOptions): AsyncGenerator<string, StreamResult, void> {
    return run(body.model, signal, `${body.prefix}${body.suffix}`, 'hybrid.local.completionModel', (client, info, guard) => {
      if (info.capabilities.includes('insert')) {
        return generate(client, guard, {
          model: body.model, prompt: body.prefix, suffix: body.suffix, keep_alive: keepAlive,
          options: requestOptions(body.maxTokens, body.stop, body.temperature),
        });
      }
      const template = fimTemplateFor(body.model);
      return generate(client, guard, {
        model: body.model, prompt: template.build(body.prefix, body.suffix), raw: true, keep_alive: keepAlive,
        options: requestOptions(body.maxTokens, [...(body.stop ?? []), ...template.stop], body.temperature),
      });
    }, (part) => ('response' in part ? part.response ?? '' : ''), send?.sendWhen);
  }

  async function health(model?: string): Promise<OllamaHealth> {
    if (!(await isLocal(o.baseUrl))) {
      return { state: 'notLocal', models: [], message: notLocalEndpointFailure(o.baseUrl, 'hybrid.local.baseUrl').message };
    }
    const timeoutMs = options.healthTimeoutMs ?? 2000;
    const guard = guardFor(new AbortController().signal, timeoutMs);
    try {
      const list = await clientFor(guard).list();
      const entries = list.models as unknown as Array<{ name: string; remote_host?: string; remote_model?: string }>;
      const models = entries.map((m) => m.name);
      if (!model) return { state: 'ready', models, message: `Ollama is ready at ${o.baseUrl} (${models.length} models).` };
      const entry = entries.find((m) => fullName(m.name) === fullName(model));
      if (!entry) return { state: 'modelMissing', models, message: pullFailure(model).message };
      if (isRemoteOllamaModel(entry)) return { state: 'notLocal', models, message: remoteModelFailure(model, remoteWhere(entry)).message };
      return { state: 'ready', models, message: `Ollama is ready at ${o.baseUrl} with ${model}.` };
    } catch (err) {
      const message = guard.state.timedOut || guard.state.stalled
        ? `Ollama at ${o.baseUrl} did not answer within ${duration(timeoutMs)} — check that \`ollama serve\` is running and responsive.`
        : ollamaFailure(o.baseUrl, context(model ?? '', guard), err).message;
      return { state: 'offline', models: [], message };
    } finally {
      guard.dispose();
    }
  }

  const residencyPorts: ResidencyPorts = {
    async withClient(signal, ms, fn) {
      if (!(await localEndpoint())) throw new Error(notLocalEndpointFailure(o.baseUrl, 'hybrid.local.baseUrl').message);
      const guard = guardFor(signal, ms);
      try { return await fn(clientFor(guard)); } catch (err) { throw guard.state.timedOut ? new LoadTimeout() : err; } finally { guard.dispose(); }
    },
    contextLength: async (client, model) => (await modelInfo(client, model)).contextLength,
    keepAlive, loadOptions: numCtx ? { num_ctx: numCtx } : {},
    mapError: (err, model, ms) => err instanceof LoadTimeout
      ? { code: 'timeout', message: `Ollama did not finish loading ${model} within ${duration(ms)} — check the Ollama log (enough free memory?), use a smaller model, or raise hybrid.timeouts.localLoadMs.`, fix: 'retry' }
      : ollamaFailure(o.baseUrl, context(model, guardFor(new AbortController().signal)), err),
  };

  return {
    id: 'ollama', location: 'local', stream, complete, health,
    residency: (model, signal) => residencyOf(residencyPorts, model, signal),
    warm: (model, ms, signal) => warmModel(residencyPorts, model, ms, signal),
    clearModelCache: () => { infoCache.clear(); locality = undefined; },
    dispose: () => loopback?.dispose(),
  };
}
