// Adversarial round on team mode (team7), part 4: the OTLP exporter when the collector is down, hangs or refuses,
// and what its attributes may carry. Written before the first run: record() never waits on the network; flush and
// shutdown end within a bound; a failed export is dropped (not queued) and the drop is logged with a count; the
// attribute sets are capped; no path, user name or host name is exported, even when a server names its model by
// the file it loaded (llama.cpp's server reports `/home/<user>/models/….gguf`).
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { LedgerRecord } from '../../../src/core/request';
import { measurementsOf } from '../../../src/core/team/genaiMetrics';
import { createOtlpSpend } from '../../../src/core/team/otlpExport';
import { FakeOtlpReceiver } from '../../fakes/otlp';
import { closedPort } from '../providers/helpers';

const base: LedgerRecord = {
  v: 1, id: 'a1', time: '2026-12-07T10:00:00.000Z', origin: 'askAuto', kind: 'ask', route: 'local', provider: 'openai-compatible',
  model: 'qwen2.5-coder:7b', tokens: { input: 900, output: 120, cacheRead: 0, cacheWrite: 0, source: 'provider' },
  costUsd: 0, ttftMs: 300, totalMs: 1200, status: 'ok', outcome: 'stop', reasons: ['you asked'],
};

async function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

suite('team7 adversarial: OTLP export when the collector misbehaves', function () {
  this.timeout(30_000);

  test('collector down: records never wait, flush settles quickly, the drop is logged with its count', async () => {
    const logs: string[] = [];
    const otel = createOtlpSpend({ endpoint: `http://127.0.0.1:${await closedPort()}`, intervalMs: 3_600_000, exportTimeoutMs: 1_000, log: (m) => logs.push(m) });
    try {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 2_000; i++) otel.record({ ...base, id: `r${i}` });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      assert.ok(ms < 500, `2,000 records took ${ms.toFixed(0)} ms`);
      await within(5_000, otel.flush(), 'flush with the collector down');
      assert.ok(logs.some((l) => /dropped/i.test(l) && /\b\d+ data points?\b/.test(l)), `no drop logged: ${JSON.stringify(logs)}`);
    } finally {
      await within(5_000, otel.shutdown(), 'shutdown with the collector down');
    }
  });

  test('collector hangs: flush and shutdown end within the export time-out, and the drop is logged', async () => {
    const receiver = new FakeOtlpReceiver();
    const url = await receiver.start();
    receiver.mode = { kind: 'hang' };
    const logs: string[] = [];
    const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, exportTimeoutMs: 500, log: (m) => logs.push(m) });
    try {
      otel.record(base);
      await within(4_000, otel.flush(), 'flush against a hanging collector');
      assert.ok(logs.some((l) => /dropped/i.test(l)), JSON.stringify(logs));
      otel.record(base);
      await within(4_000, otel.shutdown(), 'shutdown against a hanging collector');
    } finally {
      await receiver.close();
    }
  });

  for (const [status, retryAfterS] of [[400, undefined], [503, 0]] as const) {
    test(`collector answers ${status}: dropped and logged, not kept for later`, async () => {
      const receiver = new FakeOtlpReceiver();
      const url = await receiver.start();
      receiver.mode = { kind: 'status', status, ...(retryAfterS !== undefined ? { retryAfterS } : {}) };
      const logs: string[] = [];
      const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, exportTimeoutMs: 1_500, log: (m) => logs.push(m) });
      try {
        otel.record(base);
        await within(6_000, otel.flush(), `flush against ${status}`);
        assert.ok(logs.some((l) => /dropped/i.test(l)), JSON.stringify(logs));
        receiver.mode = { kind: 'ok' };
        const before = receiver.received;
        await otel.flush();
        assert.equal(receiver.received - before, 1, 'a backlog of failed exports was sent on recovery');
      } finally {
        await otel.shutdown();
        await receiver.close();
      }
    });
  }

  test('attribute sets are capped: 5,000 distinct model names do not grow the exported series without bound', async () => {
    const receiver = new FakeOtlpReceiver();
    const url = await receiver.start();
    const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000 });
    try {
      for (let i = 0; i < 5_000; i++) otel.record({ ...base, model: `model-${randomBytes(6).toString('hex')}` });
      await otel.flush();
      const perMetric = new Map<string, number>();
      for (const p of receiver.points()) perMetric.set(p.metric, (perMetric.get(p.metric) ?? 0) + 1);
      for (const [metric, n] of perMetric) assert.ok(n <= 2_000, `${metric}: ${n} series`);
    } finally {
      await otel.shutdown();
      await receiver.close();
    }
  });
});

suite('team7 adversarial: what OTLP attributes may carry', function () {
  this.timeout(20_000);
  const who = `dev${randomBytes(4).toString('hex')}`;
  const models: Array<[string, string]> = [
    [`/home/${who}/models/qwen2.5-coder-7b-q4_k_m.gguf`, 'qwen2.5-coder-7b-q4_k_m.gguf'],
    [`C:\\Users\\${who}\\models\\starcoder2-3b.Q5_K_M.gguf`, 'starcoder2-3b.Q5_K_M.gguf'],
    ['~/models/team-finetune.gguf', 'team-finetune.gguf'],
    ['file:///home/' + who + '/m.gguf', 'm.gguf'],
    ['hf.co/bartowski/Qwen2.5-Coder-7B-Instruct-GGUF:Q4_K_M', 'hf.co/bartowski/Qwen2.5-Coder-7B-Instruct-GGUF:Q4_K_M'],
    ['hosted_vllm/Qwen/Qwen2.5-Coder-32B-Instruct', 'hosted_vllm/Qwen/Qwen2.5-Coder-32B-Instruct'],
  ];
  for (const [model, shown] of models) {
    test(`a model named ${model.slice(0, 40)}… is exported as ${shown}`, () => {
      for (const m of measurementsOf({ ...base, model })) {
        assert.equal(m.attributes['gen_ai.request.model'], shown);
        assert.equal(m.attributes['gen_ai.response.model'], shown);
      }
    });
  }

  test('on the wire: no user name, home directory, host name, prompt or reason in any attribute or the resource', async () => {
    const receiver = new FakeOtlpReceiver();
    const url = await receiver.start();
    const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, serviceVersion: '0.1.0' });
    try {
      const question = `why does ${randomBytes(8).toString('hex')} fail`;
      for (const [model] of models) otel.record({ ...base, model, reasons: [question, `private path /home/${who}/src/app.ts`] });
      otel.record({ ...base, status: 'failed', outcome: 'notLocal', reasons: ['Not sent: the gateway sends "team-coder" to gpu.rented.example.com'] });
      await otel.flush();
      const everything = JSON.stringify(receiver.bodies);
      const needles = [who, question, '/home/', 'C:\\\\Users', 'gpu.rented', os.hostname(), os.userInfo().username, os.homedir()].filter((n) => n.length >= 3);
      for (const needle of needles) assert.ok(!everything.includes(needle), `"${needle}" was exported`);
      const resourceKeys = Object.keys(receiver.resources[0] ?? {});
      assert.deepEqual(resourceKeys.filter((k) => /^(host|process|os|user|enduser)\./.test(k)), [], resourceKeys.join(', '));
    } finally {
      await otel.shutdown();
      await receiver.close();
    }
  });
});
