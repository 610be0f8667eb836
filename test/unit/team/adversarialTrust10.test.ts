// Adversarial round on team mode (team10), part 4: what "trusted host" means, spelled every way, and proxies.
// Written before the first run. Expectations: an IPv4-mapped IPv6 address is the IPv4 host it maps (loopback or a
// trusted box), other IPv6 forms that merely embed 127.x are not loopback; userinfo never changes whose host it is,
// and a trustedHosts entry carrying one trusts nothing; `localhost.`, upper case, percent- and number-spelled loopback
// literals are loopback; a DNS name counts only for the local tier and only when every address is loopback; and a
// proxy in the environment (HTTP(S)_PROXY, a proxying global dispatcher) never sees a private request in clear text.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { EnvHttpProxyAgent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { checkLocalEndpoint, ignoredTrustedHosts, isLocalEndpoint } from '../../../src/core/route/locality';
import { judgePrivateGroup, type GatewayDeployment } from '../../../src/core/team/gateway';
import { createOpenAIProvider } from '../../../src/core/providers/openai';
import { createGatewayGroupProvider } from '../../../src/core/providers/gatewayGroup';
import { createGatewayInfo } from '../../../src/core/team/gatewayInfo';
import { createOtlpSpend } from '../../../src/core/team/otlpExport';
import type { LedgerRecord } from '../../../src/core/request';
import { answer, ScriptedGateway } from './scriptedGateway';
import { chatBody, drain, never } from '../providers/helpers';

const GW = 'https://llm.corp.internal';
const dep = (apiBase: string): GatewayDeployment[] => [{ group: 'team-coder', apiBase, model: 'hosted_vllm/q' }];
const judged = (apiBase: string, trusted: string[]) => judgePrivateGroup('team-coder', GW, ['team-coder'], ['llm.corp.internal', ...trusted], dep(apiBase));

suite('team10 adversarial: trustedHosts spellings', () => {
  test('IPv4-mapped IPv6 loopback ([::ffff:127.0.0.1], [::ffff:7f00:1], [::ffff:127.9.9.9]) is loopback', () => {
    for (const u of ['http://[::ffff:127.0.0.1]:11434', 'http://[::ffff:7f00:1]:11434', 'http://[::ffff:127.9.9.9]:8000', 'http://[0:0:0:0:0:ffff:127.0.0.1]/']) {
      assert.equal(isLocalEndpoint(u, []), true, u);
    }
  });

  test('IPv6 forms that only embed 127.x are not loopback: IPv4-compatible [::127.0.0.1], NAT64 [64:ff9b::127.0.0.1], 6to4 [2002:7f00:1::]', () => {
    for (const u of ['http://[::127.0.0.1]:8000', 'http://[64:ff9b::127.0.0.1]:8000', 'http://[2002:7f00:1::]:8000', 'http://[::ffff:0:127.0.0.1]:8000']) {
      assert.equal(isLocalEndpoint(u, []), false, u);
    }
  });

  test('a trusted IPv4 box reached by its IPv4-mapped IPv6 spelling is the same host (and the reverse)', () => {
    assert.equal(judged('http://[::ffff:10.0.0.9]:8000/v1', ['10.0.0.9']).private, true);
    assert.equal(judged('http://10.0.0.9:8000/v1', ['::ffff:10.0.0.9']).private, true);
    assert.equal(judged('http://[::ffff:10.0.0.8]:8000/v1', ['10.0.0.9']).private, false);
  });

  test('userinfo in an api_base never changes the host: http://10.0.0.7@evil.example is evil.example', () => {
    assert.equal(judged('http://10.0.0.7@evil.example:8000/v1', ['10.0.0.7']).private, false);
    assert.equal(judged('http://10.0.0.7:8000@evil.example/v1', ['10.0.0.7']).private, false);
    assert.equal(judged('http://evil.example@10.0.0.7:8000/v1', ['10.0.0.7']).private, true);
  });

  test('a refusal for an api_base with credentials shows the host, never the password', () => {
    const pass = randomBytes(9).toString('hex');
    const v = judged(`http://admin:${pass}@gpu.rented.example:8000/v1`, []);
    assert.equal(v.private, false);
    assert.ok(!('reason' in v) || !v.reason.includes(pass), 'the password was shown');
  });

  test('a trustedHosts entry with userinfo ("gpu-box@evil.example", "user:pw@10.0.0.7") trusts nothing and is named', () => {
    assert.equal(judged('http://evil.example:8000/v1', ['gpu-box@evil.example']).private, false);
    assert.equal(isLocalEndpoint('http://10.0.0.7:8000', ['user:pw@10.0.0.7']), false);
    assert.deepEqual(ignoredTrustedHosts(['gpu-box@evil.example', 'ok.corp']), ['gpu-box@evil.example']);
  });

  test('loopback spelled otherwise: localhost., LOCALHOST, 127.1, 0x7f.1, 2130706433, %31%32%37.0.0.1, [0:0::1]', () => {
    for (const u of ['http://localhost.:11434', 'http://LOCALHOST:11434', 'http://127.1:11434', 'http://0x7f.1:11434', 'http://2130706433:11434', 'http://%31%32%37.0.0.1:11434', 'http://[0:0::1]:11434']) {
      assert.equal(isLocalEndpoint(u, []), true, u);
    }
  });

  test('names that merely contain loopback are not loopback: localhost.evil.example, 127.0.0.1.nip.io, localhost.localdomain (sync rule)', () => {
    for (const u of ['http://localhost.evil.example:11434', 'http://127.0.0.1.nip.io:11434', 'http://localhost.localdomain:11434', 'http://0.0.0.0:11434']) {
      assert.equal(isLocalEndpoint(u, []), false, u);
    }
  });

  test('a DNS name resolving to loopback is local only when every address is loopback (also ::ffff:127.0.0.1); a failed lookup is not', async () => {
    assert.equal(await checkLocalEndpoint('http://dev.box.test:11434', [], async () => ['127.0.0.1', '::1']), true);
    assert.equal(await checkLocalEndpoint('http://dev.box.test:11434', [], async () => ['::ffff:127.0.0.1']), true);
    assert.equal(await checkLocalEndpoint('http://dev.box.test:11434', [], async () => ['127.0.0.1', '93.184.216.34']), false);
    assert.equal(await checkLocalEndpoint('http://dev.box.test:11434', [], async () => ['0.0.0.0']), false);
    assert.equal(await checkLocalEndpoint('http://dev.box.test:11434', [], async () => { throw new Error('ENOTFOUND'); }), false);
  });

  test('a gateway whose name resolves to loopback is not private by that alone (the sync rule: the gateway\'s name must be trusted)', () => {
    assert.equal(judgePrivateGroup('team-coder', 'https://llm.loopback.test', ['team-coder'], [], dep('http://127.0.0.1:8000')).private, false);
  });

  test('uppercase Unicode, punycode and a trailing dot with a port name one host; a different port does not', () => {
    const puny = domainToASCII('gpu-büro.corp');
    assert.equal(judged(`http://${puny.toUpperCase()}.:8000/v1`, ['GPU-BÜRO.corp:8000']).private, true);
    assert.equal(judged('http://gpu-büro.corp:8001/v1', [`${puny}:8000`]).private, false);
  });

  test('an IPv6 zone id or an unparseable host in api_base is never trusted', () => {
    assert.equal(judged('http://[fe80::1%25eth0]:8000/v1', ['fe80::1']).private, false);
    assert.equal(judged('http://gpu box:8000/v1', ['gpu box']).private, false);
  });
});

// --- proxies in the environment ---
suite('team10 adversarial: proxies never see a private request', function () {
  this.timeout(20_000);
  const upstream = new ScriptedGateway();
  let upstreamUrl = '';
  let proxy: http.Server;
  let proxyUrl = '';
  const seenByProxy: string[] = [];
  const saved: Record<string, string | undefined> = {};
  const VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy'];
  suiteSetup(async () => {
    upstreamUrl = await upstream.start();
    // A forward proxy that records every request and answers it as the upstream would (an absolute-URI HTTP request).
    proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seenByProxy.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString('utf8')}`);
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const c of answer('q', ['via proxy'], { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }) as unknown[]) res.write(`data: ${JSON.stringify(c)}\n\n`);
        res.end('data: [DONE]\n\n');
      });
    });
    // A CONNECT tunnel carries an http:// request's bytes in the clear: this proxy reads them, as any proxy can.
    proxy.on('connect', (req, socket) => {
      seenByProxy.push(`CONNECT ${req.url}`);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      socket.on('data', (d: Buffer) => { seenByProxy.push(`TUNNEL ${d.toString('utf8')}`); socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n'); });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  suiteTeardown(async () => { await upstream.close(); proxy.closeAllConnections(); await new Promise((r) => proxy.close(r)); });
  setup(() => {
    seenByProxy.length = 0;
    upstream.requests.length = 0;
    upstream.handler = (r) => (r.path === '/model/info' ? { json: { data: [{ model_name: 'team-coder', litellm_params: { model: 'hosted_vllm/q', api_base: 'http://10.0.0.7:8000/v1' } }] } } : { sse: answer('q', ['direct'], { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }) });
    for (const v of VARS) { saved[v] = process.env[v]; delete process.env[v]; }
    for (const v of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy']) process.env[v] = proxyUrl;
  });
  teardown(() => { for (const v of VARS) { if (saved[v] === undefined) delete process.env[v]; else process.env[v] = saved[v]; } });
  const marker = () => `PRIVATE-${randomBytes(6).toString('hex')}`;

  test('HTTP(S)_PROXY set: Ask (private) to a loopback vLLM goes direct, the proxy sees nothing', async () => {
    const m = marker();
    const d = await drain(createOpenAIProvider({ baseUrl: upstreamUrl, location: 'local', trustedHosts: [], firstByteTimeoutMs: 5_000 }).stream(chatBody('q', { messages: [{ role: 'user', content: m }] }), never()));
    assert.equal(d.text, 'direct');
    assert.deepEqual(seenByProxy, []);
  });

  test('HTTP(S)_PROXY set: a private group through a loopback gateway goes direct, /model/info included', async () => {
    const d = await drain(createGatewayGroupProvider({ baseUrl: upstreamUrl, group: 'team-coder', declaredPrivate: ['team-coder'], trustedHosts: ['10.0.0.7'],
      info: createGatewayInfo({ baseUrl: upstreamUrl, apiKey: async () => 'sk-x' }), apiKey: async () => 'sk-x', firstByteTimeoutMs: 5_000 }).stream(chatBody('team-coder'), never()));
    assert.equal(d.text, 'direct', JSON.stringify(d.result.failure));
    assert.deepEqual(seenByProxy, []);
  });

  test('HTTP(S)_PROXY set: the OTLP export goes to the collector named, not through the proxy', async () => {
    upstream.handler = () => ({ json: {} });
    const otel = createOtlpSpend({ endpoint: upstreamUrl, intervalMs: 3_600_000, exportTimeoutMs: 2_000 });
    otel.record({ v: 1, id: 'p1', time: '2026-12-07T10:00:00.000Z', origin: 'askAuto', kind: 'ask', route: 'cloud', provider: 'litellm', model: 'm', tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: 0, ttftMs: 1, totalMs: 2, status: 'ok', outcome: 'stop', reasons: [] } as LedgerRecord);
    await otel.flush();
    await otel.shutdown();
    assert.ok(upstream.requests.length >= 1);
    assert.deepEqual(seenByProxy, []);
  });

  test('a proxying global dispatcher (as an editor that honours HTTP_PROXY installs): a private request in clear text to a trusted box never passes through the proxy', async () => {
    const before = getGlobalDispatcher();
    setGlobalDispatcher(new EnvHttpProxyAgent({ httpProxy: proxyUrl, httpsProxy: proxyUrl }));
    const m = marker();
    try {
      // 10.0.0.7 is an address nobody here listens on: a direct attempt fails, which is the honest outcome.
      await drain(createOpenAIProvider({ baseUrl: 'http://10.0.0.7:8000/v1', location: 'local', trustedHosts: ['http://10.0.0.7'], firstByteTimeoutMs: 1_500, maxRetries: 0 })
        .stream(chatBody('q', { messages: [{ role: 'user', content: m }] }), never()), { boundMs: 15_000 });
    } finally {
      setGlobalDispatcher(before);
    }
    assert.ok(!seenByProxy.some((s) => s.includes(m)), `the proxy read the private question: ${seenByProxy.join(' | ').slice(0, 300)}`);
  });
});
