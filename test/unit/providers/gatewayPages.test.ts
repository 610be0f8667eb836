// Deep e2e round 6 (deepGateway.e2e.ts): what an OpenAI-compatible gateway or a network does that the SDKs hide. A
// 200 web page (the base URL is a web UI or a sign-in page) was read as an empty stream: "ended the stream before
// its final chunk", billed as an estimate. A proxy's HTML 400 page lost its words ("rejected the request (400)."). A
// 10-minute Retry-After read "try again in 600 s". A socket dropped right after the headers read "Cannot reach".

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnthropicProvider } from '../../../src/core/providers/anthropic';
import { pageText, waitFor, waitNotice } from '../../../src/core/providers/failureText';
import { RequestGuard } from '../../../src/core/providers/guard';
import { webPageType } from '../../../src/core/providers/responseChecks';
import { createOllamaProvider } from '../../../src/core/providers/ollama';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { nothingBilled } from '../../../src/core/spend/billing';
import { errorTitle } from '../../../src/webview/chat/errorTitle';
import type { ChatProvider } from '../../../src/core/wire/types';
import { FakeAnthropic } from '../../fakes/anthropic';
import { FakeOllama } from '../../fakes/ollama';
import { FakeOpenAI } from '../../fakes/openai';
import { drain, never, sealed, testKey } from './helpers';

const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';
const NGINX_400 = '<html>\r\n<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>Request Header Or Cookie Too Large</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const LOGIN = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in · Open WebUI</title><script src="/static/app.js"></script></head><body><div id="app">Loading…</div></body></html>';

/** A server that answers every request with `status`, `type` and `body`. */
async function pageServer(status: number, type: string, body: string): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const srv = http.createServer((req, res) => { hits++; req.resume(); res.writeHead(status, { 'content-type': type }); res.end(body); });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  return { url, hits: () => hits, close: () => new Promise<void>((r) => { srv.closeAllConnections(); srv.close(() => r()); }) };
}

type Make = (url: string) => { provider: ChatProvider; model: string; setting: string };
const PROVIDERS: Record<string, Make> = {
  openai: (url) => ({ provider: createOpenAIProvider({ baseUrl: `${url}/v1`, apiKey: testKey(), maxRetries: 2 }), model: 'gpt-4.1', setting: 'hybrid.openai.baseUrl' }),
  anthropic: (url) => ({ provider: createAnthropicProvider({ baseUrl: url, apiKey: testKey(), maxRetries: 2 }), model: 'claude-sonnet-4-6', setting: 'hybrid.anthropic.baseUrl' }),
  ollama: (url) => ({ provider: createOllamaProvider({ baseUrl: url }), model: 'qwen2.5-coder:7b', setting: 'hybrid.local.baseUrl' }),
};

suite('providers: gateways that answer with web pages, long waits, sockets dropped after the headers', () => {
  suite('pageText: the words of an error page', () => {
    test('nginx pages: the title without its status number', () => {
      assert.equal(pageText(NGINX_400), 'Request Header Or Cookie Too Large');
      assert.equal(pageText(NGINX_502), 'Bad Gateway');
    });
    test('no title: the visible text, scripts and styles left out, entities read', () => {
      const page = '<!doctype html><html><head><style>body{color:red}</style><script>var k="x"</script></head><body><p>Access&nbsp;denied &amp; logged</p><p>Ray ID: 8f1</p></body></html>';
      assert.equal(pageText(page), 'Access denied & logged Ray ID: 8f1');
    });
    test('text that is not HTML is left as it is (JSON, plain text, a sentence that mentions <html>)', () => {
      for (const t of ['{"error":"x"}', 'upstream connect error or disconnect/reset before headers', 'the <html> tag is not allowed']) assert.equal(pageText(t), t);
    });
    test('an XHTML page with an XML prolog', () => {
      assert.equal(pageText('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>403 - Forbidden: Access is denied.</title></head><body/></html>'), 'Forbidden: Access is denied.');
    });
  });

  suite('waitFor: a wait in the unit a person reads', () => {
    test('seconds below 90 s, minutes below 90 min, then hours; always rounded up', () => {
      assert.equal(waitFor(2_000), '2 s');
      assert.equal(waitFor(89_000), '89 s');
      assert.equal(waitFor(90_000), '2 min');
      assert.equal(waitFor(600_000), '10 min');
      assert.equal(waitFor(601_000), '11 min');
      assert.equal(waitFor(3 * 3_600_000), '3 h');
      assert.match(waitNotice('OpenAI', { status: 429, retryAfterMs: 300_000 }), /trying again in 5 min, as it asked/);
    });
  });

  suite('the guard: a 2xx web page is not an answer', () => {
    const OPTS = { firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, maxRetryAfterMs: 10_000 };
    test('text/html and XHTML with parameters are web pages; JSON, NDJSON, SSE and no type are not', () => {
      for (const t of ['text/html', 'text/html; charset=utf-8', 'TEXT/HTML', 'application/xhtml+xml']) assert.ok(webPageType(new Headers({ 'content-type': t })), t);
      for (const t of ['application/json', 'application/x-ndjson', 'text/event-stream', 'text/plain', '']) assert.equal(webPageType(new Headers(t ? { 'content-type': t } : {})), undefined, t);
    });
    test('a 200 page stops the request and is named; an HTML error status goes on to the client as an error', async () => {
      const page = new RequestGuard(never(), { ...OPTS, fetch: async () => new Response(LOGIN, { status: 200, headers: { 'content-type': 'text/html' } }) });
      await assert.rejects(page.fetch('http://127.0.0.1:1/v1/chat/completions'), /AbortError|instead of the API/);
      assert.equal(page.state.notApi, 'text/html');
      const err = new RequestGuard(never(), { ...OPTS, fetch: async () => new Response(NGINX_502, { status: 502, headers: { 'content-type': 'text/html' } }) });
      assert.equal((await err.fetch('http://127.0.0.1:1/v1/chat/completions')).status, 502);
      assert.equal(err.state.notApi, undefined);
    });
  });

  for (const [name, make] of Object.entries(PROVIDERS)) {
    test(`${name}: a 200 web page names the base URL setting, is not retried and bills nothing`, async () => {
      const srv = await pageServer(200, 'text/html; charset=utf-8', LOGIN);
      try {
        const { provider, model, setting } = make(srv.url);
        const d = await drain(provider.stream(sealed(model), never()));
        const f = d.result.failure;
        assert.equal(d.result.finish, 'error');
        assert.equal(f?.code, 'notApi', JSON.stringify(f));
        assert.match(f!.message, new RegExp(`web page \\(text/html\\), not the API — check ${setting.replace(/\./g, '\\.')}`));
        assert.doesNotMatch(f!.message, /<|incomplete/);
        assert.equal(f?.fix, 'openSettings');
        assert.equal(srv.hits(), 1, 'a web page is not retried');
        assert.deepEqual(d.result.usage, nothingBilled(), 'no model ran');
        assert.equal(d.text, '');
      } finally { await srv.close(); }
    });

    test(`${name}: an HTML 400 page gives its words, never its markup`, async () => {
      const srv = await pageServer(400, 'text/html', NGINX_400);
      try {
        const { provider, model } = make(srv.url);
        const d = await drain(provider.stream(sealed(model), never()));
        const m = d.result.failure?.message ?? '';
        assert.match(m, /Request Header Or Cookie Too Large/, m);
        assert.doesNotMatch(m, /<|center|nginx/, m);
      } finally { await srv.close(); }
    });
  }

  for (const [name, Fake, baseUrl] of [['openai', FakeOpenAI, (u: string) => `${u}/v1`], ['anthropic', FakeAnthropic, (u: string) => u]] as const) {
    test(`${name}: the socket dropped right after the headers is a lost connection, not "Cannot reach"`, async () => {
      const fake = new Fake();
      const s = await fake.start();
      try {
        fake.setFault({ kind: 'reset', afterTokens: 0 });
        const provider = name === 'openai'
          ? createOpenAIProvider({ baseUrl: baseUrl(s.url), apiKey: testKey(), maxRetries: 0 })
          : createAnthropicProvider({ baseUrl: baseUrl(s.url), apiKey: testKey(), maxRetries: 0 });
        const d = await drain(provider.stream(sealed(name === 'openai' ? 'gpt-4.1' : 'claude-sonnet-4-6'), never()));
        const m = d.result.failure?.message ?? '';
        assert.equal(d.result.failure?.code, 'connection', m);
        assert.match(m, /was lost before the answer began \(connection reset\) — check your network, then try again/);
        assert.doesNotMatch(m, /Cannot reach/);
      } finally { await fake.close(); }
    });

    test(`${name}: a 429 asking for 10 minutes says "10 min" and is not waited out`, async () => {
      const fake = new Fake();
      const s = await fake.start();
      try {
        fake.setFault({ kind: 'status', status: 429, retryAfter: 600 });
        const provider = name === 'openai'
          ? createOpenAIProvider({ baseUrl: baseUrl(s.url), apiKey: testKey(), maxRetries: 2 })
          : createAnthropicProvider({ baseUrl: baseUrl(s.url), apiKey: testKey(), maxRetries: 2 });
        const d = await drain(provider.stream(sealed(name === 'openai' ? 'gpt-4.1' : 'claude-sonnet-4-6'), never()));
        assert.match(d.result.failure?.message ?? '', /\(429\) — try again in 10 min\./);
        assert.equal(fake.requests.length, 1);
      } finally { await fake.close(); }
    });
  }
});

suite('Ollama drops a connection it had taken, before any word', () => {
  test('"closed the connection before answering", not "not running"; a refused connection is still "not running"', async () => {
    const fake = new FakeOllama();
    const s = await fake.start();
    try {
      fake.setFault({ kind: 'reset', afterTokens: 0 });
      const d = await drain(createOllamaProvider({ baseUrl: s.url }).stream(sealed('qwen2.5-coder:7b'), never()));
      const m = d.result.failure?.message ?? '';
      assert.equal(d.result.failure?.code, 'connection', m);
      assert.match(m, /Ollama closed the connection before answering/);
      assert.doesNotMatch(m, /not running/);
      assert.equal(errorTitle('connection', false, false, m), 'The connection was lost');
      fake.setFault({ kind: 'reset', afterTokens: 0, once: true });
      const once = await drain(createOllamaProvider({ baseUrl: s.url }).stream(sealed('qwen2.5-coder:7b'), never()));
      assert.equal(once.result.failure, undefined, 'one dropped attempt on a reused socket is retried and answers');
    } finally { await fake.close(); }
    const port = s.port;
    const refused = await drain(createOllamaProvider({ baseUrl: `http://127.0.0.1:${port}` }).stream(sealed('qwen2.5-coder:7b'), never()));
    assert.match(refused.result.failure?.message ?? '', /Ollama is not running at/);
  });
});

suite('the card heading of a connection lost after the server answered', () => {
  test('"The connection was lost", not "Could not reach the model"; a refused connection keeps its heading', () => {
    assert.equal(errorTitle('connection', false, false, 'The connection to OpenAI was lost before the answer began (connection reset) — check your network, then try again.'), 'The connection was lost');
    assert.equal(errorTitle('connection', false, false, 'Cannot reach OpenAI at http://127.0.0.1:1/v1 (connection refused) — check your network and hybrid.openai.baseUrl.'), 'Could not reach the model');
    assert.equal(errorTitle('server', false, false, 'The connection to OpenAI was lost'), 'The model server had an error', 'only a connection failure');
    assert.equal(errorTitle('notApi'), 'That address is not the model\'s API');
  });
});
