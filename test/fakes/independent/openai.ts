// An independent OpenAI Chat Completions API after the API reference ("chat.completion.chunk"): `data:` frames
// only (no `event:` lines), a first chunk with the role and empty content, `usage: null` on every chunk when
// stream_options.include_usage is set, then a last chunk with `choices: []` and the usage (cached and reasoning
// token details included), then `data: [DONE]`. Refusals stream as `delta.refusal`. Errors: HTTP bodies
// {"error":{message,type,param,code}}; a mid-stream failure is a `data: {"error": …}` frame.

import type * as http from 'node:http';
import { randomBytes } from 'node:crypto';
import { deliver, json, words, WireServer, type Delivery, type WireRequest } from './wire';

export interface IndependentOpenAIOptions {
  answer?: string;
  /** Stream the answer as a refusal (delta.refusal) instead of content. */
  refusal?: boolean;
  /** `prompt` includes `cached` and `cacheWrite` (prompt_tokens_details.cache_write_tokens, reported by models
   * that bill cache writes); `reasoning` is added to completion_tokens, as the API counts it. */
  usage?: { prompt: number; cached: number; reasoning: number; cacheWrite?: number };
  /** The usage object exactly as the final chunk should carry it (audio details, a gateway's `cost`): the test
   * writes the wire object itself. Replaces `usage`. */
  rawUsage?: Record<string, unknown>;
  /** The model the API reports; default: the asked one with a dated suffix, as OpenAI answers for an alias. */
  servedModel?: string;
  /** Answer only the first N requests with `status` (a 429 the SDK retries, then success). Default: all. */
  statusTimes?: number;
  delivery?: Delivery;
  eol?: '\n' | '\r\n';
  /** After this many deltas, send a `data: {"error": …}` frame and end. */
  errorAfter?: number;
  status?: { code: number; type: string; code_: string | null; message: string };
  /** Ignore include_usage (many OpenAI-compatible servers do). */
  noUsage?: boolean;
  /** The usage chunk without a `choices` key, as some OpenAI-compatible servers send it (OpenAI sends []). */
  usageChunkWithoutChoices?: boolean;
  /** Gzip error bodies when the client accepts it. */
  gzip?: boolean;
  /** Seconds for `retry-after` on error answers. */
  retryAfter?: number;
  /** Extra headers on the stream's 200 (a gateway's x-litellm-* headers). */
  headers?: Record<string, string>;
  /** `service_tier` on every chunk, as the API echoes the tier that processed the request (default 'default'). */
  serviceTier?: string;
  /** Usage objects sent after the final usage chunk, each on its own `choices: []` chunk (a proxy that repeats or
   * re-sends usage: a trailing zeroed copy, a second cumulative figure). */
  trailingUsage?: Record<string, unknown>[];
  /** A cumulative usage on every content chunk (vLLM's `continuous_usage_stats`): prompt, and the completion so far. */
  continuousUsage?: boolean;
}

export class IndependentOpenAI {
  readonly server: WireServer;
  opts: IndependentOpenAIOptions;
  private statusSent = 0;

  constructor(opts: IndependentOpenAIOptions = {}) {
    this.opts = opts;
    this.server = new WireServer((req, res) => this.route(req, res));
  }

  get seen() { return this.server.seen; }
  /** The base URL the SDK wants (with /v1). */
  async listen(): Promise<string> { return `${await this.server.listen()}/v1`; }
  close(): Promise<void> { return this.server.close(); }

  private route(req: WireRequest, res: http.ServerResponse): Promise<void> | void {
    const err = (status: number, type: string, code: string | null, message: string) =>
      json(res, status, { error: { message, type, param: null, code } }, {
        'x-request-id': `req_${randomBytes(16).toString('hex')}`, ...(this.opts.retryAfter !== undefined ? { 'retry-after': String(this.opts.retryAfter) } : {}),
      }, this.opts.gzip);
    if (req.method !== 'POST' || req.path !== '/v1/chat/completions') return err(404, 'invalid_request_error', 'unknown_url', `Invalid URL (${req.method} ${req.path})`);
    if (!/^Bearer \S+/.test(String(req.headers.authorization ?? ''))) return err(401, 'invalid_request_error', null, "You didn't provide an API key.");
    const s = this.opts.status;
    if (s && (this.opts.statusTimes === undefined || this.statusSent++ < this.opts.statusTimes)) return err(s.code, s.type, s.code_, s.message);
    const body = (req.json ?? {}) as { model?: string; stream?: boolean; stream_options?: { include_usage?: boolean }; max_tokens?: number; max_completion_tokens?: number };
    if (body.stream !== true) return err(400, 'invalid_request_error', null, 'this fake only streams');
    return this.stream(body, res);
  }

  private async stream(body: { model?: string; stream_options?: { include_usage?: boolean }; max_tokens?: number; max_completion_tokens?: number }, res: http.ServerResponse): Promise<void> {
    const eol = this.opts.eol ?? '\n';
    const withUsage = body.stream_options?.include_usage === true && !this.opts.noUsage;
    const id = `chatcmpl-${randomBytes(14).toString('base64url')}`;
    const created = Math.floor(Date.now() / 1000);
    const model = this.opts.servedModel ?? `${body.model ?? 'gpt'}-2025-04-14`;
    const frames: string[] = [];
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => frames.push(`data: ${JSON.stringify({
      id, object: 'chat.completion.chunk', created, model, service_tier: this.opts.serviceTier ?? 'default', system_fingerprint: 'fp_b3f1157249',
      choices, ...(withUsage ? { usage: null } : {}), ...extra,
    })}${eol}${eol}`);
    const key = this.opts.refusal ? 'refusal' : 'content';
    chunk([{ index: 0, delta: { role: 'assistant', content: this.opts.refusal ? null : '', refusal: null }, logprobs: null, finish_reason: null }]);
    let deltas = words(this.opts.answer ?? (this.opts.refusal ? "I'm sorry, I can't help with that." : 'Independent GPT streams this answer in chunks.'));
    const max = body.max_completion_tokens ?? body.max_tokens;
    const capped = max !== undefined && deltas.length > max;
    if (capped) deltas = deltas.slice(0, max);
    for (const [i, t] of deltas.entries()) {
      if (this.opts.errorAfter === i) {
        frames.push(`data: ${JSON.stringify({ error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } })}${eol}${eol}`);
        return this.send(res, frames);
      }
      const running = this.opts.continuousUsage && withUsage ? { usage: { prompt_tokens: this.opts.usage?.prompt ?? 301, completion_tokens: i + 1, total_tokens: (this.opts.usage?.prompt ?? 301) + i + 1 } } : {};
      chunk([{ index: 0, delta: { [key]: t }, logprobs: null, finish_reason: null }], running);
    }
    chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: capped ? 'length' : 'stop' }]);
    if (withUsage) {
      const u = this.opts.usage ?? { prompt: 301, cached: 0, reasoning: 0 };
      frames.push(`data: ${JSON.stringify({
        id, object: 'chat.completion.chunk', created, model, service_tier: this.opts.serviceTier ?? 'default', system_fingerprint: 'fp_b3f1157249', ...(this.opts.usageChunkWithoutChoices ? {} : { choices: [] }),
        usage: this.opts.rawUsage ?? {
          prompt_tokens: u.prompt, completion_tokens: deltas.length + u.reasoning, total_tokens: u.prompt + deltas.length + u.reasoning,
          prompt_tokens_details: { cached_tokens: u.cached, audio_tokens: 0, ...(u.cacheWrite !== undefined ? { cache_write_tokens: u.cacheWrite } : {}) },
          completion_tokens_details: { reasoning_tokens: u.reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
        },
      })}${eol}${eol}`);
      for (const usage of this.opts.trailingUsage ?? []) {
        frames.push(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, service_tier: this.opts.serviceTier ?? 'default', choices: [], usage })}${eol}${eol}`);
      }
    }
    frames.push(`data: [DONE]${eol}${eol}`);
    return this.send(res, frames);
  }

  private async send(res: http.ServerResponse, frames: string[]): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': `req_${randomBytes(16).toString('hex')}`,
      'openai-processing-ms': '212', ...(this.opts.delivery?.close ? { connection: 'close' } : {}), ...this.opts.headers,
    });
    await deliver(res, frames, this.opts.delivery ?? {});
  }
}
