// Fake local embedding server on 127.0.0.1: Ollama's POST /api/embed ({model, input} → {model, embeddings,
// total_duration, load_duration, prompt_eval_count}; 404 {"error": "model \"…\" not found, try pulling it
// first"} for a model that is not pulled) and the OpenAI-compatible POST /v1/embeddings ({object: 'list', data:
// [{object: 'embedding', index, embedding}], model, usage}). Vectors are deterministic: hashed character
// trigrams of the NFKC-lower-cased text, so similar wording gives similar vectors.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbedRequestRecord { path: string; body: { model?: string; input?: string | string[]; encoding_format?: string } }

export const FAKE_EMBED_DIMS = 256;

export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(FAKE_EMBED_DIMS).fill(0);
  const s = ` ${text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')} `;
  const chars = [...s];
  for (let i = 0; i + 2 < chars.length; i++) {
    let h = 2166136261;
    for (const c of chars.slice(i, i + 3).join('')) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
    v[(h >>> 0) % FAKE_EMBED_DIMS] += 1;
  }
  const n = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  return v.map((x) => x / n);
}

export class FakeEmbedServer {
  readonly requests: EmbedRequestRecord[] = [];
  models = new Set(['nomic-embed-text:latest', 'nomic-embed-text']);
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
      req.on('end', () => this.handle(req.url ?? '', raw, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(url: string, raw: string, res: http.ServerResponse): void {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    let body: EmbedRequestRecord['body'];
    try { body = JSON.parse(raw) as EmbedRequestRecord['body']; } catch { send(400, { error: 'invalid JSON' }); return; }
    const path = url.split('?')[0];
    this.requests.push({ path, body });
    const inputs = typeof body.input === 'string' ? [body.input] : body.input;
    if (!Array.isArray(inputs) || typeof body.model !== 'string') { send(400, { error: 'model and input are required' }); return; }
    if (path === '/api/embed') {
      if (!this.models.has(body.model)) { send(404, { error: `model "${body.model}" not found, try pulling it first` }); return; }
      send(200, { model: body.model, embeddings: inputs.map(fakeEmbedding), total_duration: 1_200_000, load_duration: 300_000, prompt_eval_count: inputs.join(' ').length });
    } else if (path === '/v1/embeddings') {
      if (!this.models.has(body.model)) { send(404, { error: { message: `model "${body.model}" not found`, type: 'invalid_request_error', param: null, code: null } }); return; }
      const tokens = inputs.join(' ').length;
      send(200, { object: 'list', data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(t) })), model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
    } else {
      send(404, { error: 'not found' });
    }
  }
}
