// Anthropic Messages through the official SDK: messages.stream with cache breakpoints where they pay off, usage from
// message_start / message_delta (cache reads and writes included), and every failure turned into a message.

import Anthropic from '@anthropic-ai/sdk';
import { anthropicPrompt } from './anthropicCache';
import { isSealed } from '../wire/seal';
import { anthropicSdkBase } from './baseUrls';
import type { Usage } from '../request';
import { usageFromProvider, usageGaps } from '../spend/cost';
import { mergeCumulative } from '../spend/cumulativeUsage';
import { resolveCommon, type CommonProviderOptions } from './providerOptions';
import { chatText, failed, finishedUsage, Meter } from './streamMeter';
import { beforeAnyText } from './beforeAnyText';
import { deadlineFailure, protocolFailure, quotaBodyCheck, requestIdOf, sdkFailure, type FailureContext } from './failures';
import { RequestGuard } from './guard';
import { blockedFailure, keyShapeFailure, missingKeyFailure, resolveKey, type ApiKeyOption } from './keys';
import type { ChatBody, ChatProvider, StreamHooks, StreamResult } from '../wire/types';
import { waitNotice } from './failureText';
import { replacementFor } from '../modelAdvice';
import { AnthropicToolCollector, anthropicTools } from './toolWire';

export interface AnthropicProviderOptions extends CommonProviderOptions {
  apiKey?: ApiKeyOption;
  /** SDK retries of 408/409/429/5xx/connection errors. Default 2 (3 attempts). */
  maxRetries?: number;
}

export const ANTHROPIC_DEFAULT_FIRST_BYTE_MS = 30_000;

/** The SDK's own schedule: 0.5 s × 2^n, at most 8 s, minus up to 25 % jitter. */
function backoff(attempt: number, signal: AbortSignal): Promise<void> {
  const ms = Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() * 0.25);
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void { clearTimeout(t); signal.removeEventListener('abort', done); resolve(); }
  });
}

export function createAnthropicProvider(options: AnthropicProviderOptions): ChatProvider {
  const o = resolveCommon(options, ANTHROPIC_DEFAULT_FIRST_BYTE_MS);
  const maxRetries = options.maxRetries ?? 2;

  async function* stream(body: ChatBody, signal: AbortSignal, hooks?: StreamHooks): AsyncGenerator<string, StreamResult, void> {
    const meter = new Meter(o.clock);
    const input = chatText(body.system, body.messages);
    // Fail closed: only the egress gate's sealed bodies may leave the machine.
    if (!isSealed(body)) return failed(meter, input, body.model, blockedFailure('Anthropic'));
    if (signal.aborted) return failed(meter, input, body.model, undefined);
    const apiKey = await resolveKey(options.apiKey);
    if (!apiKey) return failed(meter, input, body.model, missingKeyFailure('Anthropic'));
    const badKey = keyShapeFailure('Anthropic', apiKey);
    if (badKey) return failed(meter, input, body.model, badKey);

    // Anthropic may answer an overloaded streaming request with 200 and an error event before any text
    // (vercel/ai#10653); the SDK cannot retry that, so we do, within the same retry budget, while nothing was shown.
    for (let attempt = 0; ; attempt++) {
      const outcome = yield* once(body, signal, apiKey, meter, input, hooks);
      if (!outcome.earlyErrorEvent || attempt >= maxRetries || signal.aborted) return outcome.result;
      o.logger.info(`anthropic: error event before any text, retrying (${attempt + 1}/${maxRetries})`);
      await backoff(attempt, signal);
    }
  }

  async function* once(
    body: ChatBody, signal: AbortSignal, apiKey: string, meter: Meter, input: string, hooks?: StreamHooks,
  ): AsyncGenerator<string, { result: StreamResult; earlyErrorEvent: boolean }, void> {
    const guard = new RequestGuard(signal, {
      firstByteTimeoutMs: o.firstByteTimeoutMs, idleTimeoutMs: o.idleTimeoutMs, maxRetryAfterMs: o.maxRetryAfterMs,
      isQuotaBody: quotaBodyCheck, ...(o.fetch ? { fetch: o.fetch } : {}), answerDeadlines: true,
      maxRetries, ...(hooks?.onWait ? { onWait: (w) => hooks.onWait!(waitNotice('Anthropic', w)) } : {}),
    });
    const ctx: FailureContext = {
      name: 'Anthropic', baseUrl: o.baseUrl, model: body.model, baseUrlSetting: 'hybrid.anthropic.baseUrl',
      modelSetting: o.modelSetting(body.model), timeoutSetting: 'hybrid.timeouts.cloudFirstByteMs',
      eolNow: o.wallClock.now(), eolReplacement: replacementFor(o.modelSetting(body.model)),
      firstByteTimeoutMs: o.firstByteTimeoutMs, idleTimeoutMs: o.idleTimeoutMs, state: guard.state, usesApiKey: true, apiKey, sentText: input,
      ...(o.keyFromEnv ? { keyFromEnv: o.keyFromEnv } : {}),
    };
    const done = (result: StreamResult) => ({ result, earlyErrorEvent: false });
    meter.answered(undefined); // what an earlier attempt was answered says nothing about this one
    let model = body.model;
    // The raw usage as last reported (message_start, then cumulative message_delta), converted in one place.
    let rawUsage: Record<string, unknown> | undefined;
    const reported = (): Usage | undefined => rawUsage && usageFromProvider('anthropic', rawUsage);
    // message_start's placeholder output stands in until message_delta: only a missing input count is a gap here.
    const gapsOf = () => (rawUsage ? { ...usageGaps('anthropic', rawUsage), output: false } : undefined);
    // message_start's output_tokens is a placeholder; only message_delta's cumulative count is final.
    let finalUsage = false;
    let started = false;
    let stopped = false;
    let stopReason: string | null = null;
    const toolCalls = new AnthropicToolCollector();
    try {
      const client = new Anthropic({
        apiKey, authToken: null, baseURL: anthropicSdkBase(o.baseUrl), maxRetries,
        // Backstop only: the guard enforces the first-byte deadline once, without the SDK's retries of time-outs.
        timeout: o.firstByteTimeoutMs * 2,
        fetch: guard.fetch, logLevel: 'off',
        // This SDK sends the key only as `Authorization: Bearer`; the Messages API documents `x-api-key`, and
        // gateways and proxies that follow the docs answer 401 without it. The same key, to the same host.
        defaultHeaders: { 'x-api-key': apiKey },
      });
      const messageStream = client.messages.stream({
        model: body.model,
        max_tokens: body.maxTokens,
        ...anthropicPrompt(body),
        ...anthropicTools(body.tools),
        ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
        ...(body.stop?.length ? { stop_sequences: [...body.stop] } : {}),
      }, { signal: guard.signal });

      for await (const ev of messageStream) {
        // message_start, the first content_block_start and ping come before any answer: a server that sends them
        // (and then only pings) is not answering.
        if (ev.type !== 'message_start' && ev.type !== 'content_block_start') guard.progress();
        switch (ev.type) {
          case 'message_start': {
            started = true;
            model = ev.message.model || model;
            rawUsage = { ...ev.message.usage };
            break;
          }
          case 'content_block_start':
            toolCalls.onStart(ev.index, ev.content_block);
            break;
          case 'content_block_delta':
            if (ev.delta.type === 'text_delta' && ev.delta.text) {
              meter.onText(ev.delta.text);
              yield ev.delta.text;
            } else {
              toolCalls.onDelta(ev.index, ev.delta);
            }
            break;
          case 'message_delta': {
            stopReason = ev.delta.stop_reason;
            // message_delta usage is cumulative; fields are null when unchanged since message_start. Its output count
            // is the final one — a proxy's message_delta without it leaves message_start's placeholder, not a count.
            rawUsage = mergeCumulative(rawUsage, ev.usage);
            if (typeof (ev.usage as { output_tokens?: unknown } | null)?.output_tokens === 'number') finalUsage = true;
            break;
          }
          case 'message_stop':
            stopped = true;
            break;
          default:
            break;
        }
      }
      if (guard.cancelledByUser) return done(failed(meter, input, model, undefined, undefined, reported(), finalUsage, gapsOf()));
      const deadline = deadlineFailure(ctx);
      if (deadline) return done(failed(meter, input, model, beforeAnyText(deadline, ctx.name, meter.chars), undefined, reported(), finalUsage, gapsOf()));
      // The SDK accepts a stream that just ends (anthropic-sdk-typescript#842); an answer without message_stop
      // is incomplete, and its usage is not final.
      if (!started || !stopped) return done(failed(meter, input, model, protocolFailure(ctx, 'ended the stream before its final event'), undefined, reported(), finalUsage, gapsOf()));
      return done({
        ...finishedUsage(meter, input, reported() ?? usageFromProvider('anthropic', {}), gapsOf() ?? { input: true, output: true }, finalUsage),
        timing: meter.timing(), model,
        // Both mean the answer was cut off, not finished.
        finish: stopReason === 'max_tokens' || stopReason === 'model_context_window_exceeded' ? 'length' : 'stop',
        ...(toolCalls.calls() ? { toolCalls: toolCalls.calls() } : {}),
      });
    } catch (err) {
      meter.answered(guard.state.lastStatus);
      if (guard.cancelledByUser) return done(failed(meter, input, model, undefined, undefined, reported(), finalUsage, gapsOf()));
      const failure = beforeAnyText(deadlineFailure(ctx) ?? sdkFailure(ctx, err, {
        api: Anthropic.APIError, connection: Anthropic.APIConnectionError, timeout: Anthropic.APIConnectionTimeoutError,
      }), ctx.name, meter.chars);
      o.logger.warn(`anthropic: ${failure.code}${failure.status ? ` ${failure.status}` : ''} after ${guard.state.attempts} attempt(s)${requestIdOf(err)}`);
      const earlyErrorEvent = err instanceof Anthropic.APIError && err.status === undefined && failure.code === 'server' && meter.chars === 0;
      return { result: failed(meter, input, model, failure, undefined, reported(), finalUsage, gapsOf()), earlyErrorEvent };
    } finally {
      guard.dispose();
    }
  }

  return { id: 'anthropic', location: 'cloud', stream };
}
