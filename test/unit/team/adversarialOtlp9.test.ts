// Adversarial round on team mode (team9), part 3: OTLP export that must never block, lose more than a bound, or carry
// code or secrets. Written before the first run. Expectations: a collector down for one export loses nothing that the
// next successful export cannot carry (cumulative totals); one record with NaN / ∞ / negative figures does not spoil
// the batch the others travel in; record() after shutdown and under a hanging collector never throws or waits; a
// model name that is really a secret, a URL with credentials, or a line of code is not exported as such; an outcome
// that is free text never becomes an attribute; a collector URL's query token never reaches the log.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { LedgerRecord } from '../../../src/core/request';
import { measurementsOf } from '../../../src/core/team/genaiMetrics';
import { createOtlpSpend } from '../../../src/core/team/otlpExport';
import { FakeOtlpReceiver } from '../../fakes/otlp';
import { freshSecrets } from '../../fixtures/routing-blind/load';

const base: LedgerRecord = {
  v: 1, id: 'a1', time: '2026-12-07T10:00:00.000Z', origin: 'askAuto', kind: 'ask', route: 'cloud', provider: 'litellm',
  model: 'claude-sonnet-4-6', tokens: { input: 900, output: 120, cacheRead: 0, cacheWrite: 0, source: 'provider' },
  costUsd: 0.0045, ttftMs: 300, totalMs: 1200, status: 'ok', outcome: 'stop', reasons: ['you asked'],
};

suite('team9 adversarial: OTLP bounded loss and attribute hygiene', function () {
  this.timeout(30_000);
  const rx = new FakeOtlpReceiver();
  let url = '';
  let logs: string[] = [];
  suiteSetup(async () => { url = await rx.start(); });
  suiteTeardown(() => rx.close());
  setup(() => { rx.bodies.length = 0; rx.mode = { kind: 'ok' }; logs = []; });
  const exporter = (o: { endpoint?: string; timeoutMs?: number } = {}) =>
    createOtlpSpend({ endpoint: o.endpoint ?? url, intervalMs: 3_600_000, exportTimeoutMs: o.timeoutMs ?? 1_000, log: (m) => logs.push(m) });
  const durationCount = () => rx.points().filter((p) => p.metric === 'gen_ai.client.operation.duration').reduce((n, p) => Math.max(n, p.count ?? 0), 0);

  test('collector down (503) for one export, back for the next: the next export carries both records', async () => {
    const otel = exporter();
    try {
      rx.mode = { kind: 'status', status: 503 };
      otel.record({ ...base, id: 'r1' });
      await otel.flush();
      assert.ok(logs.some((l) => /dropped/.test(l)), JSON.stringify(logs));
      rx.mode = { kind: 'ok' };
      otel.record({ ...base, id: 'r2' });
      await otel.flush();
      assert.equal(durationCount(), 2, 'the record from the failed export was lost');
    } finally { await otel.shutdown(); }
  });

  test('collector hangs past the bound, then recovers: the flush ends in time and the totals arrive later', async () => {
    const otel = exporter({ timeoutMs: 400 });
    try {
      rx.mode = { kind: 'hang' };
      otel.record({ ...base, id: 'h1' });
      const t0 = Date.now();
      await otel.flush();
      assert.ok(Date.now() - t0 < 2_500, `flush took ${Date.now() - t0} ms`);
      rx.mode = { kind: 'ok' };
      await otel.flush();
      assert.equal(durationCount(), 1);
    } finally { await otel.shutdown(); }
  });

  test('one record with NaN, ∞ and negative figures does not spoil the batch: the good record arrives, no NaN on the wire', async () => {
    const otel = exporter();
    try {
      otel.record({ ...base, id: 'bad', totalMs: Number.NaN, ttftMs: Number.POSITIVE_INFINITY, costUsd: -3, tokens: { ...base.tokens, input: Number.NaN, output: -5 } });
      otel.record({ ...base, id: 'good', model: 'claude-haiku-4-5' });
      await otel.flush();
      const wire = JSON.stringify(rx.bodies);
      assert.ok(rx.bodies.length >= 1, 'nothing arrived');
      assert.doesNotMatch(wire, /NaN|Infinity|null/);
      assert.ok(rx.points().some((p) => p.attributes['gen_ai.request.model'] === 'claude-haiku-4-5' && p.metric === 'gen_ai.client.operation.duration'));
    } finally { await otel.shutdown(); }
  });

  test('measurementsOf never yields a non-finite or negative value', () => {
    const ms = measurementsOf({ ...base, totalMs: Number.NaN, ttftMs: Number.POSITIVE_INFINITY, costUsd: Number.NaN, tokens: { ...base.tokens, input: -1, output: Number.NaN } });
    for (const m of ms) assert.ok(Number.isFinite(m.value) && m.value >= 0, `${m.instrument} = ${m.value}`);
  });

  test('record() after shutdown, and 10,000 records under a hanging collector, never throw or wait', async () => {
    rx.mode = { kind: 'hang' };
    const otel = exporter({ timeoutMs: 300 });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 10_000; i++) otel.record({ ...base, id: `r${i}`, model: `m${i % 50}` });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(ms < 1_500, `10,000 records took ${ms.toFixed(0)} ms`);
    await otel.shutdown();
    assert.doesNotThrow(() => otel.record(base));
  });

  const secrets = freshSecrets();
  const shapes: Array<[string, string]> = [
    ['an OpenAI-shaped key', secrets['openai']!],
    ['a GitHub token', secrets['github']!],
    ['an AWS key id', secrets['aws']!],
  ];
  for (const [name, secret] of shapes) {
    test(`a model named with ${name} (a server that echoes what it was given): the secret is not exported`, () => {
      for (const m of measurementsOf({ ...base, model: secret })) {
        for (const v of Object.values(m.attributes)) assert.ok(!v.includes(secret.slice(4, 20)), `${name} exported in ${m.instrument}`);
      }
    });
  }

  test('a model named with a URL carrying credentials: no password exported', () => {
    const pass = randomBytes(8).toString('hex');
    for (const m of measurementsOf({ ...base, model: `https://deploy:${pass}@models.corp.internal/qwen.gguf` })) {
      assert.ok(!JSON.stringify(m.attributes).includes(pass), 'the password was exported');
    }
  });

  test('a model "name" that is a line of code (a server that echoes the prompt): not exported as such', () => {
    const code = `def handler(event):\n    token = "${randomBytes(6).toString('hex')}"\n    return token`;
    for (const m of measurementsOf({ ...base, model: code })) {
      assert.ok(!m.attributes['gen_ai.request.model']!.includes('token ='), m.attributes['gen_ai.request.model']);
      assert.doesNotMatch(m.attributes['gen_ai.request.model']!, /\n/);
    }
  });

  test('an outcome that is free text (a path, a sentence) never becomes an attribute', () => {
    const who = `u${randomBytes(4).toString('hex')}`;
    for (const m of measurementsOf({ ...base, status: 'failed', outcome: `could not read /home/${who}/src/app.ts: EACCES` })) {
      assert.ok(!JSON.stringify(m.attributes).includes(who), `${m.instrument}: ${JSON.stringify(m.attributes)}`);
    }
  });

  test('a collector URL with a token in its query: the token reaches neither the log nor another host', async () => {
    const token = randomBytes(12).toString('hex');
    rx.mode = { kind: 'status', status: 400 };
    const otel = exporter({ endpoint: `${url}/v1/metrics?api-key=${token}` });
    otel.record(base);
    await otel.flush();
    await otel.shutdown();
    assert.ok(logs.length > 0, 'the failed export was not logged');
    assert.ok(!logs.join('\n').includes(token), 'the token is in the log');
  });
});
