// The official client's side of one completion request without the network: the real Ollama provider, its guard
// and the official client, fed by an in-memory fetch that answers with Ollama's own NDJSON. Since a completion to a
// server on this machine is read straight off node:http (ollamaStream.ts), this is the path of any other endpoint
// (or a fetch the caller gave), no longer the replay's; it stays as the hot cost of the client's path.
import { createOllamaProvider } from '../src/core/providers/ollama';
import { figure } from './stats';
import type { BenchFigure } from './types';

const MODEL = 'qwen2.5-coder:1.5b';

function ndjson(): string {
  const at = new Date().toISOString();
  const parts = ['const', ' total', ' =', ' sum(', 'lines', ');'].map((response) => JSON.stringify({ model: MODEL, created_at: at, response, done: false }));
  parts.push(JSON.stringify({
    model: MODEL, created_at: at, response: '', done: true, done_reason: 'stop', prompt_eval_count: 1300, eval_count: 6,
    total_duration: 1, load_duration: 1, prompt_eval_duration: 1, eval_duration: 1,
  }));
  return `${parts.join('\n')}\n`;
}

export async function clientPathFigure(runs: number): Promise<BenchFigure> {
  const show = JSON.stringify({ capabilities: ['completion', 'insert'], model_info: { 'qwen2.context_length': 32768 }, details: {} });
  const body = ndjson();
  const fetchInMemory = (async (input: string | URL | Request) => String(input instanceof Request ? input.url : input).endsWith('/api/show')
    ? new Response(show, { status: 200, headers: { 'content-type': 'application/json' } })
    : new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } })) as typeof fetch;
  const provider = createOllamaProvider({ baseUrl: 'http://127.0.0.1:11434', fetch: fetchInMemory });
  const prefix = 'x'.repeat(4096);
  const suffix = 'y'.repeat(1024);
  const samples: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const t0 = performance.now();
    const it = provider.complete({ model: MODEL, prefix, suffix, maxTokens: 64, stop: ['\n'] }, new AbortController().signal);
    let n = await it.next();
    while (!n.done) n = await it.next();
    if (i >= 20) samples.push(performance.now() - t0); // the first ones warm the JIT and the /api/show cache
  }
  return figure('completion: provider + client path per request, no network', 'ms', samples, {
    note: 'real Ollama provider, guard and official client over an in-memory fetch answering Ollama NDJSON (6 tokens + final), hot; the path of a non-loopback endpoint, not the replay\'s (its loopback completions skip the client: ollamaStream.ts)',
  });
}
