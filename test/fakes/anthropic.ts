// Fake Anthropic Messages API: POST /v1/messages (stream: true → SSE exactly as the real API; stream: false →
// one JSON message), the real error body shape with a `request-id` header, and the spend-limit 429.

import { randomBytes } from 'node:crypto';
import {
  FakeServer, fakeTokenCount, heartbeatForever, stallForever, streamTokens, tokenize,
  type Exchange, type Fault, type ReplyConfig,
} from './base';
import { PromptCache } from './anthropicCache';
import { scriptedToolCall } from './toolScript';

export interface AnthropicUsageConfig {
  /** Forced cache figures; when `usage` is unset the fake simulates Anthropic's prompt cache instead. */
  cacheCreationInputTokens: number;
  /** The part of cacheCreationInputTokens written with a 1-hour TTL (the rest are 5-minute writes). */
  cacheCreation1hInputTokens?: number;
  cacheReadInputTokens: number;
}

const ERROR_TYPES: Record<number, [string, string]> = {
  400: ['invalid_request_error', 'prompt is too long: 250000 tokens > 200000 maximum'],
  401: ['authentication_error', 'invalid x-api-key'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'model: not-a-model'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: ['rate_limit_error', 'Your account has hit a rate limit.'],
  500: ['api_error', 'Internal server error'],
  529: ['overloaded_error', 'Overloaded'],
};

export const requestId = (): string => `req_${randomBytes(12).toString('hex')}`;

export function anthropicErrorBody(status: number, message?: string): unknown {
  const [type, msg] = ERROR_TYPES[status] ?? (status >= 500 ? ['api_error', 'Internal server error'] : ['invalid_request_error', 'Bad request']);
  return { type: 'error', error: { type, message: message ?? msg }, request_id: requestId() };
}

/** The 429 Anthropic sends when the workspace/organisation spend limit is reached: no retry-after, never retry. */
export function anthropicSpendLimitBody(): unknown {
  return {
    type: 'error',
    error: {
      type: 'rate_limit_error',
      message: 'You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.',
      details: { error_code: 'enforced_spend_limit_reached' },
    },
    request_id: requestId(),
  };
}

export class FakeAnthropic extends FakeServer {
  /** Set to force what the server claims; undefined = simulate caching as the real API does. */
  usage: AnthropicUsageConfig | undefined;
  readonly cache = new PromptCache();
  /**
   * Models the API no longer serves (past their end-of-life date): a request naming one gets the 404 the real API
   * sends for any model it does not know, `not_found_error` with "model: <id>" — nothing in it says "retired".
   */
  readonly retiredModels = new Set<string>();

  constructor(reply: Partial<ReplyConfig> = {}) {
    super({ marker: '[fake-anthropic]', ...reply }, ['/v1/messages']);
  }

  protected override errorBody(status: number): unknown {
    return anthropicErrorBody(status);
  }

  protected override errorHeaders(): Record<string, string> {
    return { 'request-id': requestId() };
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { req, res, record } = ex;
    if (req.method !== 'POST' || record.path !== '/v1/messages') {
      res.writeHead(404, { 'content-type': 'application/json', 'request-id': requestId() });
      res.end(JSON.stringify(anthropicErrorBody(404, `${req.method} ${record.path} not found`)));
      return;
    }
    const body = (record.body ?? {}) as { model?: string; max_tokens?: number; stream?: boolean; system?: unknown; messages?: unknown };
    const model = body.model ?? 'claude-unknown';
    if (this.retiredModels.has(model)) {
      res.writeHead(404, { 'content-type': 'application/json', 'request-id': requestId() });
      res.end(JSON.stringify(anthropicErrorBody(404, `model: ${model}`)));
      return;
    }
    const allTokens = fakeTokenCount(JSON.stringify([body.system ?? '', body.messages ?? []]));
    const sim = this.usage
      ? { write: this.usage.cacheCreationInputTokens, read: this.usage.cacheReadInputTokens, breakpoints: 0 }
      : this.cache.lookup(model, body.system, body.messages);
    if (sim.breakpoints > 4) {
      res.writeHead(400, { 'content-type': 'application/json', 'request-id': requestId() });
      res.end(JSON.stringify(anthropicErrorBody(400, `A maximum of 4 blocks with cache_control may be provided. Found ${sim.breakpoints}.`)));
      return;
    }
    const inputTokens = this.usage ? allTokens : Math.max(0, allTokens - sim.read - sim.write);
    let tokens = tokenize(this.answerFor(record.body));
    let stopReason = 'end_turn';
    if (typeof body.max_tokens === 'number' && tokens.length > body.max_tokens) {
      tokens = tokens.slice(0, body.max_tokens);
      stopReason = 'max_tokens';
    }
    const id = `msg_${randomBytes(12).toString('hex')}`;
    // The real usage object: the total of cache writes plus its split by TTL (`cache_creation`).
    const write1h = Math.min(this.usage?.cacheCreation1hInputTokens ?? 0, sim.write);
    const usage = {
      input_tokens: inputTokens,
      cache_creation_input_tokens: sim.write,
      cache_read_input_tokens: sim.read,
      cache_creation: {
        ephemeral_5m_input_tokens: sim.write - write1h,
        ephemeral_1h_input_tokens: write1h,
      },
      service_tier: 'standard',
    };

    if (!body.stream) {
      if (!(await ex.wait(this.reply.ttftMs))) return;
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId() });
      res.end(JSON.stringify({
        id, type: 'message', role: 'assistant', model,
        content: [{ type: 'text', text: tokens.join('') }],
        stop_reason: stopReason, stop_sequence: null,
        usage: { ...usage, output_tokens: tokens.length },
      }));
      return;
    }

    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'request-id': requestId(),
    });
    const send = (event: string, data: unknown): void => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    send('message_start', {
      type: 'message_start',
      message: {
        id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    });
    const call = scriptedToolCall(body as { messages?: unknown; tools?: unknown });
    if (call) {
      // The real shape of a tool call: a tool_use block whose input arrives as input_json_delta pieces.
      const json = JSON.stringify(call.input);
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: `toolu_${randomBytes(12).toString('hex')}`, name: call.name, input: {} } });
      for (let i = 0; i < json.length; i += 16) {
        send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: json.slice(i, i + 16) } });
      }
      send('content_block_stop', { type: 'content_block_stop', index: 0 });
      send('message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: usage.input_tokens, output_tokens: fakeTokenCount(json) } });
      send('message_stop', { type: 'message_stop' });
      res.end();
      return;
    }
    send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    send('ping', { type: 'ping' });

    const fault: Fault | undefined = ex.fault;
    const outcome = await streamTokens(ex, this.reply, tokens, (t) => {
      send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } });
    }, async () => {
      switch (fault?.kind) {
        case 'stallAfterHeaders': await stallForever(ex); return 'stop';
        case 'heartbeat': await heartbeatForever(ex, () => send('ping', { type: 'ping' }), fault.ms); return 'stop';
        case 'errorEvent':
          send('error', fault.body ?? { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
          res.end();
          return 'stop';
        case 'malformedChunk':
          res.write('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_de\n\n');
          return 'continue';
        case 'truncate': res.end(); return 'stop';
        case 'reset': await ex.wait(50); res.socket?.resetAndDestroy(); return 'stop';
        default: return 'continue';
      }
    });
    if (outcome !== 'done') return;
    send('content_block_stop', { type: 'content_block_stop', index: 0 });
    send('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
      // Cumulative, as the real API sends it: the input-side counts repeat, output_tokens is final.
      usage: {
        input_tokens: usage.input_tokens, cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens, output_tokens: tokens.length,
      },
    });
    send('message_stop', { type: 'message_stop' });
    res.end();
  }
}
