// Embedding endpoints of the fakes. The vectors are a deterministic stand-in for a model — hashed word counts in 64
// dimensions, L2-normalised as real servers return them — so texts that share words are similar. The wire formats
// are the real ones: Ollama /api/embed, and OpenAI /v1/embeddings (float arrays, or base64 little-endian float32,
// which the official client asks for by default) with /v1/models.
import type { Exchange } from './base';
import { fakeTokenCount } from './base';

export function standInEmbedding(text: string): number[] {
  const v = new Array<number>(64).fill(0);
  for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    v[(h >>> 0) % 64] += 1;
  }
  const n = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  return v.map((x) => x / n);
}

function json(ex: Exchange, status: number, body: unknown): void {
  ex.res.writeHead(status, { 'content-type': 'application/json' });
  ex.res.end(JSON.stringify(body));
}

/** GET /v1/models and POST /v1/embeddings of an OpenAI-compatible server; false when the request is neither. */
export function handleOpenAIEmbeddings(ex: Exchange, models: { chat: string[]; embedding: string[] }): boolean {
  const { req, record } = ex;
  if (req.method === 'GET' && record.path === '/v1/models') {
    json(ex, 200, { object: 'list', data: [...models.chat, ...models.embedding].map((id) => ({ id, object: 'model', created: 1_767_225_600, owned_by: 'local' })) });
    return true;
  }
  if (req.method !== 'POST' || record.path !== '/v1/embeddings') return false;
  const body = (record.body ?? {}) as { model?: string; input?: unknown; encoding_format?: string };
  if (!body.model || !models.embedding.includes(body.model)) {
    json(ex, 400, { error: { message: `model ${String(body.model)} does not support embeddings`, type: 'invalid_request_error', param: 'model', code: null } });
    return true;
  }
  const texts = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? '')];
  const data = texts.map((t, index) => {
    const v = standInEmbedding(t);
    const embedding = body.encoding_format === 'base64' ? Buffer.from(Float32Array.from(v).buffer).toString('base64') : v;
    return { object: 'embedding', index, embedding };
  });
  const tokens = texts.reduce((a, t) => a + fakeTokenCount(t), 0);
  json(ex, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
  return true;
}
