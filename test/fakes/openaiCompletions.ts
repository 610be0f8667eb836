// POST /v1/completions as vLLM and SGLang serve it (the legacy Completions API that FIM uses): `text_completion`
// chunks over SSE, `choices[].text`, `usage: null` on each chunk until a final usage chunk with `choices: []` when
// stream_options.include_usage, then `data: [DONE]`. Like vLLM, it rejects `suffix` with a 400 (vllm#9976):
// a client must put the suffix inside the prompt with the model's FIM template.

import { randomBytes } from 'node:crypto';
import { fakeTokenCount, stallForever, streamTokens, tokenize, type Exchange, type ReplyConfig } from './base';

interface CompletionsBody {
  model?: string; prompt?: unknown; suffix?: unknown; max_tokens?: number; stream?: boolean;
  stream_options?: { include_usage?: boolean }; stop?: unknown;
}

/** vLLM's error body (OpenAI-shaped since 0.6; the status code doubles as `code`). */
export function vllmErrorBody(message: string, status = 400): unknown {
  return { error: { message, type: 'BadRequestError', param: null, code: status } };
}

export async function handleCompletions(ex: Exchange, reply: ReplyConfig, answer: string, headers: (model: string) => Record<string, string> = () => ({})): Promise<void> {
  const { res, record } = ex;
  const body = (record.body ?? {}) as CompletionsBody;
  const fail = (status: number, message: string): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(vllmErrorBody(message, status)));
  };
  if (body.suffix !== undefined && body.suffix !== null) return fail(400, 'suffix is not currently supported');
  if (typeof body.prompt !== 'string' || !body.prompt) return fail(400, 'prompt must be a non-empty string');
  const model = body.model ?? 'local-code';
  // Stop sequences end the answer where the model would have written them, as a server does.
  let text = answer;
  const stops = Array.isArray(body.stop) ? body.stop.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
  let finish = 'stop';
  for (const s of stops) { const i = text.indexOf(s); if (i >= 0) text = text.slice(0, i); }
  let tokens = tokenize(text);
  if (typeof body.max_tokens === 'number' && tokens.length > body.max_tokens) { tokens = tokens.slice(0, body.max_tokens); finish = 'length'; }
  const id = `cmpl-${randomBytes(12).toString('hex')}`;
  const created = 1_700_000_000;
  const promptTokens = fakeTokenCount(body.prompt);
  const usage = { prompt_tokens: promptTokens, completion_tokens: tokens.length, total_tokens: promptTokens + tokens.length, prompt_tokens_details: null };
  const withUsage = body.stream_options?.include_usage === true;
  const chunk = (t: string, finishReason: string | null): unknown => ({
    id, object: 'text_completion', created, model,
    choices: [{ index: 0, text: t, logprobs: null, finish_reason: finishReason, stop_reason: null }],
    ...(withUsage ? { usage: null } : {}),
  });
  if (!body.stream) {
    if (!(await ex.wait(reply.ttftMs))) return;
    res.writeHead(200, { 'content-type': 'application/json', ...headers(model) });
    res.end(JSON.stringify({ id, object: 'text_completion', created, model,
      choices: [{ index: 0, text: tokens.join(''), logprobs: null, finish_reason: finish, stop_reason: null }], usage }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...headers(model) });
  const send = (data: unknown): void => { res.write(`data: ${JSON.stringify(data)}\n\n`); };
  const outcome = await streamTokens(ex, reply, tokens, (t) => send(chunk(t, null)), async () => {
    switch (ex.fault?.kind) {
      case 'stallAfterHeaders': await stallForever(ex); return 'stop';
      case 'truncate': res.end(); return 'stop';
      default: return 'continue';
    }
  });
  if (outcome !== 'done') return;
  send(chunk('', finish));
  if (withUsage) send({ id, object: 'text_completion', created, model, choices: [], usage });
  res.write('data: [DONE]\n\n');
  res.end();
}
