// Fill-in-the-middle on an OpenAI-compatible private tier (vLLM, SGLang, llama.cpp's server, LM Studio) through the
// official SDK's legacy Completions API, POST /v1/completions, streamed with a final usage chunk. The prompt is the
// model family's FIM template (fimTemplates.ts): vLLM and SGLang reject or ignore the `suffix` parameter
// (vllm-project/vllm#9976, sgl-project/sglang#3429), so the suffix travels inside the prompt, as Continue does.

import type { Usage } from '../request';
import { usageFromProvider } from '../spend/cost';
import { mergeCumulative } from '../spend/cumulativeUsage';
import type { FimBody, FimSendOptions, StreamResult } from '../wire/types';
import { deadlineFailure, protocolFailure } from './failures';
import { fimTemplateFor } from './fimTemplates';
import { modelCheck, openSession, sessionFailure, STREAM_WITH_USAGE, type SessionConfig } from './openaiSession';
import { failed, Meter } from './streamMeter';

export function openAIFim(cfg: SessionConfig): (body: FimBody, signal: AbortSignal, send?: FimSendOptions) => AsyncGenerator<string, StreamResult, void> {
  return async function* complete(body, signal, send) {
    const meter = new Meter(cfg.o.clock).startWhen(send?.sendWhen);
    const input = `${body.prefix}${body.suffix}`;
    // Private code: never to anything but the private tier (the session checks the endpoint is local).
    const opened = await openSession(cfg, { model: body.model, modelSetting: 'hybrid.local.completionModel', sentText: input, ...(send?.sendWhen ? { sendWhen: send.sendWhen } : {}) }, false, signal);
    if ('failure' in opened) return failed(meter, input, body.model, opened.failure);
    const { guard, ctx, client } = opened.session;
    const template = fimTemplateFor(cfg.templateModel ? await cfg.templateModel(body.model) : body.model);
    let model = body.model;
    let finishReason: string | null = null;
    let usage: Usage | undefined;
    let rawUsage: Record<string, unknown> | undefined;
    let usageFinal = true;
    try {
      const chunks = await client.completions.create({
        model: body.model,
        prompt: template.build(body.prefix, body.suffix),
        max_tokens: body.maxTokens,
        ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
        stop: [...(body.stop ?? []), ...template.stop],
        ...STREAM_WITH_USAGE,
      }, { signal: guard.signal });
      const answeredBy = modelCheck(cfg);
      for await (const chunk of chunks) {
        if (chunk.model) model = chunk.model;
        const stop = await answeredBy(chunk.model);
        if (stop) return failed(meter, input, model, stop, undefined, usage, usageFinal);
        for (const choice of chunk.choices ?? []) {
          if (choice.text) {
            meter.onText(choice.text);
            yield choice.text;
          }
          if (choice.finish_reason) finishReason = choice.finish_reason;
        }
        // As in chat: a later usage replaces (a trailing zeroed copy keeps the counts); one beside the text is running.
        if (chunk.usage) {
          rawUsage = mergeCumulative(rawUsage, chunk.usage);
          usage = usageFromProvider('openai', rawUsage);
          usageFinal = !chunk.choices?.length || finishReason !== null;
        }
      }
      if (guard.cancelledByUser) return failed(meter, input, model, undefined, undefined, usage, usageFinal);
      const deadline = deadlineFailure(ctx);
      if (deadline) return failed(meter, input, model, deadline, undefined, usage, usageFinal);
      if (!finishReason) return failed(meter, input, model, protocolFailure(ctx, 'ended the stream before its final chunk'), undefined, usage, usageFinal);
      // vLLM's "abort" (preempted, engine stopping): a cut completion is not offered as a whole one.
      if (finishReason === 'abort') return failed(meter, input, model, { code: 'server', message: `${ctx.name} aborted the completion (finish_reason "abort") — try again.`, fix: 'retry' }, undefined, usage, usageFinal);
      return { usage: usage ?? meter.estimated(input), timing: meter.timing(), model, finish: finishReason === 'length' ? 'length' : 'stop' };
    } catch (err) {
      if (guard.cancelledByUser) return failed(meter, input, model, undefined, undefined, usage, usageFinal);
      return failed(meter, input, model, sessionFailure(cfg, opened.session, err, meter.chars), undefined, usage, usageFinal);
    } finally {
      guard.dispose();
    }
  };
}
