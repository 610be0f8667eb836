// Adversarial round on team mode (team10), part 3: the OTLP collector and what reaches it. Written before the first
// run, against the real exporter. Expectations: a 5 s collector inside the bound gets the points and one past it costs
// one bounded wait; a 413 is named with its fix; a partial success of any count spelling (rejected spans, int64 past
// 2^53) is a rejection, never a warning; a redirect is never followed (the points would go to a host nobody named);
// a self-signed HTTPS collector is named as a certificate problem; OTEL_EXPORTER_OTLP_* variables meant for another
// backend send neither their headers nor our points elsewhere; and no attribute carries a secret, an e-mail address or
// a private path, fuzzed with values generated at run time.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerRecord } from '../../../src/core/request';
import { measurementsOf } from '../../../src/core/team/genaiMetrics';
import { createOtlpSpend } from '../../../src/core/team/otlpExport';
import { partialSuccessOf } from '../../../src/core/team/otlpPartial';
import { freshSecrets } from '../../fixtures/routing-blind/load';
import { ScriptedGateway, type Scripted } from './scriptedGateway';

const base: LedgerRecord = {
  v: 1, id: 'o1', time: '2026-12-07T10:00:00.000Z', origin: 'askAuto', kind: 'ask', route: 'cloud', provider: 'litellm',
  model: 'claude-sonnet-4-6', tokens: { input: 900, output: 120, cacheRead: 0, cacheWrite: 0, source: 'provider' },
  costUsd: 0.0045, ttftMs: 300, totalMs: 1200, status: 'ok', outcome: 'stop', reasons: ['you asked'],
};
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (alphabet: string, n: number): string => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');

suite('team10 adversarial: the OTLP collector and what reaches it', function () {
  this.timeout(40_000);
  const col = new ScriptedGateway();
  const other = new ScriptedGateway();
  let url = '';
  let otherUrl = '';
  let logs: string[] = [];
  suiteSetup(async () => { url = await col.start(); otherUrl = await other.start(); });
  suiteTeardown(async () => { await col.close(); await other.close(); });
  setup(() => { col.requests.length = 0; other.requests.length = 0; logs = []; other.handler = () => ({ json: {} }); });
  const exportOnce = async (answer: Scripted, r: Partial<LedgerRecord> = {}, o: { timeoutMs?: number; endpoint?: string; userId?: string } = {}) => {
    col.handler = () => answer;
    const otel = createOtlpSpend({ endpoint: o.endpoint ?? url, intervalMs: 3_600_000, exportTimeoutMs: o.timeoutMs ?? 3_000, log: (m) => logs.push(m), ...(o.userId ? { userId: o.userId } : {}) });
    otel.record({ ...base, ...r });
    const t0 = Date.now();
    await otel.flush();
    const ms = Date.now() - t0;
    const sent = col.requests.length;
    await otel.shutdown();
    return { ms, sent };
  };

  test('a collector that answers in 5 s, inside the 10 s bound: the points arrive, nothing is dropped', async () => {
    const r = await exportOnce({ json: {}, delayMs: 5_000 }, {}, { timeoutMs: 10_000 });
    assert.ok(r.sent >= 1);
    assert.ok(!logs.some((l) => /dropped/.test(l)), JSON.stringify(logs));
    assert.ok(r.ms < 11_000, `${r.ms} ms`);
  });

  test('a collector that answers in 5 s against a 1 s bound: the flush ends in about the bound, and the drop is logged', async () => {
    const r = await exportOnce({ json: {}, delayMs: 5_000 }, {}, { timeoutMs: 1_000 });
    assert.ok(r.ms < 2_500, `${r.ms} ms`);
    assert.ok(logs.some((l) => /dropped/.test(l)), JSON.stringify(logs));
  });

  test('413 Payload Too Large: the log says the collector refused the size and what to change, once', async () => {
    await exportOnce({ status: 413, json: { code: 8, message: 'request body too large' } });
    const line = logs.find((l) => /413|too large/i.test(l));
    assert.ok(line, JSON.stringify(logs));
    assert.match(line!, /max_request_body_size|size limit|request size/i);
  });

  test('partial success rejecting spans (a collector that answers our metrics with its trace response shape): a rejection, counted', async () => {
    await exportOnce({ json: { partialSuccess: { rejectedSpans: '3', errorMessage: 'spans dropped by processor' } } });
    assert.ok(logs.some((l) => /rejected 3 data points/.test(l)), JSON.stringify(logs));
  });

  test('partial success with an int64 count past 2^53 ("18446744073709551615"): a rejection, not a 0-rejected warning', () => {
    const p = partialSuccessOf({ partialSuccess: { rejectedDataPoints: '18446744073709551615', errorMessage: 'overflow' } });
    assert.ok(p && p.rejected > 0, JSON.stringify(p));
  });

  test('partial success with a negative or junk count ("-5", "1e3", "0x10"): never a negative count in the log', async () => {
    for (const bad of ['-5', '1e3', '0x10']) {
      const p = partialSuccessOf({ partial_success: { rejected_data_points: bad, error_message: 'x' } });
      assert.ok(!p || p.rejected >= 0, `${bad} → ${JSON.stringify(p)}`);
    }
    await exportOnce({ json: { partialSuccess: { rejectedDataPoints: '-5', errorMessage: 'odd' } } });
    assert.ok(!logs.some((l) => /rejected -/.test(l)), JSON.stringify(logs));
  });

  for (const status of [301, 302, 307, 308]) {
    test(`a ${status} redirect to another host is not followed: that host gets nothing, the drop is logged`, async () => {
      await exportOnce({ status, headers: { location: `${otherUrl}/v1/metrics` }, text: '' });
      assert.equal(other.requests.length, 0, `the points followed a ${status} to ${otherUrl}`);
      assert.ok(logs.some((l) => /dropped/.test(l)), JSON.stringify(logs));
    });
  }

  suite('HTTPS collector with a self-signed certificate', () => {
    let tls: https.Server | undefined;
    let tlsUrl = '';
    let dir = '';
    let got = 0;
    suiteSetup(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hybrid-otlp-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      tls = https.createServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (req, res) => { got++; req.resume(); res.writeHead(200, { 'content-type': 'application/json' }); res.end('{}'); });
      await new Promise<void>((r) => tls!.listen(0, '127.0.0.1', () => r()));
      tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
    });
    suiteTeardown(async () => { tls?.closeAllConnections(); await new Promise((r) => tls?.close(r)); rmSync(dir, { recursive: true, force: true }); });

    test('the export fails closed (no points to an unverified host) and the log names the certificate and NODE_EXTRA_CA_CERTS', async () => {
      const otel = createOtlpSpend({ endpoint: tlsUrl, intervalMs: 3_600_000, exportTimeoutMs: 2_000, log: (m) => logs.push(m) });
      otel.record(base);
      await otel.flush();
      await otel.shutdown();
      assert.equal(got, 0, 'points were sent over a TLS connection nobody verified');
      assert.ok(logs.some((l) => /certificate/i.test(l) && /NODE_EXTRA_CA_CERTS/.test(l)), JSON.stringify(logs));
    });
  });

  test('OTEL_EXPORTER_OTLP_HEADERS / _ENDPOINT set for another backend: its key is not sent to our collector, our points go to ours', async () => {
    const secret = `hcaik_${pick(B62, 40)}`;
    const saved = { h: process.env['OTEL_EXPORTER_OTLP_HEADERS'], e: process.env['OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'], mh: process.env['OTEL_EXPORTER_OTLP_METRICS_HEADERS'] };
    process.env['OTEL_EXPORTER_OTLP_HEADERS'] = `authorization=Bearer ${secret}`;
    process.env['OTEL_EXPORTER_OTLP_METRICS_HEADERS'] = `x-honeycomb-team=${secret}`;
    process.env['OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'] = `${otherUrl}/v1/metrics`;
    const seen: string[] = [];
    try {
      col.handler = (r) => { seen.push(JSON.stringify(r)); return { json: {} }; };
      const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, exportTimeoutMs: 3_000, log: (m) => logs.push(m) });
      otel.record(base);
      await otel.flush();
      await otel.shutdown();
    } finally {
      for (const [k, v] of [['OTEL_EXPORTER_OTLP_HEADERS', saved.h], ['OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', saved.e], ['OTEL_EXPORTER_OTLP_METRICS_HEADERS', saved.mh]] as const) {
        if (v === undefined) delete process.env[k]; else process.env[k] = v;
      }
    }
    assert.ok(col.requests.length >= 1, 'our collector got nothing');
    assert.equal(other.requests.length, 0, 'the points went to the environment\'s endpoint');
    assert.ok(!col.requests.some((r) => r.auth.includes(secret)), 'the other backend\'s key was sent to our collector');
  });

  // --- fuzz: what a record carries that a server or a user controls ---
  const wire = (r: LedgerRecord, userId?: string): string => JSON.stringify(measurementsOf(r, userId ? { userId } : {}).map((m) => m.attributes));
  const fragments = (s: string): string[] => { const out: string[] = []; for (let i = 0; i + 12 <= s.length; i += 6) out.push(s.slice(i, i + 12)); return out.length ? out : [s]; };
  const notOnWire = (r: LedgerRecord, secret: string, label: string, userId?: string) => {
    const w = wire(r, userId);
    for (const f of fragments(secret)) assert.ok(!w.includes(f), `${label}: "${f}" of a generated value reached an attribute: ${w}`);
  };

  test('fuzz (20 rounds): a model name that is a generated key of any known shape is never exported', () => {
    for (let round = 0; round < 20; round++) {
      for (const [kind, secret] of Object.entries(freshSecrets())) {
        if (kind === 'pem' || kind === 'password') continue;
        for (const shape of [secret, `team/${secret}`, `${secret}:latest`, `hosted_vllm/${secret}`]) notOnWire({ ...base, model: shape }, secret, `${kind} as ${shape.replace(secret, '<secret>')}`);
      }
    }
  });

  test('fuzz (50 rounds): a bare random token with no known prefix (40 base62, 40 base64 with / and +, 64 hex) as the model name is never exported', () => {
    for (let round = 0; round < 50; round++) {
      for (const secret of [pick(B62, 40), `${pick(B62, 20)}/${pick(B62, 9)}+${pick(B62, 9)}`, pick('0123456789abcdef', 64)]) notOnWire({ ...base, model: secret }, secret, 'bare token');
    }
  });

  test('fuzz: an e-mail address as the model name or inside it is never exported', () => {
    for (let round = 0; round < 20; round++) {
      const email = `${pick('abcdefghij', 8)}.${pick('klmnopqrst', 6)}@${pick('abcdefgh', 7)}.com`;
      for (const shape of [email, `ft:${email}`, `org/${email}/model`]) notOnWire({ ...base, model: shape }, email, `email in ${shape}`);
    }
  });

  test('fuzz: a model named by a private file\'s path carries neither the user\'s directories nor the private file\'s name', () => {
    for (let round = 0; round < 20; round++) {
      const user = pick('abcdefghijklmnop', 9);
      const client = pick('abcdefghijklmnop', 10);
      for (const model of [`/home/${user}/${client}/.env.production`, `C:\\Users\\${user}\\${client}\\secrets.pem`, `file:///home/${user}/${client}/id_rsa`, `~/${client}/${user}.key`]) {
        const w = wire({ ...base, model });
        assert.ok(!w.includes(user) && !w.includes(client), `a directory reached an attribute: ${w}`);
        assert.ok(!/\.env\.production|secrets\.pem|id_rsa|\.key"/.test(w), `a private file's name reached an attribute: ${w}`);
      }
    }
  });

  test('fuzz: hybrid.telemetry.userId that is an e-mail address or a key is not exported as written', () => {
    for (let round = 0; round < 10; round++) {
      const email = `${pick('abcdefghij', 8)}@${pick('abcdefgh', 7)}.io`;
      notOnWire(base, email, 'userId e-mail', email);
      const key = freshSecrets()['github']!;
      notOnWire(base, key, 'userId key', key);
    }
  });

  test('fuzz: a plain user id (an employee number, a login name) is still exported as written', () => {
    const id = `dev-${pick('0123456789', 6)}`;
    assert.match(wire(base, id), new RegExp(id));
  });

  test('fuzz: provider, origin and outcome fields holding a generated key (a future producer\'s mistake) never reach an attribute', () => {
    for (let round = 0; round < 10; round++) {
      const s = freshSecrets();
      for (const secret of [s['aws']!, s['github']!, s['openai']!]) {
        for (const field of ['provider', 'origin', 'outcome'] as const) notOnWire({ ...base, [field]: secret } as LedgerRecord, secret, `${field}`);
      }
    }
  });

  test('the points sent on the wire for fuzzed records contain no generated value (through the real exporter)', async () => {
    const secrets = Object.values(freshSecrets()).filter((v) => !v.includes('\n'));
    const email = `${pick('abcdefghij', 8)}@${pick('abcdefgh', 7)}.org`;
    const bodies: string[] = [];
    col.handler = (r) => { bodies.push(JSON.stringify(r.body)); return { json: {} }; };
    const otel = createOtlpSpend({ endpoint: url, intervalMs: 3_600_000, exportTimeoutMs: 3_000, userId: email, log: (m) => logs.push(m) });
    for (const s of [...secrets, pick(B62, 40)]) otel.record({ ...base, model: s, reasons: [s] });
    await otel.flush();
    await otel.shutdown();
    const all = bodies.join('\n') + logs.join('\n');
    for (const s of [...secrets, email]) for (const f of fragments(s)) assert.ok(!all.includes(f), `"${f}" went to the collector`);
  });
});
