// Fake Ollama HTTP API: /api/version, /api/tags, /api/show (capabilities, remote_host), /api/ps (models in memory,
// expires_at, context_length), /api/embed, a cold model that loads for `loadDelayMs` before its first byte (as Ollama loads
// before it answers; an empty /api/generate prompt only loads, done_reason "load"), /api/generate and
// /api/chat (NDJSON; final chunk with done, done_reason, counts and durations in nanoseconds), the real 404 for a
// model that is not pulled, 400 for `suffix` on a model without `insert`, and Ollama's silent prompt truncation.

import {
  FakeServer, fakeTokenCount, stallForever, streamTokens, tokenize,
  type Exchange, type Fault, type ReplyConfig,
} from './base';
import { standInEmbedding } from './embeddings';
import { wireLogprob, type LogprobMode } from './logprobs';

export interface FakeOllamaModel {
  name: string;
  /** e.g. ['completion', 'insert'] — 'insert' = native FIM through `suffix`. */
  capabilities: string[];
  family?: string;
  contextLength?: number;
  /** Set to simulate an Ollama cloud model proxied through the local server. */
  remoteHost?: string;
}

export type { LogprobMode };

export const DEFAULT_OLLAMA_MODELS: FakeOllamaModel[] = [
  { name: 'qwen2.5-coder:1.5b', capabilities: ['completion', 'insert'], family: 'qwen2', contextLength: 32768 },
  { name: 'qwen2.5-coder:7b', capabilities: ['completion', 'insert', 'tools'], family: 'qwen2', contextLength: 32768 },
  { name: 'starcoder2:3b', capabilities: ['completion'], family: 'starcoder2', contextLength: 16384 },
];

/** Ollama's default context window when the request sets no num_ctx. */
export const FAKE_DEFAULT_NUM_CTX = 4096;

const NS_PER_MS = 1_000_000;

export class FakeOllama extends FakeServer {
  models: FakeOllamaModel[];
  version = '0.12.6';
  /** What a request with `logprobs: true` gets back (see ./logprobs). */
  logprobs: LogprobMode = 'confident';
  /** Models in memory → the context they were loaded with (undefined: not said, as older Ollama). */
  private readonly loaded = new Map<string, number | undefined>();
  /** Time to load a model that is not in memory (or is, with another num_ctx) before the first byte. */
  loadDelayMs = 0;
  /** Ollama ends the answer before the first `options.stop` sequence (done_reason "stop"); false = a server that ignores it. */
  honourStop = true;
  /** Ollama's Go server keeps idle connections open (no idle time-out is set). */
  protected override keepAliveMs = 300_000;

  constructor(reply: Partial<ReplyConfig> = {}, models: FakeOllamaModel[] = DEFAULT_OLLAMA_MODELS) {
    super({ marker: '[fake-ollama]', ...reply }, ['/api/generate', '/api/chat']);
    this.models = models.map((m) => ({ ...m }));
    for (const m of this.models) this.loaded.set(m.name, undefined);
  }

  /** Unloads every model (or the ones named): the next request for one waits `loadDelayMs` first. */
  setCold(loadDelayMs: number, names?: string[]): void {
    this.loadDelayMs = loadDelayMs;
    for (const m of names ?? [...this.loaded.keys()]) this.loaded.delete(this.find(m)?.name ?? m);
  }

  isLoaded(name: string): boolean {
    const m = this.find(name);
    return !!m && this.loaded.has(m.name);
  }

  setModels(models: FakeOllamaModel[]): void {
    this.models = models.map((m) => ({ ...m }));
  }

  protected override errorBody(status: number, fault: Fault): unknown {
    if (status === 404) return { error: 'model "x" not found, try pulling it first' };
    if (status === 503) return { error: 'server busy, please try again.  maximum pending requests exceeded' };
    return { error: typeof fault.body === 'string' ? fault.body : `fake ollama error ${status}` };
  }

  private find(name: unknown): FakeOllamaModel | undefined {
    if (typeof name !== 'string') return undefined;
    const full = name.includes(':') ? name : `${name}:latest`;
    return this.models.find((m) => m.name === full || m.name === name);
  }

  private json(ex: Exchange, status: number, body: unknown): void {
    ex.res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    ex.res.end(JSON.stringify(body));
  }

  protected async handle(ex: Exchange): Promise<void> {
    const { record } = ex;
    const body = (record.body ?? {}) as Record<string, unknown>;
    switch (`${record.method} ${record.path}`) {
      case 'GET /api/version': return this.json(ex, 200, { version: this.version });
      case 'GET /api/tags': return this.json(ex, 200, { models: this.models.map((m) => this.tag(m)) });
      case 'GET /api/ps': return this.json(ex, 200, {
        models: this.models.filter((m) => this.loaded.has(m.name)).map((m) => {
          const { modified_at: _modified, ...tag } = this.tag(m) as Record<string, unknown>;
          const ctx = this.loaded.get(m.name);
          return { ...tag, expires_at: new Date(Date.now() + 30 * 60_000).toISOString(), size_vram: 986_000_000, ...(ctx ? { context_length: ctx } : {}) };
        }),
      });
      case 'POST /api/show': {
        const m = this.find(body['model'] ?? body['name']);
        if (!m) return this.json(ex, 404, { error: `model '${String(body['model'])}' not found` });
        return this.json(ex, 200, {
          modelfile: `FROM ${m.name}`,
          parameters: '',
          template: m.capabilities.includes('insert') ? '{{- if .Suffix }}<|fim_prefix|>{{ .Prompt }}<|fim_suffix|>{{ .Suffix }}<|fim_middle|>{{ end }}' : '{{ .Prompt }}',
          details: { format: 'gguf', family: m.family ?? 'llama', families: [m.family ?? 'llama'], parameter_size: '1.5B', quantization_level: 'Q4_K_M' },
          model_info: { [`${m.family ?? 'llama'}.context_length`]: m.contextLength ?? 32768 },
          capabilities: m.capabilities,
          ...(m.remoteHost ? { remote_host: m.remoteHost, remote_model: m.name.replace(/-cloud$/, '') } : {}),
          modified_at: '2026-01-01T00:00:00Z',
        });
      }
      case 'POST /api/embed': return this.embed(ex, body);
      case 'POST /api/generate': return this.generate(ex, body, 'generate');
      case 'POST /api/chat': return this.generate(ex, body, 'chat');
      default: return this.json(ex, 404, { error: '404 page not found' });
    }
  }

  /**
   * /api/embed: L2-normalised vectors, one per input, as Ollama returns them (a deterministic stand-in, ./embeddings).
   */
  private embed(ex: Exchange, body: Record<string, unknown>): void {
    const m = this.find(body['model']);
    if (!m) return this.json(ex, 404, { error: `model "${String(body['model'])}" not found, try pulling it first` });
    if (!m.capabilities.includes('embedding')) return this.json(ex, 400, { error: 'this model does not support embeddings' });
    const input = body['input'];
    const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
    const embeddings = texts.map(standInEmbedding);
    return this.json(ex, 200, {
      model: m.name, embeddings, total_duration: 1_000_000, load_duration: 100_000,
      prompt_eval_count: texts.reduce((a, t) => a + fakeTokenCount(t), 0),
    });
  }

  private tag(m: FakeOllamaModel): unknown {
    return {
      name: m.name, model: m.name, modified_at: '2026-01-01T00:00:00Z', size: 986_000_000,
      digest: 'f'.repeat(64),
      details: { parent_model: '', format: 'gguf', family: m.family ?? 'llama', families: [m.family ?? 'llama'], parameter_size: '1.5B', quantization_level: 'Q4_K_M' },
      ...(m.remoteHost ? { remote_host: m.remoteHost, remote_model: m.name } : {}),
    };
  }

  private async generate(ex: Exchange, body: Record<string, unknown>, kind: 'generate' | 'chat'): Promise<void> {
    const m = this.find(body['model']);
    if (!m) return this.json(ex, 404, { error: `model "${String(body['model'])}" not found, try pulling it first` });
    if (kind === 'generate') {
      if (typeof body['suffix'] === 'string' && body['suffix'] && !m.capabilities.includes('insert')) {
        return this.json(ex, 400, { error: `registry.ollama.ai/library/${m.name} does not support insert` });
      }
      if (body['raw'] === true && (body['system'] || body['template'] || body['context'])) {
        return this.json(ex, 400, { error: 'raw mode does not support template, system, or context' });
      }
    }
    const options = (body['options'] ?? {}) as { num_predict?: number; num_ctx?: number };
    // Ollama loads a model that is not in memory, or is with another context size, before anything is sent.
    const wantCtx = options.num_ctx;
    if (!this.loaded.has(m.name) || (wantCtx !== undefined && this.loaded.get(m.name) !== undefined && this.loaded.get(m.name) !== wantCtx)) {
      if (this.loadDelayMs > 0 && !(await ex.wait(this.loadDelayMs))) return;
      this.loaded.set(m.name, wantCtx ?? FAKE_DEFAULT_NUM_CTX);
    } else if (wantCtx !== undefined && this.loaded.get(m.name) === undefined) {
      this.loaded.set(m.name, wantCtx);
    }
    if (kind === 'generate' && body['prompt'] === '' && !body['suffix']) {
      return this.json(ex, 200, { model: m.name, created_at: new Date().toISOString(), response: '', done: true, done_reason: 'load' });
    }
    const promptText = kind === 'chat' ? JSON.stringify(body['messages'] ?? []) : `${String(body['prompt'] ?? '')}${String(body['suffix'] ?? '')}`;
    const estimated = fakeTokenCount(promptText);
    const numCtx = options.num_ctx ?? FAKE_DEFAULT_NUM_CTX;
    // Real Ollama keeps about half the window and drops the front when the prompt does not fit, still 200.
    const promptEvalCount = estimated > numCtx ? Math.floor(numCtx / 2) : estimated;
    let answer = this.answerFor(ex.record.body);
    const stops = (options as { stop?: unknown }).stop;
    if (this.honourStop && Array.isArray(stops)) {
      const cut = Math.min(...stops.filter((x): x is string => typeof x === 'string' && x.length > 0).map((x) => answer.indexOf(x)).filter((i) => i >= 0));
      if (Number.isFinite(cut)) answer = answer.slice(0, cut);
    }
    let tokens = tokenize(answer);
    let doneReason = 'stop';
    if (typeof options.num_predict === 'number' && options.num_predict >= 0 && tokens.length > options.num_predict) {
      tokens = tokens.slice(0, options.num_predict);
      doneReason = 'length';
    }
    const started = Date.now();
    const createdAt = (): string => new Date().toISOString();
    // Ollama ≥ 0.12.11: `logprobs: true` (+ `top_logprobs`) adds a per-chunk `logprobs` array.
    const wantLogprobs = body['logprobs'] === true && this.logprobs !== 'unsupported';
    const topN = typeof body['top_logprobs'] === 'number' ? body['top_logprobs'] : 0;
    let index = 0;
    const piece = (text: string, done: boolean): Record<string, unknown> => {
      const base = kind === 'chat'
        ? { model: m.name, created_at: createdAt(), message: { role: 'assistant', content: text }, done }
        : { model: m.name, created_at: createdAt(), response: text, done };
      return wantLogprobs && text ? { ...base, logprobs: [wireLogprob(text, index++, this.logprobs, topN)] } : base;
    };

    if (body['stream'] === false) {
      if (!(await ex.wait(this.reply.ttftMs))) return;
      const total = (Date.now() - started) * NS_PER_MS;
      return this.json(ex, 200, { ...piece(tokens.join(''), true), ...this.finalFields(doneReason, promptEvalCount, tokens.length, total) });
    }

    ex.res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const send = (o: unknown): void => { ex.res.write(`${JSON.stringify(o)}\n`); };
    const fault: Fault | undefined = ex.fault;
    const outcome = await streamTokens(ex, this.reply, tokens, (t) => send(piece(t, false)), async () => {
      switch (fault?.kind) {
        case 'stallAfterHeaders': await stallForever(ex); return 'stop';
        case 'errorEvent':
          send(fault.body ?? { error: 'an error was encountered while running the model: unexpected EOF' });
          ex.res.end();
          return 'stop';
        case 'malformedChunk': ex.res.write('{"model":"x","response":\n'); return 'continue';
        case 'truncate': ex.res.end(); return 'stop';
        // A moment first, so the words already written reach the client before the reset drops the socket.
        case 'reset': await ex.wait(50); ex.res.socket?.resetAndDestroy(); return 'stop';
        default: return 'continue';
      }
    });
    if (outcome !== 'done') return;
    const total = Math.max(1, Date.now() - started) * NS_PER_MS;
    send({ ...piece('', true), ...this.finalFields(doneReason, promptEvalCount, tokens.length, total) });
    ex.res.end();
  }

  private finalFields(doneReason: string, promptEvalCount: number, evalCount: number, totalNs: number): Record<string, unknown> {
    const load = Math.floor(totalNs * 0.1);
    const promptEval = Math.floor(totalNs * 0.2);
    return {
      done_reason: doneReason,
      total_duration: totalNs,
      load_duration: load,
      prompt_eval_count: promptEvalCount,
      prompt_eval_duration: promptEval,
      eval_count: evalCount,
      eval_duration: totalNs - load - promptEval,
    };
  }
}
