// Adversarial round on team mode (team8), part 3: what an OTLP collector answers, and what our export may carry.
// Written before the first run. Expectations: a partial success (ExportMetricsServiceResponse.partial_success, in
// proto3 JSON with either field spelling, int64 as string or number, or as binary protobuf) is counted and logged on
// one bounded line, and not retried; a warning (0 rejected + message) is logged as such; logs' partial success reads
// the same way; 413 is not retried, 429 honours a short Retry-After and gives up within the bound on a long one; a
// slow collector still gets the points; attribute values are bounded; no secret reaches an attribute or a log line.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ProtobufLogsSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import type { LedgerRecord } from '../../../src/core/request';
import { createOtlpSpend } from '../../../src/core/team/otlpExport';
import { partialSuccessOf } from '../../../src/core/team/otlpPartial';
import { ScriptedGateway, type Scripted } from './scriptedGateway';

const base: LedgerRecord = {
  v: 1, id: 'a1', time: '2026-12-07T10:00:00.000Z', origin: 'askAuto', kind: 'ask', route: 'cloud', provider: 'litellm',
  model: 'claude-sonnet-4-6', tokens: { input: 900, output: 120, cacheRead: 0, cacheWrite: 0, source: 'provider' },
  costUsd: 0.0045, ttftMs: 300, totalMs: 1200, status: 'ok', outcome: 'stop', reasons: ['you asked'],
};

/** ExportMetricsServiceResponse{partial_success{rejected_data_points, error_message}} in protobuf's binary encoding. */
function protoPartial(rejected: number, message: string): Uint8Array {
  const msg = Buffer.from(message, 'utf8');
  const inner = Buffer.concat([Buffer.from([0x08, rejected]), Buffer.from([0x12, msg.length]), msg]);
  return Buffer.concat([Buffer.from([0x0a, inner.length]), inner]);
}

suite('team8 adversarial: OTLP collector answers and export hygiene', function () {
  this.timeout(30_000);
  const col = new ScriptedGateway();
  let url = '';
  let logs: string[] = [];
  let sentBeforeShutdown = 0;
  let logsBeforeShutdown = 0;
  suiteSetup(async () => { url = await col.start(); });
  suiteTeardown(() => col.close());
  setup(() => { col.requests.length = 0; logs = []; });
  const exportOnce = async (answer: Scripted | ((i: number) => Scripted), r: Partial<LedgerRecord> = {}, opts: { timeoutMs?: number; endpoint?: string; userId?: string } = {}) => {
    let i = 0;
    col.handler = () => (typeof answer === 'function' ? answer(i++) : answer);
    const otel = createOtlpSpend({ endpoint: opts.endpoint ?? url, intervalMs: 3_600_000, exportTimeoutMs: opts.timeoutMs ?? 3_000, log: (m) => logs.push(m), ...(opts.userId ? { userId: opts.userId } : {}) });
    otel.record({ ...base, ...r });
    const t0 = Date.now();
    await otel.flush();
    const ms = Date.now() - t0;
    // Shutdown exports the cumulative totals once more (a second request, by design): counted before it.
    sentBeforeShutdown = col.requests.length;
    logsBeforeShutdown = logs.length;
    await otel.shutdown();
    logs.splice(logsBeforeShutdown);
    return ms;
  };
  const partialLogs = () => logs.filter((l) => /rejected|warning/i.test(l));

  const jsonPartials: Array<[string, unknown, number]> = [
    ['camelCase, int64 as a string', { partialSuccess: { rejectedDataPoints: '3', errorMessage: 'metric name too long' } }, 3],
    ['camelCase, int64 as a number', { partialSuccess: { rejectedDataPoints: 3, errorMessage: 'metric name too long' } }, 3],
    ['proto field names (snake_case)', { partial_success: { rejected_data_points: '5', error_message: 'quota' } }, 5],
  ];
  for (const [name, json, n] of jsonPartials) {
    test(`partial success, ${name}: counted and logged, not retried`, async () => {
      await exportOnce({ json });
      assert.equal(sentBeforeShutdown, 1, 'a partial success was sent again');
      const l = partialLogs();
      assert.equal(l.length, 1, JSON.stringify(logs));
      assert.match(l[0]!, new RegExp(`rejected ${n} data points`));
      assert.ok(!logs.some((x) => /failed|dropped/i.test(x)), 'a partial success logged as a failure');
    });
  }

  test('partial success answered in binary protobuf to our JSON request: still counted', async () => {
    await exportOnce({ raw: protoPartial(7, 'dropped: too many series') });
    assert.match(partialLogs()[0] ?? '', /rejected 7 data points.*too many series/);
  });

  test('0 rejected with a message is a warning, not a rejection', async () => {
    await exportOnce({ json: { partialSuccess: { rejectedDataPoints: '0', errorMessage: 'deprecated attribute gen_ai.system' } } });
    const l = partialLogs();
    assert.equal(l.length, 1);
    assert.match(l[0]!, /warning/i);
    assert.doesNotMatch(l[0]!, /rejected \d/);
  });

  test('{} , an empty body and an empty partialSuccess are full successes: nothing logged', async () => {
    for (const a of [{ json: {} }, { text: '' }, { json: { partialSuccess: {} } }] as Scripted[]) await exportOnce(a);
    assert.deepEqual(logs, []);
  });

  test('logs and metrics responses read alike, from JSON and from the official protobuf decoder', () => {
    assert.deepEqual(partialSuccessOf({ partialSuccess: { rejectedLogRecords: '2', errorMessage: 'body too big' } }), { rejected: 2, message: 'body too big' });
    const logBytes = protoPartial(4, 'log record dropped');
    assert.deepEqual(partialSuccessOf(ProtobufLogsSerializer.deserializeResponse(logBytes)), { rejected: 4, message: 'log record dropped' });
    assert.deepEqual(partialSuccessOf(ProtobufMetricsSerializer.deserializeResponse(protoPartial(9, 'x'))), { rejected: 9, message: 'x' });
    assert.equal(partialSuccessOf({ partialSuccess: { rejectedDataPoints: '-1' } }), undefined);
  });

  test('a huge, multi-line collector message: one bounded log line', async () => {
    await exportOnce({ json: { partialSuccess: { rejectedDataPoints: '1', errorMessage: `bad\n${'x'.repeat(1_000_000)}\r\ninjected line` } } });
    const l = partialLogs();
    assert.equal(l.length, 1);
    assert.ok(l[0]!.length < 600, `${l[0]!.length} chars`);
    assert.doesNotMatch(l[0]!, /[\r\n]/);
  });

  test('413 Payload Too Large: not retried, the drop logged with its status', async () => {
    await exportOnce({ status: 413, json: { code: 3, message: 'request entity too large' } });
    assert.equal(sentBeforeShutdown, 1, 'a 413 was retried');
    assert.ok(logs.some((l) => /dropped/.test(l) && /413|too large/i.test(l)), JSON.stringify(logs));
  });

  test('429 with Retry-After: 1 → sent again after the wait, delivered, nothing dropped', async () => {
    await exportOnce((i) => (i === 0 ? { status: 429, headers: { 'retry-after': '1' }, json: { code: 8 } } : { json: {} }), {}, { timeoutMs: 5_000 });
    assert.equal(sentBeforeShutdown, 2);
    assert.ok(!logs.some((l) => /dropped/.test(l)), JSON.stringify(logs));
  });

  test('429 with Retry-After: 3600 → gives up within the export bound and logs the drop', async () => {
    const ms = await exportOnce({ status: 429, headers: { 'retry-after': '3600' }, json: { code: 8 } }, {}, { timeoutMs: 1_000 });
    assert.ok(ms < 3_000, `flush took ${ms} ms`);
    assert.ok(logs.some((l) => /dropped/.test(l)), JSON.stringify(logs));
  });

  test('a slow collector (400 ms) inside the bound still gets the points, nothing dropped', async () => {
    await exportOnce({ json: {}, delayMs: 400 });
    assert.equal(sentBeforeShutdown, 1);
    assert.deepEqual(logs, []);
  });

  test('a 100 KB model name: exported attribute values are bounded', async () => {
    await exportOnce({ json: {} }, { model: `m${'x'.repeat(100_000)}` });
    const body = JSON.stringify(col.requests[0]!.body);
    const longest = Math.max(...[...body.matchAll(/"stringValue":"([^"]*)"/g)].map((m) => m[1]!.length));
    assert.ok(longest <= 256, `an attribute value of ${longest} chars`);
  });

  test('secrets: credentials in the endpoint URL and a secret in the reasons reach neither the export nor the log', async () => {
    const pass = randomBytes(12).toString('hex');
    const token = `sk-${randomBytes(20).toString('hex')}`;
    const u = new URL(url);
    const endpoint = `http://otel:${pass}@${u.host}/?api_key=${token}`;
    await exportOnce({ status: 400, json: { code: 3, message: `bad request from otel:${pass}` } }, { reasons: [`key ${token}`] }, { endpoint });
    const sent = JSON.stringify(col.requests.map((r) => r.body));
    assert.ok(!sent.includes(token) && !sent.includes(pass), 'a secret was exported');
    assert.ok(!logs.join('\n').includes(pass) && !logs.join('\n').includes(token), `a secret was logged: ${logs.join(' | ')}`);
  });

  test('secrets: a collector message echoing a key-shaped value is not copied into our log', async () => {
    const token = `sk-${randomBytes(20).toString('hex')}`;
    await exportOnce({ json: { partialSuccess: { rejectedDataPoints: '1', errorMessage: `attribute api_key=${token} rejected` } } });
    assert.ok(!logs.join('\n').includes(token.slice(3)), logs.join(' | '));
  });
});
