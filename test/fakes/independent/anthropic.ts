// An independent Anthropic Messages API after the streaming docs (docs.anthropic.com, "Streaming Messages"):
// message_start → any number of `ping` → per content block (text, thinking with signature_delta,
// redacted_thinking, tool_use with input_json_delta) start/delta/stop → message_delta → message_stop.
// message_start usage carries input, cache creation (also as the `cache_creation` object) and cache reads;
// message_delta usage carries output_tokens, or (newer API versions) cumulative input and cache fields too.
// Errors: HTTP bodies {"type":"error","error":{type,message},"request_id"}; mid-stream `event: error`.

import type * as http from 'node:http';
import { randomBytes } from 'node:crypto';
import { deliver, json, words, WireServer, type Delivery, type WireRequest } from './wire';

export type ExtraBlock = 'thinking' | 'redacted_thinking' | 'tool_use';

export interface IndependentAnthropicOptions {
  answer?: string;
  /** `cacheWrite` is every cache write; `cacheWrite1h` the part written with a 1-hour TTL (the rest are 5-minute). */
  usage?: { input: number; cacheWrite: number; cacheRead: number; cacheWrite1h?: number };
  /** Fields added to both usage objects as given (server_tool_use, service_tier, a cumulative `cache_creation`). */
  extraUsage?: Record<string, unknown>;
  /** Fields added to message_delta's usage only (a proxy that sends `input_tokens: 0` there). */
  deltaExtraUsage?: Record<string, unknown>;
  /** message_delta usages sent before the final one (a proxy that emits several cumulative message_delta events). */
  earlierDeltas?: Record<string, unknown>[];
  /** The model the API reports (a dated snapshot, e.g. claude-sonnet-4-5-20250929); default: the one asked for. */
  servedModel?: string;
  /** Answer only the first N requests with `status` (a 429 the SDK retries, then success). Default: all. */
  statusTimes?: number;
  /** Blocks sent before the text block (thinking, redacted_thinking) or after it (tool_use). */
  blocks?: ExtraBlock[];
  /** 'output' (docs): message_delta usage has output_tokens only; 'cumulative': input and cache fields too. */
  deltaUsage?: 'output' | 'cumulative';
  /** Line ending of the SSE frames. */
  eol?: '\n' | '\r\n';
  delivery?: Delivery;
  /** Pings between frames (the API sends them at any point). */
  pings?: boolean;
  /** After this many text deltas, send `event: error` with overloaded_error and end. */
  overloadedAfter?: number;
  /** Only the first N streams fail as `overloadedAfter` says (a retry then succeeds). Default: all. */
  overloadedTimes?: number;
  /** Answer every request with this HTTP status and the real error body. */
  status?: { code: number; type: string; message: string };
  /** Gzip error bodies when the client accepts it. */
  gzip?: boolean;
  /** Seconds for `retry-after` on error answers. */
  retryAfter?: number;
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal' | 'model_context_window_exceeded';
}

export class IndependentAnthropic {
  readonly server: WireServer;
  opts: IndependentAnthropicOptions;
  private statusSent = 0;
  private overloadedSent = 0;

  constructor(opts: IndependentAnthropicOptions = {}) {
    this.opts = opts;
    this.server = new WireServer((req, res) => this.route(req, res));
  }

  get seen() { return this.server.seen; }
  listen(): Promise<string> { return this.server.listen(); }
  close(): Promise<void> { return this.server.close(); }

  private route(req: WireRequest, res: http.ServerResponse): Promise<void> | void {
    const requestId = `req_${randomBytes(12).toString('hex')}`;
    const err = (code: number, type: string, message: string) =>
      json(res, code, { type: 'error', error: { type, message }, request_id: requestId }, {
        'request-id': requestId, ...(this.opts.retryAfter !== undefined ? { 'retry-after': String(this.opts.retryAfter) } : {}),
      }, this.opts.gzip);
    if (req.method !== 'POST' || req.path !== '/v1/messages') return err(404, 'not_found_error', 'Not found');
    if (typeof req.headers['x-api-key'] !== 'string' || !req.headers['x-api-key']) return err(401, 'authentication_error', 'x-api-key header is required');
    if (typeof req.headers['anthropic-version'] !== 'string') return err(400, 'invalid_request_error', 'anthropic-version: header is required');
    if (this.opts.status && (this.opts.statusTimes === undefined || this.statusSent++ < this.opts.statusTimes)) return err(this.opts.status.code, this.opts.status.type, this.opts.status.message);
    const body = (req.json ?? {}) as { model?: string; max_tokens?: number; stream?: boolean };
    if (typeof body.max_tokens !== 'number') return err(400, 'invalid_request_error', 'max_tokens: Field required');
    if (body.stream !== true) return err(400, 'invalid_request_error', 'this fake only streams');
    return this.stream(this.opts.servedModel ?? body.model ?? 'claude', body.max_tokens, res, requestId);
  }

  private async stream(model: string, maxTokens: number, res: http.ServerResponse, requestId: string): Promise<void> {
    const eol = this.opts.eol ?? '\n';
    const u = this.opts.usage ?? { input: 412, cacheWrite: 0, cacheRead: 0 };
    const frames: string[] = [];
    const ev = (type: string, data: Record<string, unknown>) => frames.push(`event: ${type}${eol}data: ${JSON.stringify({ type, ...data })}${eol}${eol}`);
    const ping = () => { if (this.opts.pings !== false) ev('ping', {}); };
    ev('message_start', {
      message: {
        id: `msg_${randomBytes(12).toString('hex')}`, type: 'message', role: 'assistant', model, content: [],
        stop_reason: null, stop_sequence: null,
        usage: {
          input_tokens: u.input, cache_creation_input_tokens: u.cacheWrite, cache_read_input_tokens: u.cacheRead,
          cache_creation: { ephemeral_5m_input_tokens: u.cacheWrite - (u.cacheWrite1h ?? 0), ephemeral_1h_input_tokens: u.cacheWrite1h ?? 0 },
          output_tokens: 1, service_tier: 'standard', ...this.opts.extraUsage,
        },
      },
    });
    ping();
    let index = 0;
    const blocks = this.opts.blocks ?? [];
    let output = 0;
    if (blocks.includes('thinking')) {
      ev('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      for (const t of words('Let me consider the function first.')) { ev('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: t } }); output++; }
      ev('content_block_delta', { index, delta: { type: 'signature_delta', signature: randomBytes(39).toString('base64') } });
      ev('content_block_stop', { index });
      index++;
    }
    if (blocks.includes('redacted_thinking')) {
      ev('content_block_start', { index, content_block: { type: 'redacted_thinking', data: randomBytes(48).toString('base64') } });
      ev('content_block_stop', { index });
      index++;
    }
    ev('content_block_start', { index, content_block: { type: 'text', text: '' } });
    ping();
    let deltas = words(this.opts.answer ?? 'Independent Claude streams this answer word by word.');
    const capped = deltas.length > maxTokens;
    if (capped) deltas = deltas.slice(0, maxTokens);
    const overloadAt = this.opts.overloadedTimes === undefined || this.overloadedSent++ < this.opts.overloadedTimes ? this.opts.overloadedAfter : undefined;
    for (const [i, t] of deltas.entries()) {
      if (overloadAt === i) {
        frames.push(`event: error${eol}data: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: requestId })}${eol}${eol}`);
        return this.send(res, frames, requestId);
      }
      ev('content_block_delta', { index, delta: { type: 'text_delta', text: t } });
      output++;
    }
    ev('content_block_stop', { index });
    index++;
    if (blocks.includes('tool_use')) {
      ev('content_block_start', { index, content_block: { type: 'tool_use', id: `toolu_01${randomBytes(16).toString('base64url').slice(0, 22)}`, name: 'get_weather', input: {} } });
      for (const p of ['', '{"location":', ' "San Fra', 'ncisco, CA"}']) ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: p } });
      ev('content_block_stop', { index });
      output += 4;
    }
    const stopReason = this.opts.stopReason ?? (capped ? 'max_tokens' : blocks.includes('tool_use') ? 'tool_use' : 'end_turn');
    for (const usage of this.opts.earlierDeltas ?? []) ev('message_delta', { delta: { stop_reason: null, stop_sequence: null }, usage });
    ev('message_delta', {
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: this.opts.deltaUsage === 'cumulative'
        ? { input_tokens: u.input, cache_creation_input_tokens: u.cacheWrite, cache_read_input_tokens: u.cacheRead, output_tokens: output }
        : { output_tokens: output, ...this.opts.extraUsage, ...this.opts.deltaExtraUsage },
    });
    ev('message_stop', {});
    return this.send(res, frames, requestId);
  }

  private async send(res: http.ServerResponse, frames: string[], requestId: string): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': requestId,
      ...(this.opts.delivery?.close ? { connection: 'close' } : {}),
    });
    await deliver(res, frames, this.opts.delivery ?? {});
  }
}
