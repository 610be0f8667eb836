// Spend to OpenTelemetry (issue #29 item 5): the official SDK and OTLP/HTTP exporter send the GenAI metrics to a
// loopback receiver; the receiver decodes what arrived. No prompt text, path or reason in any attribute.
import * as assert from 'node:assert/strict';
import type { LedgerRecord } from '../../../src/core/request';
import { measurementsOf } from '../../../src/core/team/genaiMetrics';
import { createOtlpSpend, metricsUrl } from '../../../src/core/team/otlpExport';
import { FakeOtlpReceiver } from '../../fakes/otlp';

const cloud: LedgerRecord = {
  v: 1, id: 'a1', time: '2026-12-06T10:00:00.000Z', origin: 'askCloud', kind: 'ask', route: 'cloud', provider: 'litellm',
  model: 'claude-sonnet-4-6', tokens: { input: 1200, output: 300, cacheRead: 800, cacheWrite: 0, source: 'provider' },
  costUsd: 0.0096, tableCostUsd: 0.0094, ttftMs: 640, totalMs: 2100, status: 'ok', outcome: 'stop',
  reasons: ['you chose Ask (cloud)', 'redacted: private path src/billing/secrets.ts'],
};
const local: LedgerRecord = { ...cloud, id: 'a2', origin: 'inline', kind: 'completion', route: 'local', provider: 'ollama', model: 'qwen2.5-coder:1.5b',
  tokens: { input: 900, output: 20, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: 0, tableCostUsd: undefined, ttftMs: 90, totalMs: 180 };
const refused: LedgerRecord = { ...cloud, id: 'a3', route: 'refuse', provider: 'none', model: 'none', costUsd: 0, ttftMs: null, totalMs: 0 };

suite('team: GenAI metrics to OTLP', function () {
  this.timeout(30_000);

  test('one record → token usage (input, output), duration, time to first chunk, cost; a refusal → nothing', () => {
    const m = measurementsOf(cloud);
    assert.deepEqual(m.map((x) => [x.instrument, x.value, x.attributes['gen_ai.token.type'] ?? '']), [
      ['tokenUsage', 2000, 'input'], ['tokenUsage', 300, 'output'], ['duration', 2.1, ''], ['timeToFirstChunk', 0.64, ''], ['cost', 0.0096, ''],
    ]);
    assert.equal(m[4]!.attributes['hybrid.cost.source'], 'gateway');
    assert.equal(m[0]!.attributes['gen_ai.operation.name'], 'chat');
    assert.equal(measurementsOf(local)[0]!.attributes['gen_ai.operation.name'], 'text_completion');
    assert.deepEqual(measurementsOf(refused), []);
    assert.equal(m[0]!.attributes['user.id'], undefined, 'no user id unless the admin asks for one');
    assert.equal(measurementsOf(cloud, { userId: 'dev-42' })[0]!.attributes['user.id'], 'dev-42');
    assert.equal(metricsUrl('http://127.0.0.1:4318/'), 'http://127.0.0.1:4318/v1/metrics');
  });

  test('the official exporter delivers them; the receiver decodes names, units, attributes and values', async () => {
    const receiver = new FakeOtlpReceiver();
    const url = await receiver.start();
    const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, serviceVersion: '0.1.0' });
    try {
      otel.record(cloud);
      otel.record(local);
      otel.record(refused);
      await otel.flush();
      const points = receiver.points();
      const names = [...new Set(points.map((p) => `${p.metric} ${p.unit} ${p.kind}`))].sort();
      assert.deepEqual(names, [
        'gen_ai.client.operation.duration s histogram',
        'gen_ai.client.operation.time_to_first_chunk s histogram',
        'gen_ai.client.token.usage {token} histogram',
        'hybrid.client.cost USD sum',
      ]);
      const input = points.find((p) => p.metric === 'gen_ai.client.token.usage' && p.attributes['gen_ai.token.type'] === 'input' && p.attributes['hybrid.route'] === 'cloud')!;
      assert.deepEqual([input.sum, input.count], [2000, 1]);
      assert.equal(input.attributes['gen_ai.provider.name'], 'litellm');
      assert.equal(input.attributes['gen_ai.request.model'], 'claude-sonnet-4-6');
      const cost = points.filter((p) => p.metric === 'hybrid.client.cost').reduce((a, p) => a + (p.value ?? 0), 0);
      assert.ok(Math.abs(cost - 0.0096) < 1e-12, `cost ${cost}`);
      assert.equal(receiver.resources[0]!['service.name'], 'hybrid-assistant');
      // Nothing of the request's text, paths or reasons in any attribute of any point.
      const everything = JSON.stringify(receiver.bodies);
      for (const needle of ['src/billing', 'secrets.ts', 'you chose', 'redacted']) assert.ok(!everything.includes(needle), `"${needle}" was exported`);
    } finally {
      await otel.shutdown();
      await receiver.close();
    }
  });
});
