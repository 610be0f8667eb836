// A loopback gateway whose every answer a test scripts byte for byte: LiteLLM's and vLLM's real status codes,
// headers, error bodies and SSE chunks (docs.litellm.ai proxy/response_headers; vLLM's OpenAI-compatible server),
// for the round-8 adversarial tests. Requests are kept (path, bearer, JSON body) so a test can count retries.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest { method: string; path: string; auth: string; body: unknown }

export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body (a whole answer or an error). */
  json?: unknown;
  /** A text body, sent as is. */
  text?: string;
  /** Bytes, sent as is (a binary protobuf answer). */
  raw?: Uint8Array;
  /** SSE: each entry is a chunk object (sent as `data: {json}`) or a raw line; `[DONE]` is added unless `noDone`. */
  sse?: unknown[];
  noDone?: boolean;
  /** Wait this long before the status line. */
  delayMs?: number;
}

export class ScriptedGateway {
  readonly requests: SeenRequest[] = [];
  handler: (r: SeenRequest) => Scripted | Promise<Scripted> = () => ({ status: 404, json: { detail: 'Not Found' } });
  private server: http.Server | undefined;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown = raw;
        try { body = raw ? JSON.parse(raw) : undefined; } catch { /* kept as text */ }
        const seen: SeenRequest = { method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, auth: req.headers.authorization ?? '', body };
        this.requests.push(seen);
        const s = await this.handler(seen);
        if (s.delayMs) await new Promise((r) => setTimeout(r, s.delayMs));
        if (s.sse) {
          res.writeHead(s.status ?? 200, { 'content-type': 'text/event-stream', ...s.headers });
          for (const c of s.sse) res.write(typeof c === 'string' ? `${c}\n\n` : `data: ${JSON.stringify(c)}\n\n`);
          if (!s.noDone) res.write('data: [DONE]\n\n');
          res.end();
          return;
        }
        res.writeHead(s.status ?? 200, { 'content-type': s.raw ? 'application/x-protobuf' : s.text !== undefined ? 'text/plain' : 'application/json', ...s.headers });
        res.end(s.raw ?? s.text ?? JSON.stringify(s.json ?? {}));
      })());
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  chats(): SeenRequest[] { return this.requests.filter((r) => r.path === '/v1/chat/completions'); }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

let n = 0;
/** One chat.completion.chunk as LiteLLM and vLLM stream it. */
export function chunk(model: string, o: { content?: string; finish?: string; usage?: Record<string, unknown>; noChoices?: boolean }): Record<string, unknown> {
  return {
    id: `chatcmpl-${++n}`, object: 'chat.completion.chunk', created: 1_765_000_000, model,
    choices: o.noChoices ? [] : [{ index: 0, delta: o.content !== undefined ? { role: 'assistant', content: o.content } : {}, logprobs: null, finish_reason: o.finish ?? null }],
    ...(o.usage ? { usage: o.usage } : {}),
  };
}

/** A whole streamed answer: text pieces, a finish chunk, and (unless `usage` is null) a final usage chunk. */
export function answer(model: string, pieces: string[], usage: Record<string, unknown> | null): unknown[] {
  return [
    ...pieces.map((p) => chunk(model, { content: p })),
    chunk(model, { finish: 'stop' }),
    ...(usage ? [chunk(model, { noChoices: true, usage })] : []),
  ];
}

/** LiteLLM's ProxyException body (`code` is the status as a string). */
export function proxyError(message: string, type: string, status: number, param: string | null = null): unknown {
  return { error: { message, type, param, code: String(status) } };
}
