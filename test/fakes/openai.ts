// Fake OpenAI Chat Completions: POST /v1/chat/completions (stream → `data: {chunk}` SSE lines, a final usage
// chunk when stream_options.include_usage, then `data: [DONE]`), and the real error body
// {error: {message, type, param, code}} including the two kinds of 429. Also /v1/models and /v1/embeddings
// (./embeddings) and vLLM's /v1/completions for FIM (./openaiCompletions), as an OpenAI-compatible local server
// offers them.

import { scriptedToolCall } from './toolScript';
import { randomBytes } from 'node:crypto';
import {
  FakeServer, fakeTokenCount, heartbeatForever, stallForever, streamTokens, tokenize,
  type Exchange, type Fault, type ReplyConfig,
} from './base';
import { handleOpenAIEmbeddings } from './embeddings';
import { handleCompletions } from './openaiCompletions';
import { wireLogprob, type LogprobMode } from './logprobs';

const ERRORS: Record<number, { message: string; type: string; code: string | null; param?: string | null }> = {
  400: { message: "This model's maximum context length is 128000 tokens. However, your messages resulted in 250000 tokens. Please reduce the length of the messages.", type: 'invalid_request_error', code: 'context_length_exceeded', param: 'messages' },
  401: { message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { message: 'You are not allowed to sample from this model', type: 'invalid_request_error', code: null },
  404: { message: 'The model `not-a-model` does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found', param: null },
  413: { message: 'Request too large.', type: 'invalid_request_error', code: null },
  429: { message: 'Rate limit reached for requests. Please try again in 1s.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

export function openaiErrorBody(status: number): unknown {
  const e = ERRORS[status] ?? ERRORS[status >= 500 ? 500 : 400]!;
  return { error: { message: e.message, type: e.type, param: e.param ?? null, code: e.code } };
}

/** The 429 OpenAI sends when the account is out of credit: retrying will not restore access. */
export function openaiInsufficientQuotaBody(): unknown {
  return {
    error: {
      message: 'You exceeded your current quota, please check your plan and billing details.',
      type: 'insufficient_quota', param: null, code: 'insufficient_quota',
    },
  };
}

export interface OpenAIUsageConfig {
  cachedTokens: number;
}

export class FakeOpenAI extends FakeServer {
  usage: OpenAIUsageConfig = { cachedTokens: 0 };
  /** What a request with `logprobs: true` gets back (see ./logprobs). */
  logprobs: LogprobMode = 'confident';

  /** Models an OpenAI-compatible server lists (/v1/models) and which of them embed (/v1/embeddings). */
  models = { chat: ['local-chat'], embedding: [] as string[] };

  constructor(reply: Partial<ReplyConfig> = {}) {
    super({ marker: '[fake-openai]', ...reply }, ['/v1/chat/completions', '/v1/completions']);
  }

  protected override errorBody(status: number): unknown {
    return openaiErrorBody(status);
  }

  protected override errorHeaders(): Record<string, string> {
    return { 'x-request-id': `req_${randomBytes(8).toString('hex')}` };
  }

  /**
   * A server in front of the model (a gateway) adds fields to the usage object and headers to the response; the
   * plain OpenAI API adds nothing.
   */
  protected onAnswered(_model: string, _usage: { prompt_tokens: number; completion_tokens: number }, _streaming: boolean):
  { usage: Record<string, unknown>; headers: Record<string, string> } {
    return { usage: {}, headers: {} };
  }

  /** Headers a gateway adds to a text completion (FIM) answer; a plain server adds none. */
  protected completionHeaders(_model: string): Record<string, string> {
    return {};
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { req, res, record } = ex;
    if (handleOpenAIEmbeddings(ex, this.models)) return;
    if (req.method === 'POST' && record.path === '/v1/completions') return handleCompletions(ex, this.reply, this.answerFor(record.body), (m) => this.completionHeaders(m));
    if (req.method !== 'POST' || record.path !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Invalid URL (${req.method} ${record.path})`, type: 'invalid_request_error', param: null, code: null } }));
      return;
    }
    const body = (record.body ?? {}) as {
      model?: string; stream?: boolean; max_tokens?: number; max_completion_tokens?: number;
      messages?: unknown; stream_options?: { include_usage?: boolean }; logprobs?: boolean; top_logprobs?: number;
    };
    // Chat Completions logprobs: `choices[].logprobs.content[{token, logprob, bytes, top_logprobs}]` per chunk.
    const wantLogprobs = body.logprobs === true && this.logprobs !== 'unsupported';
    let lpIndex = 0;
    const logprobsFor = (t: string): unknown => (wantLogprobs && t ? { content: [wireLogprob(t, lpIndex++, this.logprobs, body.top_logprobs ?? 0)], refusal: null } : null);
    const model = body.model ?? 'gpt-unknown';
    const promptTokens = fakeTokenCount(JSON.stringify(body.messages ?? []));
    let tokens = tokenize(this.answerFor(record.body));
    let finish = 'stop';
    const limit = body.max_completion_tokens ?? body.max_tokens;
    if (typeof limit === 'number' && tokens.length > limit) { tokens = tokens.slice(0, limit); finish = 'length'; }
    const id = `chatcmpl-${randomBytes(10).toString('hex')}`;
    const created = 1_700_000_000;
    const usage = {
      prompt_tokens: promptTokens + this.usage.cachedTokens,
      completion_tokens: tokens.length,
      total_tokens: promptTokens + this.usage.cachedTokens + tokens.length,
      prompt_tokens_details: { cached_tokens: this.usage.cachedTokens, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
    const extra = this.onAnswered(model, usage, body.stream === true);
    Object.assign(usage, extra.usage);

    if (!body.stream) {
      if (!(await ex.wait(this.reply.ttftMs))) return;
      res.writeHead(200, { 'content-type': 'application/json', ...extra.headers });
      res.end(JSON.stringify({
        id, object: 'chat.completion', created, model,
        choices: [{ index: 0, message: { role: 'assistant', content: tokens.join(''), refusal: null }, logprobs: null, finish_reason: finish }],
        usage,
      }));
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...extra.headers });
    const chunk = (delta: Record<string, unknown>, finishReason: string | null): unknown => ({
      id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: typeof delta['content'] === 'string' ? logprobsFor(delta['content']) : null, finish_reason: finishReason }],
      // With include_usage every chunk carries `usage: null` until the final usage chunk, as the real API does.
      ...(body.stream_options?.include_usage ? { usage: null } : {}),
    });
    const send = (data: unknown): void => { res.write(`data: ${JSON.stringify(data)}\n\n`); };
    send(chunk({ role: 'assistant', content: '', refusal: null }, null));
    const call = scriptedToolCall(body as { messages?: unknown; tools?: unknown });
    if (call) {
      // The real shape: the first tool_calls delta names the call, later ones stream its arguments.
      const args = JSON.stringify(call.input);
      send(chunk({ tool_calls: [{ index: 0, id: `call_${randomBytes(8).toString('hex')}`, type: 'function', function: { name: call.name, arguments: '' } }] }, null));
      for (let i = 0; i < args.length; i += 16) send(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(i, i + 16) } }] }, null));
      send(chunk({}, 'tool_calls'));
      if (body.stream_options?.include_usage) send({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [], usage });
      res.write('data: [DONE]\n\n');
      res.end();
      return;
    }

    const fault: Fault | undefined = ex.fault;
    const outcome = await streamTokens(ex, this.reply, tokens, (t) => send(chunk({ content: t }, null)), async () => {
      switch (fault?.kind) {
        case 'stallAfterHeaders': await stallForever(ex); return 'stop';
        case 'heartbeat': await heartbeatForever(ex, () => res.write(': keep-alive\n\n'), fault.ms); return 'stop';
        case 'errorEvent':
          send(fault.body ?? { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } });
          res.end();
          return 'stop';
        case 'malformedChunk': res.write('data: {"id":"chatcmpl-x","choices":[{"delta":{"content":\n\n'); return 'continue';
        case 'truncate': res.end(); return 'stop';
        case 'reset': await ex.wait(50); res.socket?.resetAndDestroy(); return 'stop';
        default: return 'continue';
      }
    });
    if (outcome !== 'done') return;
    send(chunk({}, finish));
    if (body.stream_options?.include_usage) {
      send({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [], usage });
    }
    res.write('data: [DONE]\n\n');
    res.end();
  }
}
