// The failure cases Anthropic and OpenAI must handle alike, written once and run against each provider's fake.
// Each provider's test file calls defineCloudFailureSuite inside its own suite and keeps there what only that
// provider has (quota bodies, cache usage, the local openai-compatible tier, in-stream retries).

import * as assert from 'node:assert/strict';
import type { FakeServer, StartedServer } from '../../fakes/base';
import type { CommonProviderOptions } from '../../../src/core/providers/providerOptions';
import type { ApiKeyOption } from '../../../src/core/providers/keys';
import type { ChatBody, ChatProvider } from '../../../src/core/wire/types';
import { assertFailure, chatBody, closedPort, drain, never, recordCase, sealed, testKey, type Drained } from './helpers';

export interface CloudOptions extends CommonProviderOptions {
  apiKey?: ApiKeyOption;
  maxRetries?: number;
}

export interface CloudProviderSpec {
  name: 'anthropic' | 'openai';
  model: string;
  fake: FakeServer;
  /** The provider's base URL on the started fake (OpenAI's SDK wants the `/v1` prefix). */
  baseUrl(serverUrl: string): string;
  makeProvider(o: CloudOptions): ChatProvider;
  /** Provider-specific knobs of the fake put back before every test (cache usage counts). */
  resetFake?(): void;
  /** The second 5xx that is retried like a 500, e.g. Anthropic's 529 overloaded, OpenAI's 503. */
  secondServerError: { status: number; caseName: string; message?: RegExp };
  /** How the protocol words an in-stream error, for the title. */
  errorEventTitle: string;
  /** What marks a complete stream in this protocol, for the title and the failure-table row. */
  endOfStream: { title: string; caseName: string };
}

export interface CloudHarness {
  readonly fake: FakeServer;
  /** This test's throw-away key (a new one before every test). */
  key(): string;
  /** The provider's base URL on the running fake. */
  url(): string;
  provider(o?: Partial<CloudOptions>): ChatProvider;
  /** Streams a sealed body, checks the key is absent from the result and records the case in the failure table. */
  run(caseName: string, o?: Partial<CloudOptions>, signal?: AbortSignal): Promise<Drained>;
  /** A stream with no failure-table row. */
  plain(o?: Partial<CloudOptions>, signal?: AbortSignal, overrides?: Partial<ChatBody>): Promise<Drained>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Registers the fake's lifecycle hooks and the shared cases in the calling suite; returns what the provider's own cases need. */
export function defineCloudFailureSuite(p: CloudProviderSpec): CloudHarness {
  const { fake, name, model } = p;
  let server: StartedServer;
  let key = '';
  const provider = (o: Partial<CloudOptions> = {}): ChatProvider => p.makeProvider({
    baseUrl: p.baseUrl(server.url), apiKey: key, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000, maxRetryAfterMs: 10_000, ...o,
  });
  const plain = (o: Partial<CloudOptions> = {}, signal = never(), overrides: Partial<ChatBody> = {}): Promise<Drained> =>
    drain(provider(o).stream(sealed(model, overrides), signal));
  const run = async (caseName: string, o: Partial<CloudOptions> = {}, signal = never()): Promise<Drained> => {
    const d = await plain(o, signal);
    assert.ok(!JSON.stringify(d.result).includes(key), 'the key never appears in a result');
    recordCase(name, caseName, d);
    return d;
  };
  suiteSetup(async () => { server = await fake.start(); });
  suiteTeardown(async () => { await fake.close(); });
  setup(() => { key = testKey(); fake.reset(); fake.setFault(undefined); fake.setReply({ ttftMs: 0, perTokenMs: 0 }); p.resetFake?.(); });

  suite(`${name}: cases shared by the cloud providers`, () => {
    test(`${name}: max_tokens reached → finish "length"`, async () => {
      const d = await plain({}, never(), { maxTokens: 2 });
      assert.equal(d.result.finish, 'length');
      assert.equal(d.chunks.length, 2);
    });

    test(`${name}: an unsealed body is refused with no network call`, async () => {
      const d = await drain(provider().stream(chatBody(model), never()));
      recordCase(name, 'unsealed body', d);
      assertFailure(d, 'blocked');
      assert.equal(fake.requests.length, 0);
    });

    test(`${name}: no API key → auth failure pointing at "Hybrid: Set API Key", no network call`, async () => {
      const d = await run('no API key', { apiKey: async () => undefined });
      assertFailure(d, 'auth');
      assert.equal(d.result.failure?.fix, 'setApiKey');
      assert.match(d.result.failure!.message, /Hybrid: Set API Key/);
      assert.equal(fake.requests.length, 0);
    });

    test(`${name}: connection refused → connection failure`, async () => {
      const port = await closedPort();
      const d = await run('connection refused', { baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
      assertFailure(d, 'connection');
      assert.match(d.result.failure!.message, /connection refused/);
    });

    test(`${name}: connection refused with the SDK default of 2 retries → still bounded, connection failure`, async () => {
      const port = await closedPort();
      const d = await run('refused, SDK retries x2', { baseUrl: `http://127.0.0.1:${port}` });
      assertFailure(d, 'connection');
      assert.ok(d.ms < 5000);
    });

    test(`${name}: DNS failure (.invalid host) → connection failure naming the host`, async () => {
      const d = await run('DNS failure', { baseUrl: 'http://hybrid-test.invalid', maxRetries: 0 });
      assertFailure(d, 'connection');
      assert.match(d.result.failure!.message, /hybrid-test\.invalid.*DNS/);
    });

    test(`${name}: slow first byte → timeout once (no retries), and the fake sees the connection closed`, async () => {
      fake.setFault({ kind: 'delayFirstByte', ms: 3000 });
      const d = await run('slow first byte', { firstByteTimeoutMs: 300 });
      assertFailure(d, 'timeout');
      assert.equal(fake.requests.length, 1, 'a time-out is not retried');
      await fake.waitForClientClose(0, 2000);
    });

    test(`${name}: stalled after headers → stalled via the idle timer, partial text kept, connection closed`, async () => {
      fake.setFault({ kind: 'stallAfterHeaders', afterTokens: 2 });
      const d = await run('stalled after headers', { idleTimeoutMs: 300 });
      assertFailure(d, 'stalled');
      assert.equal(d.chunks.length, 2);
      assert.ok(d.result.usage.output > 0, 'output estimated from streamed text');
      await fake.waitForClientClose(0, 2000);
    });

    test(`${name}: headers, then no answer at all → a time-out at the first-byte deadline that says no answer came`, async () => {
      fake.setFault({ kind: 'stallAfterHeaders', afterTokens: 0 });
      const d = await run('headers then silence', { firstByteTimeoutMs: 300, idleTimeoutMs: 5_000 });
      assertFailure(d, 'timeout');
      assert.equal(d.chunks.length, 0);
      assert.ok(d.ms < 3_000, `waited ${d.ms} ms for a 300 ms first-byte deadline`);
      assert.doesNotMatch(d.result.failure!.message, /middle of the answer|incomplete/);
      assert.match(d.result.failure!.message, /cloudFirstByteMs/);
      await fake.waitForClientClose(0, 2000);
    });

    test(`${name}: keep-alives only, no answer → a time-out at the first-byte deadline, connection closed`, async () => {
      fake.setFault({ kind: 'heartbeat', afterTokens: 0, ms: 100 });
      const d = await run('keep-alives, no answer', { firstByteTimeoutMs: 600, idleTimeoutMs: 5_000 });
      assertFailure(d, 'timeout');
      assert.ok(d.ms < 3_000, `waited ${d.ms} ms for a 600 ms first-byte deadline`);
      await fake.waitForClientClose(0, 2000);
    });

    test(`${name}: a few words, then keep-alives only → stalled at the idle deadline, the words kept`, async () => {
      fake.setFault({ kind: 'heartbeat', afterTokens: 2, ms: 100 });
      const d = await run('keep-alives after words', { idleTimeoutMs: 600 });
      assertFailure(d, 'stalled');
      assert.equal(d.chunks.length, 2);
      assert.ok(d.ms < 3_000, `waited ${d.ms} ms for a 600 ms idle deadline`);
      await fake.waitForClientClose(0, 2000);
    });

    test(`${name}: 401 → auth + setApiKey, never retried, key not in the message`, async () => {
      fake.setFault({ kind: 'status', status: 401 });
      const d = await run('401 invalid key');
      assertFailure(d, 'auth');
      assert.equal(d.result.failure?.fix, 'setApiKey');
      assert.match(d.result.failure!.message, /Hybrid: Set API Key/);
      assert.ok(!d.result.failure!.message.includes(key));
      assert.equal(fake.requests.length, 1);
    });

    test(`${name}: the log line names the code, status, attempts and request id — never the key or prompt text`, async () => {
      fake.setFault({ kind: 'status', status: 401 });
      const lines: string[] = [];
      const log = (m: unknown, ...a: unknown[]): void => { lines.push([m, ...a].map(String).join(' ')); };
      await drain(provider({ logger: { trace: log, debug: log, info: log, warn: log, error: log } }).stream(sealed(model), never()));
      assert.equal(lines.length, 1);
      assert.match(lines[0]!, new RegExp(`^${name}: auth 401 after 1 attempt\\(s\\) \\(request req_[0-9a-f]+\\)$`));
      assert.ok(!lines.join('').includes(key));
      for (const m of chatBody(model).messages) assert.ok(!lines.join('').includes(m.content), 'no prompt text in the log');
    });

    test(`${name}: 403 → auth`, async () => {
      fake.setFault({ kind: 'status', status: 403 });
      const d = await run('403 permission');
      assertFailure(d, 'auth');
      assert.equal(fake.requests.length, 1);
    });

    test(`${name}: 404 model → modelMissing naming the model setting`, async () => {
      fake.setFault({ kind: 'status', status: 404 });
      const d = await run('404 model');
      assertFailure(d, 'modelMissing');
      assert.match(d.result.failure!.message, new RegExp(`${escape(model)}.*hybrid\\.cloud\\.model`));
    });

    test(`${name}: 400 prompt too long and 413 → tooLarge, not retried`, async () => {
      fake.setFault({ kind: 'status', status: 400 });
      assertFailure(await run('400 prompt too long'), 'tooLarge');
      fake.setFault({ kind: 'status', status: 413 });
      assertFailure(await run('413 request too large'), 'tooLarge');
      assert.equal(fake.requests.length, 2);
    });

    test(`${name}: 429 with a short retry-after → retried by the SDK and answered`, async () => {
      fake.setFault({ kind: 'status', status: 429, retryAfter: 0.2, once: true });
      const d = await run('429 retry-after 0.2 s');
      assert.equal(d.result.finish, 'stop');
      assert.ok(d.text.startsWith(`[fake-${name}]`));
      assert.equal(fake.requests.length, 2);
      assert.ok(d.ms >= 150, 'the retry waited for retry-after');
    });

    test(`${name}: while the SDK waits out a 429 the caller is told who, why and how long; not when no retry comes`, async () => {
      const waits: string[] = [];
      fake.setFault({ kind: 'status', status: 429, retryAfter: 0.2, once: true });
      const d = await drain(provider().stream(sealed(model), never(), { onWait: (n) => waits.push(n) }));
      assert.equal(d.result.finish, 'stop');
      assert.equal(waits.length, 1, JSON.stringify(waits));
      assert.match(waits[0]!, /is busy \(HTTP 429 rate limit\) — trying again in 1 s, as it asked\./);
      fake.reset();
      fake.setFault({ kind: 'status', status: 429, retryAfter: 60 });
      const refused: string[] = [];
      assertFailure(await drain(provider().stream(sealed(model), never(), { onWait: (n) => refused.push(n) })), 'rateLimited');
      assert.deepEqual(refused, [], 'a retry-after past the cap is not retried, so nothing says "trying again"');
    });

    test(`${name}: 429 with retry-after beyond the cap → rateLimited at once, saying when to retry`, async () => {
      fake.setFault({ kind: 'status', status: 429, retryAfter: 60 });
      const d = await run('429 retry-after 60 s (> cap)');
      assertFailure(d, 'rateLimited');
      assert.equal(d.result.failure?.retryAfterMs, 60_000);
      assert.match(d.result.failure!.message, /try again in 60 s/);
      assert.equal(fake.requests.length, 1);
    });

    const second = p.secondServerError;
    test(`${name}: 500 and ${second.status} → retried twice by the SDK, then server`, async () => {
      fake.setFault({ kind: 'status', status: 500, retryAfterMs: 10 });
      const d = await run('500 x3');
      assertFailure(d, 'server');
      assert.equal(fake.requests.length, 3);
      assert.match(d.result.failure!.message, /3 attempts/);
      fake.reset();
      fake.setFault({ kind: 'status', status: second.status, retryAfterMs: 10 });
      const o = await run(second.caseName);
      assertFailure(o, 'server');
      if (second.message) assert.match(o.result.failure!.message, second.message);
      assert.equal(fake.requests.length, 3);
    });

    test(`${name}: one 500 then success → answered`, async () => {
      fake.setFault({ kind: 'status', status: 500, retryAfterMs: 10, once: true });
      const d = await plain();
      assert.equal(d.result.finish, 'stop');
      assert.equal(fake.requests.length, 2);
    });

    test(`${name}: ${p.errorEventTitle} → server, partial text kept`, async () => {
      fake.setFault({ kind: 'errorEvent', afterTokens: 2 });
      const d = await run('error event mid-stream');
      assertFailure(d, 'server');
      assert.equal(d.chunks.length, 2);
    });

    test(`${name}: stream ending without ${p.endOfStream.title} → protocol`, async () => {
      fake.setFault({ kind: 'truncate', afterTokens: 3 });
      assertFailure(await run(p.endOfStream.caseName), 'protocol');
    });

    test(`${name}: malformed chunk → protocol`, async () => {
      fake.setFault({ kind: 'malformedChunk', afterTokens: 1 });
      assertFailure(await run('malformed chunk'), 'protocol');
    });

    test(`${name}: user cancel mid-stream → finish cancelled, no failure, the fake sees the abort`, async () => {
      fake.setReply({ perTokenMs: 100 });
      const ctl = new AbortController();
      const d = await drain(provider().stream(sealed(model), ctl.signal), { onChunk: () => ctl.abort() });
      recordCase(name, 'user cancel', d);
      assert.equal(d.result.finish, 'cancelled');
      assert.equal(d.result.failure, undefined);
      // Either way the output count is not final, so the usage is labelled an estimate: Anthropic's message_start
      // counts stand for the input side (spend/billing.ts); OpenAI's usage chunk comes last, so it has none.
      assert.equal(d.result.usage.source, 'estimate');
      assert.ok(d.result.usage.input > 0);
      assert.ok(d.result.usage.output >= Math.ceil(d.text.length / 4), 'the streamed text is billed');
      await fake.waitForClientClose(0, 2000);
    });
  });

  return { fake, key: () => key, url: () => p.baseUrl(server.url), provider, run, plain };
}
