// spend7: the FIM stream merges repeated usage the way chat does — a trailing zeroed copy after the real usage (a proxy)
// keeps the counts, so a local completion's cloud-equivalent is not priced on 0 tokens. A raw SSE server, not a fake
// of ours, writes the Completions chunks.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import type { FimBody } from '../../../src/core/wire/types';
import { drain, never } from './helpers';

suite('providers/openai FIM: repeated usage chunks', () => {
  let server: http.Server;
  let url = '';
  const chunk = (o: object) => `data: ${JSON.stringify({ id: 'cmpl-1', object: 'text_completion', created: 1, model: 'qwen', ...o })}\n\n`;
  suiteSetup(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end([
          chunk({ choices: [{ index: 0, text: 'return a + b', finish_reason: null, logprobs: null }], usage: null }),
          chunk({ choices: [{ index: 0, text: '', finish_reason: 'stop', logprobs: null }], usage: null }),
          chunk({ choices: [], usage: { prompt_tokens: 40, completion_tokens: 5, total_tokens: 45 } }),
          chunk({ choices: [], usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } }),
          'data: [DONE]\n\n',
        ].join(''));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  suiteTeardown(() => new Promise<void>((r) => server.close(() => r())));

  test('a zeroed usage after the real one keeps 40 in / 5 out, provider-counted', async () => {
    const body: FimBody = { model: 'Qwen/Qwen2.5-Coder-1.5B', prefix: 'def add(a, b):\n    ', suffix: '\n', maxTokens: 16 };
    const d = await drain(createOpenAIProvider({ baseUrl: url, location: 'local' }).complete!(body, never()));
    assert.equal(d.result.failure, undefined, JSON.stringify(d.result.failure));
    assert.deepEqual([d.result.usage.input, d.result.usage.output, d.result.usage.source], [40, 5, 'provider']);
  });
});
