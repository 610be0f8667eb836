// Team mode in the real extension host (issue #29): the extension configured the way a team admin documents it
// (docs/team.md) against the fake LiteLLM proxy — the private group answers private questions and the cloud group
// never sees them; a cloud question leaves redacted and is billed with the gateway's own cost; an exhausted team
// budget is "Not sent" with one request and no retry; a "private" group that the gateway runs outside the trusted
// hosts refuses instead of sending.

import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { FakeLiteLLM } from '../fakes/litellm';
import { FakeOllama } from '../fakes/ollama';
import { FakeOtlpReceiver } from '../fakes/otlp';
import type { HybridApi } from '../../src/extension';
import { activateExtension, setSetting, waitFor, withSettings } from './helpers';

const PRIVATE_GROUP = { name: 'team-coder', model: 'hosted_vllm/qwen2.5-coder-32b', apiBase: 'http://127.0.0.1:8000/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
const LIGHT_GROUP = { name: 'claude-haiku-4-5', model: 'anthropic/claude-haiku-4-5', inputCostPerToken: 1e-6, outputCostPerToken: 5e-6 };
const FIM_GROUP = { name: 'team-fim', model: 'hosted_vllm/Qwen/Qwen2.5-Coder-7B', apiBase: 'http://127.0.0.1:8001/v1', inputCostPerToken: 0, outputCostPerToken: 0 };
const CLOUD_GROUP = { name: 'claude-sonnet-4-6', model: 'anthropic/claude-sonnet-4-6', inputCostPerToken: 3e-6, outputCostPerToken: 15e-6 };

suite('team mode through a LiteLLM gateway', function () {
  this.timeout(90_000);
  const gateway = new FakeLiteLLM();
  const ollama = new FakeOllama();
  const otlp = new FakeOtlpReceiver();
  let restore: () => Promise<void>;
  let api: HybridApi;
  let oldKey: string | undefined;
  // A credential-shaped value built at run time: the cloud group must never see it.
  const planted = ['AKIA', Array.from({ length: 16 }, (_, i) => 'QWERTYUPASDFGHJK'[(i * 7 + Date.now()) % 16]).join('')].join('');

  suiteSetup(async () => {
    const gw = await gateway.start();
    const ol = await ollama.start();
    const collector = await otlp.start();
    gateway.groups = [PRIVATE_GROUP, FIM_GROUP, CLOUD_GROUP, LIGHT_GROUP];
    oldKey = process.env.LITELLM_API_KEY;
    process.env.LITELLM_API_KEY = gateway.virtualKey;
    restore = await withSettings({
      'local.baseUrl': ol.url,
      'gateway.baseUrl': gw.url,
      'gateway.privateModels': ['team-coder', 'team-fim'],
      'gateway.privateModel': 'team-coder',
      'cloud.model': 'claude-sonnet-4-6',
      'privacy.onCloudFindings': 'redact',
      'completion.enabled': false,
      'telemetry.otlpEndpoint': collector,
    });
    api = (await activateExtension<HybridApi>()).api;
    assert.ok(api.test, 'HYBRID_TEST=1 test API missing');
    await waitFor(() => api.test!.localHealth() === 'ready', 10_000, 'local health ready');
  });

  suiteTeardown(async () => {
    await restore?.();
    if (oldKey === undefined) delete process.env.LITELLM_API_KEY; else process.env.LITELLM_API_KEY = oldKey;
    await Promise.all([gateway.close(), ollama.close(), otlp.close()]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  setup(() => {
    gateway.reset();
    gateway.key = { spend: 0, maxBudget: null, teamId: 'team-a', teamSpend: 0, teamMaxBudget: null };
  });

  const chatCalls = () => gateway.requests.filter((r) => r.path === '/v1/chat/completions');
  const modelsAsked = () => chatCalls().map((r) => (r.body as { model: string }).model);

  async function openSelected(text: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'typescript' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length);
  }

  test('Ask (private) goes to the private vLLM group through the gateway, never to a cloud group', async () => {
    await openSelected('export function total(items: number[]) {\n  return items.reduce((a, b) => a + b, 0);\n}\n');
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askPrivate', 'What does this function do?');
    assert.deepEqual(modelsAsked(), ['team-coder']);
    assert.equal(ollama.requests.filter((r) => r.path === '/api/chat').length, 0, 'the gateway group replaces the local chat model');
    const rec = api.test!.records().slice(before)[0]!;
    assert.equal(rec.route, 'local');
    assert.equal(rec.status, 'ok', JSON.stringify(rec));
    assert.equal(rec.provider, 'litellm-private');
    assert.equal(rec.model, 'team-coder');
  });

  test('Ask (cloud) is redacted by the egress gate and billed with the gateway\'s cost', async () => {
    await openSelected(`const client = new S3Client({ accessKeyId: "${planted}" });\nexport default client;\n`);
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askCloud', 'Is this client set up the way our other services do it?');
    assert.deepEqual(modelsAsked(), ['claude-sonnet-4-6']);
    const wire = JSON.stringify(chatCalls()[0]!.body);
    assert.ok(!wire.includes(planted) && !wire.includes(planted.slice(4, 12)), 'a piece of the planted key reached the gateway');
    assert.match(wire, /\[REDACTED:/);
    const rec = api.test!.records().slice(before)[0]!;
    assert.equal(rec.provider, 'litellm');
    assert.equal(rec.status, 'ok', JSON.stringify(rec));
    const t = rec.tokens;
    const gatewayCost = (t.input + t.cacheRead) * 3e-6 + t.output * 15e-6;
    assert.ok(typeof rec.costUsd === 'number' && Math.abs(rec.costUsd - gatewayCost) < 1e-12, `recorded ${rec.costUsd}, gateway ${gatewayCost}`);
    assert.ok(typeof rec.tableCostUsd === 'number', 'our own price is kept beside the gateway\'s');
    assert.ok(Math.abs(gateway.key.spend - gatewayCost) < 1e-12, 'the gateway charged the key what we recorded');

    // The same request as OpenTelemetry GenAI metrics, with no prompt text, path or reason in any attribute.
    await api.test!.flushTelemetry();
    const points = otlp.points().filter((p) => p.attributes['hybrid.origin'] === 'askCloud' && p.attributes['hybrid.route'] === 'cloud');
    const metrics = new Set(points.map((p) => p.metric));
    for (const m of ['gen_ai.client.token.usage', 'gen_ai.client.operation.duration', 'hybrid.client.cost']) assert.ok(metrics.has(m), `${m} not received`);
    const cost = points.filter((p) => p.metric === 'hybrid.client.cost').reduce((a, p) => a + (p.value ?? 0), 0);
    assert.ok(Math.abs(cost - gatewayCost) < 1e-12, `exported cost ${cost}`);
    const exported = JSON.stringify(otlp.bodies);
    for (const needle of [planted, 'S3Client', 'other services', 'Ask (cloud)', '.ts']) assert.ok(!exported.includes(needle), `"${needle}" was exported`);
  });

  test('an exhausted team budget: "Not sent", one request, no retry, $0 recorded', async () => {
    gateway.key.teamMaxBudget = 500;
    gateway.key.teamSpend = 500;
    await openSelected('export const retries = 3;\n');
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askCloud', 'How should we design retries across our payment services?');
    assert.equal(chatCalls().length, 1, 'a budget refusal was retried');
    const rec = api.test!.records().slice(before)[0]!;
    assert.equal(rec.outcome, 'budget');
    assert.equal(rec.costUsd, 0);
    const turns = JSON.stringify(api.test!.chatTurns());
    assert.match(turns, /team or key budget on the gateway is used up/);
  });

  test('a "private" group the gateway runs outside the trusted hosts is refused before anything is sent', async () => {
    gateway.groups = [{ ...PRIVATE_GROUP, apiBase: 'https://gpu.rented.example.com/v1' }, FIM_GROUP, CLOUD_GROUP, LIGHT_GROUP];
    // A new declaration rebuilds the private tier, so it asks /model/info afresh.
    const undo = await setSetting('gateway.privateModels', ['team-coder', 'team-fim', 'spare']);
    try {
      await openSelected('export function secretSauce() { return 42; }\n');
      const before = api.test!.records().length;
      await vscode.commands.executeCommand('hybrid.askPrivate', 'Explain this.');
      assert.equal(chatCalls().length, 0, 'the prompt reached the gateway');
      const rec = api.test!.records().slice(before)[0]!;
      assert.equal(rec.outcome, 'notLocal');
      assert.match(JSON.stringify(api.test!.chatTurns()), /gpu\.rented\.example\.com, outside the trusted hosts/);
    } finally {
      await undo();
      gateway.groups = [PRIVATE_GROUP, FIM_GROUP, CLOUD_GROUP, LIGHT_GROUP];
    }
  });

  test('a saturated private tier (429) overflows a non-sensitive question to the light tier; a sensitive one stays', async () => {
    const undo = await setSetting('fallback.overflowToCloud', true);
    try {
      await openSelected('export const pattern = /^[a-z]+$/;\n');
      // The private group's queue is full: 429 with a Retry-After beyond the cap, so the client does not wait.
      gateway.setFault({ kind: 'status', status: 429, retryAfter: 60, times: 1 });
      const before = api.test!.records().length;
      await vscode.commands.executeCommand('hybrid.ask', 'What does this regex match?');
      assert.deepEqual(modelsAsked(), ['team-coder', 'claude-haiku-4-5']);
      const cloudRecord = api.test!.records().slice(before).find((r) => r.route === 'cloud')!;
      assert.ok(cloudRecord.reasons.some((r) => /overflow: the private tier is saturated \(429\)/.test(r)), cloudRecord.reasons.join(' | '));

      gateway.reset();
      gateway.setFault({ kind: 'status', status: 429, retryAfter: 60, times: 1 });
      const email = ['dana', 'lee'].join('.') + '@' + 'corp-mail.io';
      await vscode.commands.executeCommand('hybrid.ask', `What does this regex match for ${email}?`);
      assert.deepEqual(modelsAsked(), ['team-coder'], 'a sensitive question overflowed to the cloud');
    } finally {
      gateway.setFault(undefined);
      await undo();
    }
  });

  test('a team laptop with no Ollama: both groups on the gateway, local health ready, inline completion from /v1/completions with the template of the model the group runs', async () => {
    // Nothing listens here: the private tier must not need a local server at all.
    const dead = await new Promise<string>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(`http://127.0.0.1:${port}`));
      });
    });
    const undo = await withSettings({ 'local.baseUrl': dead, 'gateway.completionModel': 'team-fim', 'completion.enabled': true, 'completion.debounceMs': 50 });
    try {
      await waitFor(() => api.test!.localHealth() === 'ready' && /on the gateway: team-coder, team-fim/.test(api.test!.localHealthMessage()),
        10_000, 'local health ready with the private tier on the gateway');
      const before = api.test!.records().length;
      const generateBefore = ollama.requests.filter((r) => r.path === '/api/generate').length;
      const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'const greeting =\nexport const shout = greeting.toUpperCase();\n' });
      const editor = await vscode.window.showTextDocument(doc);
      const end = doc.lineAt(0).range.end;
      editor.selection = new vscode.Selection(end, end);
      const req = await waitFor(async () => {
        await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
        return gateway.requests.find((r) => r.path === '/v1/completions');
      }, 15_000, 'a /v1/completions request at the gateway', 300);
      const body = req.body as { model: string; prompt: string; suffix?: unknown };
      assert.equal(body.model, 'team-fim');
      assert.equal(body.suffix, undefined);
      assert.ok(body.prompt.startsWith('<|fim_prefix|>') && body.prompt.includes('const greeting =<|fim_suffix|>'), body.prompt.slice(0, 120));
      const rec = await waitFor(() => api.test!.records().slice(before).find((r) => r.origin === 'inline' && r.provider === 'litellm-private'),
        10_000, 'an inline record from the gateway group');
      assert.equal(rec.route, 'local');
      assert.equal(rec.model, 'team-fim');
      assert.equal(ollama.requests.filter((r) => r.path === '/api/generate').length, generateBefore, 'Ollama was asked to complete');
      assert.equal(chatCalls().length, 0, 'a chat group was asked to complete');
    } finally {
      await undo();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
