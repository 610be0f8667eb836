// An independent Ollama, shaped after docs/api.md of ollama/ollama rather than after our provider:
// GET /api/version, GET /api/tags (name, model, modified_at, size, digest, details), POST /api/show (with or
// without `capabilities`: servers before 0.6.4 have none), POST /api/chat and /api/generate as
// application/x-ndjson whose non-final lines carry no counts and whose final line carries done_reason,
// total/load/prompt_eval/eval durations and counts; missing models answer 404 {"error":"model 'x' not found"}.

import type * as http from 'node:http';
import { deliver, json, words, WireServer, type Delivery, type WireRequest } from './wire';

export interface IndependentOllamaModel {
  name: string;
  family: string;
  /** Omitted = an older server whose /api/show has no `capabilities` field. */
  capabilities?: string[];
  contextLength?: number;
}

export interface IndependentOllamaOptions {
  version?: string;
  models?: IndependentOllamaModel[];
  answer?: string;
  delivery?: Delivery;
  /** Stop after this many deltas with done_reason "length" (as num_predict does). Default: options.num_predict. */
  maxDeltas?: number;
  /** After this many deltas, send {"error": …} as the next line (the model crashed mid-answer). */
  errorAfter?: number;
  /** prompt_eval_count to report instead of the fake's own ≈4-characters-a-token count of the prompt. */
  promptEvalCount?: number;
  /** Routes it does not serve, answered as Go's mux does (404, text/plain "404 page not found"): a proxy or a
   * minimal Ollama-compatible server in front of the model. */
  unrouted?: string[];
}

export class IndependentOllama {
  readonly server: WireServer;
  opts: IndependentOllamaOptions;

  constructor(opts: IndependentOllamaOptions = {}) {
    this.opts = opts;
    this.server = new WireServer((req, res) => this.route(req, res));
  }

  get seen() { return this.server.seen; }
  listen(): Promise<string> { return this.server.listen(); }
  close(): Promise<void> { return this.server.close(); }

  private models(): IndependentOllamaModel[] {
    return this.opts.models ?? [{ name: 'qwen2.5-coder:7b', family: 'qwen2', capabilities: ['completion', 'tools', 'insert'], contextLength: 32768 }];
  }

  private find(name: unknown): IndependentOllamaModel | undefined {
    if (typeof name !== 'string') return undefined;
    const full = name.includes(':') ? name : `${name}:latest`;
    return this.models().find((m) => m.name === full);
  }

  private headers(): Record<string, string> {
    return this.opts.delivery?.close ? { connection: 'close' } : {};
  }

  private async route(req: WireRequest, res: http.ServerResponse): Promise<void> {
    const body = (req.json ?? {}) as Record<string, unknown>;
    if (this.opts.unrouted?.includes(req.path)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('404 page not found');
    }
    if (req.method === 'GET' && req.path === '/api/version') return json(res, 200, { version: this.opts.version ?? '0.5.7' }, this.headers());
    if ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Ollama is running');
    }
    if (req.method === 'GET' && req.path === '/api/tags') {
      return json(res, 200, {
        models: this.models().map((m, i) => ({
          name: m.name, model: m.name, modified_at: '2025-05-04T17:37:44.706015396-07:00', size: 4_683_087_332 + i,
          digest: `a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5${i}`,
          details: { parent_model: '', format: 'gguf', family: m.family, families: [m.family], parameter_size: '7.6B', quantization_level: 'Q4_K_M' },
        })),
      }, this.headers());
    }
    if (req.method === 'POST' && req.path === '/api/show') {
      const m = this.find(body.model ?? body.name);
      if (!m) return json(res, 404, { error: `model '${String(body.model ?? body.name)}' not found` }, this.headers());
      return json(res, 200, {
        license: 'Apache License 2.0', modelfile: `FROM /models/${m.name}`, parameters: 'stop "<|im_end|>"',
        template: '{{ .Prompt }}',
        details: { parent_model: '', format: 'gguf', family: m.family, families: [m.family], parameter_size: '7.6B', quantization_level: 'Q4_K_M' },
        model_info: { 'general.architecture': m.family, [`${m.family}.context_length`]: m.contextLength ?? 32768 },
        modified_at: '2025-05-04T17:37:44.706015396-07:00',
        ...(m.capabilities ? { capabilities: m.capabilities } : {}),
      }, this.headers());
    }
    if (req.method === 'POST' && (req.path === '/api/chat' || req.path === '/api/generate')) {
      const m = this.find(body.model);
      if (!m) return json(res, 404, { error: `model '${String(body.model)}' not found` }, this.headers());
      return this.generate(req.path === '/api/chat', m, body, res);
    }
    json(res, 404, { error: '404 page not found' });
  }

  private async generate(chat: boolean, m: IndependentOllamaModel, body: Record<string, unknown>, res: http.ServerResponse): Promise<void> {
    const options = (body.options ?? {}) as { num_predict?: number };
    let deltas = words(this.opts.answer ?? 'Independent Ollama answers in several short words.');
    const limit = this.opts.maxDeltas ?? options.num_predict;
    const cut = limit !== undefined && limit >= 0 && deltas.length > limit;
    if (cut) deltas = deltas.slice(0, limit);
    const created = () => new Date().toISOString();
    const piece = (text: string, done: boolean) => chat
      ? { model: m.name, created_at: created(), message: { role: 'assistant', content: text }, done }
      : { model: m.name, created_at: created(), response: text, done };
    const lines: string[] = [];
    for (const [i, d] of deltas.entries()) {
      if (this.opts.errorAfter === i) {
        lines.push(JSON.stringify({ error: 'an error was encountered while running the model: unexpected EOF' }) + '\n');
        break;
      }
      lines.push(JSON.stringify(piece(d, false)) + '\n');
    }
    if (this.opts.errorAfter === undefined || this.opts.errorAfter >= deltas.length) {
      const prompt = JSON.stringify(chat ? body.messages : [body.prompt, body.suffix]);
      lines.push(JSON.stringify({
        ...piece('', true), done_reason: cut ? 'length' : 'stop',
        ...(chat ? {} : { context: [1, 2, 3] }),
        total_duration: 4_883_583_458, load_duration: 1_334_875, prompt_eval_count: this.opts.promptEvalCount ?? Math.ceil(prompt.length / 4),
        prompt_eval_duration: 342_546_000, eval_count: deltas.length, eval_duration: 4_535_599_000,
      }) + '\n');
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson', ...this.headers() });
    await deliver(res, lines, this.opts.delivery ?? {});
  }
}
