// OpenAI Chat Completions through the official SDK, streaming with a final usage chunk. The same code serves any
// OpenAI-compatible server (vLLM, LM Studio, llama.cpp, LiteLLM, OpenRouter): as the cloud tier (sealed bodies
// only), or as the private tier ('openai-compatible'), where the endpoint must be on this machine or trusted.

import OpenAI from 'openai';
import { isSealed } from '../wire/seal';
import type { TokenLogprob } from '../confidence/confidenceReport';
import type { Usage } from '../request';
import { usageFromProvider, usageGaps, withServiceTier, type UsageGaps } from '../spend/cost';
import { mergeCumulative } from '../spend/cumulativeUsage';
import { checkLocalEndpoint } from '../route/locality';
import { gatewayCostOf } from '../team/gateway';
import { resolveCommon, type CommonProviderOptions } from './providerOptions';
import { chatText, failed, finishedUsage, Meter, zeroedGaps } from './streamMeter';
import { beforeAnyText } from './beforeAnyText';
import { deadlineFailure, protocolFailure } from './failures';
import type { ApiKeyOption } from './keys';
import { createLoopbackFetch } from './loopbackFetch';
import { openAIFim } from './openaiFim';
import { modelCheck, openSession, sessionFailure, STREAM_WITH_USAGE, type LocalityVerdict, type SessionConfig } from './openaiSession';
import type { ChatBody, ChatProvider, FimProvider, StreamHooks, StreamResult } from '../wire/types';
import { OpenAIToolCollector, openAIMessages, openAITools } from './toolWire';

export interface OpenAIProviderOptions extends CommonProviderOptions {
  apiKey?: ApiKeyOption;
  /** 'cloud' (default): provider id 'openai', sealed bodies only. 'local': id 'openai-compatible'. */
  location?: 'cloud' | 'local';
  maxRetries?: number;
  /**
   * Local tier only: is this base URL on this machine (or trusted)? Default: loopback or trustedHosts. A string
   * answer means "not private", with the reason to show (a gateway model group that runs outside the trusted hosts).
   */
  isLocalEndpoint?: (url: string) => LocalityVerdict | Promise<LocalityVerdict>;
  trustedHosts?: string[];
  /**
   * Local tier only: the model whose fill-in-the-middle template a requested model needs, when its name does not
   * tell (a gateway group named `team-coder` that runs Qwen2.5-Coder). Default: the requested model itself.
   */
  templateModel?: (model: string) => string | Promise<string>;
  /** Local tier only: a reason to stop an answer by the model its chunks name, before its text (gatewayGroup.ts). */
  checkModel?: (model: string) => Promise<string | undefined>;
  /** Local tier only: a reason to stop an answer from its headers, before its body is read (gatewayGroup.ts). */
  checkResponse?: (res: Response) => string | undefined | Promise<string | undefined>;
  /** Sees each answer's headers (both tiers; never stops one): a gateway's x-litellm-key-spend, for the budget shown. */
  onAnswerHeaders?: (headers: Headers) => void;
  /** Who answers, as failure messages name it (team mode: "The LiteLLM gateway", never "OpenAI"). */
  name?: string;
  /** The key is required even on the private tier (a gateway group); the missing-key message names it so. */
  keyName?: string;
  /** Cloud tier on a gateway: its groups may be Anthropic models, and a 404 for a retired one says so. */
  anthropicModels?: boolean;
}

export const OPENAI_DEFAULT_FIRST_BYTE_MS = 30_000;
export const OPENAI_COMPATIBLE_DEFAULT_FIRST_BYTE_MS = 10_000;

export function createOpenAIProvider(options: OpenAIProviderOptions): ChatProvider & Partial<FimProvider> & { dispose?(): void } {
  const local = options.location === 'local';
  // The private tier's server is usually on this machine: node:http over one kept-alive connection (loopbackFetch.ts).
  const loopback = local && !options.fetch ? createLoopbackFetch() : undefined;
  const o = resolveCommon({ ...options, ...(loopback ? { fetch: loopback.fetch } : {}) }, local ? OPENAI_COMPATIBLE_DEFAULT_FIRST_BYTE_MS : OPENAI_DEFAULT_FIRST_BYTE_MS);
  const maxRetries = options.maxRetries ?? 2;
  const name = options.name ?? (local ? 'The local OpenAI-compatible server' : 'OpenAI');
  const isLocal = options.isLocalEndpoint ?? ((url: string) => checkLocalEndpoint(url, [...(options.trustedHosts ?? [])]));

  const session: SessionConfig = {
    o, local, name, maxRetries, apiKey: options.apiKey, isLocal,
    ...(options.templateModel ? { templateModel: options.templateModel } : {}), ...(options.keyName ? { keyName: options.keyName } : {}),
    ...(checkOf(local, options) ? { checkResponse: checkOf(local, options)! } : {}),
    ...(local && options.checkModel ? { checkModel: options.checkModel } : {}),
    ...(options.anthropicModels && !local ? { anthropicModels: true } : {}),
  };

  async function* stream(body: ChatBody, signal: AbortSignal, hooks?: StreamHooks): AsyncGenerator<string, StreamResult, void> {
    const meter = new Meter(o.clock);
    const input = chatText(body.system, body.messages);
    const opened = await openSession(session, { model: body.model, modelSetting: local ? 'hybrid.local.chatModel' : o.modelSetting(body.model), sentText: input, answerDeadlines: true, ...(hooks ? { hooks } : {}) }, isSealed(body), signal);
    if ('failure' in opened) return failed(meter, input, body.model, opened.failure);
    const { guard, ctx, client } = opened.session;
    let model = body.model;
    let finishReason: string | null = null;
    let usage: Usage | undefined;
    let rawUsage: Record<string, unknown> | undefined;
    // A running usage on the answer's own chunks (vLLM's continuous_usage_stats) is not the bill until the last chunk.
    let usageFinal = true;
    let gaps: UsageGaps | undefined;
    let gatewayCostUsd: number | undefined;
    const tokens: TokenLogprob[] = [];
    let tier: unknown;
    // A gateway's figure for the request, once its usage chunk came, is the bill however the stream ends after it; the
    // tier every chunk names (flex, priority: not priced by the table) holds for an estimate too.
    const billed = (r: StreamResult): StreamResult => {
      const usage = withServiceTier(r.usage, tier);
      return { ...r, ...(usage !== r.usage ? { usage } : {}), ...(gatewayCostUsd !== undefined ? { gatewayCostUsd } : {}) };
    };
    try {
      const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
        ...(body.system ? [{ role: 'system' as const, content: body.system }] : []),
        ...body.messages.flatMap(openAIMessages),
      ];
      const toolCalls = new OpenAIToolCollector();
      const chunks = await client.chat.completions.create({
        model: body.model,
        messages,
        max_tokens: body.maxTokens,
        ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
        ...(body.stop?.length ? { stop: [...body.stop] } : {}),
        ...(local && body.logprobs !== undefined ? { logprobs: true, top_logprobs: body.logprobs } : {}),
        ...openAITools(body.tools),
        ...STREAM_WITH_USAGE,
      }, { signal: guard.signal });

      const answeredBy = modelCheck(session);
      for await (const chunk of chunks) {
        if (chunk.model) model = chunk.model;
        const stop = await answeredBy(chunk.model);
        if (stop) return billed(failed(meter, input, model, stop, undefined, usage, usageFinal, gaps));
        if (chunk.service_tier) tier = chunk.service_tier;
        if (answers(chunk)) guard.progress();
        // Some OpenAI-compatible servers leave `choices` out of the final usage chunk (OpenAI sends []).
        for (const choice of chunk.choices ?? []) {
          // A refusal streams in delta.refusal with content null: show it, or the user sees an empty answer.
          const text = choice.delta?.content || choice.delta?.refusal;
          if (text) {
            meter.onText(text);
            yield text;
          }
          toolCalls.onDelta(choice.delta?.tool_calls);
          for (const l of choice.logprobs?.content ?? []) tokens.push({ token: l.token, logprob: l.logprob, top: l.top_logprobs });
          if (choice.finish_reason) finishReason = choice.finish_reason;
        }
        if (chunk.usage) {
          // prompt_tokens include the cached tokens; the one conversion splits them (input = uncached).
          // The tier that ran the request is on the chunk, not in its usage (flex and priority are priced otherwise).
          // A later usage replaces an earlier one (cumulative, never added); a trailing zeroed or empty copy keeps the counts.
          rawUsage = mergeCumulative(rawUsage, chunk.usage);
          usage = usageFromProvider('openai', { service_tier: chunk.service_tier, ...rawUsage });
          gaps = usageGaps('openai', rawUsage);
          usageFinal = !chunk.choices?.length || finishReason !== null;
          // A LiteLLM gateway adds its own cost to this chunk (include_cost_in_streaming_usage); vLLM and OpenAI do not.
          // Not the x-litellm-response-cost header: a stream's headers leave before its cost is known (absent, or a
          // 0.0 placeholder: litellm#12689), so only a whole answer's header is a bill.
          gatewayCostUsd = gatewayCostOf(chunk.usage) ?? gatewayCostUsd;
        }
      }
      gaps = zeroedGaps(usage, gaps, meter.chars, input);
      if (guard.cancelledByUser) return billed(failed(meter, input, model, undefined, undefined, usage, usageFinal, gaps));
      const deadline = deadlineFailure(ctx);
      if (deadline) return billed(failed(meter, input, model, beforeAnyText(deadline, ctx.name, meter.chars), undefined, usage, usageFinal, gaps));
      // The SDK ends quietly when the body ends without a finish_reason / [DONE]: that answer is incomplete.
      if (!finishReason) return billed(failed(meter, input, model, protocolFailure(ctx, 'ended the stream before its final chunk'), undefined, usage, usageFinal, gaps));
      // vLLM ends a request it aborted (preempted, engine stopping) with finish_reason "abort": not a whole answer.
      if (finishReason === 'abort') return billed(failed(meter, input, model, { code: 'server', message: `${ctx.name} aborted the answer (finish_reason "abort": the request was preempted or the engine stopped) — the answer is incomplete; try again.`, fix: 'retry' }, undefined, usage, usageFinal, gaps));
      return billed({
        // Servers that ignore include_usage (some compatible ones) leave us with an estimate, marked as such.
        ...(usage ? finishedUsage(meter, input, usage, gaps!) : { usage: meter.estimated(input), estimatedFromText: true }),
        timing: meter.timing(), model,
        finish: finishReason === 'length' ? 'length' : 'stop',
        ...(tokens.length ? { tokens } : {}),
        ...(gatewayCostUsd !== undefined ? { gatewayCostUsd } : {}),
        ...(toolCalls.calls(finishReason === 'length') ? { toolCalls: toolCalls.calls(finishReason === 'length') } : {}),
      });
    } catch (err) {
      meter.answered(opened.session.guard.state.lastStatus);
      gaps = zeroedGaps(usage, gaps, meter.chars, input);
      if (guard.cancelledByUser) return billed(failed(meter, input, model, undefined, undefined, usage, usageFinal, gaps));
      return billed(failed(meter, input, model, sessionFailure(session, opened.session, err, meter.chars), undefined, usage, usageFinal, gaps));
    } finally {
      guard.dispose();
    }
  }

  return {
    id: local ? 'openai-compatible' : 'openai', location: local ? 'local' : 'cloud', stream,
    // Fill-in-the-middle only where private code may go: the private tier (vLLM, SGLang, llama.cpp, LM Studio).
    ...(local ? { complete: openAIFim(session) } : {}),
    ...(loopback ? { dispose: () => loopback.dispose() } : {}),
  };
}

/** The private tier's stop check, with the headers seen first (both tiers) when someone listens for them. */
function checkOf(local: boolean, o: OpenAIProviderOptions): ((res: Response) => string | undefined | Promise<string | undefined>) | undefined {
  const check = local ? o.checkResponse : undefined;
  const seen = o.onAnswerHeaders;
  if (!seen) return check;
  return (res) => { seen(res.headers); return check?.(res); };
}

/**
 * A chunk that carries some of the answer: text, a refusal, a tool call's piece, log-probabilities, the finish or the
 * usage. The opening `{role: 'assistant', content: ''}` chunk does not: a server may send it and then nothing.
 */
function answers(chunk: OpenAI.Chat.ChatCompletionChunk): boolean {
  if (chunk.usage) return true;
  return (chunk.choices ?? []).some((c) => !!(c.delta?.content || c.delta?.refusal || c.delta?.tool_calls?.length || c.logprobs?.content?.length || c.finish_reason));
}
