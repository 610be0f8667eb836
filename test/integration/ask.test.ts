// Ask (private / cloud / auto), Explain Route and the privacy promise, end to end inside the real extension host:
// the commands run against loopback fakes of Ollama and Anthropic, and the fakes' request logs are the evidence.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AllFakes } from '../fakes';
import type { HybridApi } from '../../src/extension';
import { ALNUM, generatedAnthropicKey, openWithFakes, randomChars, type FakeWorkbench } from './fakeWorkbench';
import { waitFor, withSettings } from './helpers';

const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// Generated at run time so no secret-shaped literal is ever committed.
const awsKeyId = ['AK', 'IA', randomChars(16, UPPER32)].join('');
const email = `jane.doe.${randomChars(6, 'abcdefghijklmnopqrstuvwxyz')}@acme-widgets.io`;
const canaryKey = generatedAnthropicKey();

suite('ask commands against the fakes', function () {
  this.timeout(60_000);
  let fakes: AllFakes;
  let bench: FakeWorkbench;
  let api: HybridApi;

  suiteSetup(async () => {
    bench = await openWithFakes({ anthropicKey: canaryKey, waitForLocal: true });
    ({ fakes, api } = bench);
  });

  suiteTeardown(async () => { await bench?.close(); });

  setup(() => {
    fakes.ollama!.fake.reset();
    fakes.anthropic!.fake.reset();
  });

  async function openWith(text: string, language = 'typescript'): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument({ content: text, language });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length);
    return editor;
  }

  const generateCalls = (f: { requests: { path: string }[] }) => f.requests.filter((r) => /\/api\/chat|\/api\/generate|\/v1\/messages/.test(r.path));

  test('Ask (private) reaches only the local model', async () => {
    await openWith('export function add(a: number, b: number) {\n  return a + b;\n}\n');
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askPrivate', 'What does this function do?');
    assert.equal(generateCalls(fakes.ollama!.fake).length, 1, 'the fake Ollama got the question');
    assert.equal(generateCalls(fakes.anthropic!.fake).length, 0, 'nothing reached the cloud');
    const records = api.test!.records().slice(before);
    assert.equal(records.length, 1);
    assert.equal(records[0].route, 'local');
    assert.equal(records[0].status, 'ok');
    assert.equal(records[0].tokens.source, 'provider');
    assert.match(api.test!.statusText(), /local/);
  });

  test('Ask (cloud) with an AWS key and an e-mail in the selection: the cloud gets neither', async () => {
    await openWith(`# deploy settings\naws_access_key_id = ${awsKeyId}\nowner = ${email}\nregion = eu-west-1\n`, 'ini');
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.askCloud', 'Is this deployment config complete?');
    const sent = generateCalls(fakes.anthropic!.fake);
    assert.equal(sent.length, 1, 'the cloud fake received the request');
    const body = JSON.stringify(sent[0]);
    assert.ok(!body.includes(awsKeyId), 'the AWS key reached the cloud');
    assert.ok(!body.includes(email), 'the e-mail address reached the cloud');
    assert.match(body, /\[REDACTED:/);
    const rec = api.test!.records().slice(before)[0];
    assert.equal(rec.route, 'cloud');
    assert.ok(rec.redactions && Object.keys(rec.redactions).length >= 2, `redactions recorded: ${JSON.stringify(rec.redactions)}`);
    assert.ok(typeof rec.costUsd === 'number' && rec.costUsd > 0, 'cloud cost from the provider usage');
    assert.match(api.test!.statusText(), /\$/);
  });

  test('Ask (automatic): an architecture question goes to the cloud, "what does this line do" stays local', async () => {
    await openWith('const total = items.reduce((s, i) => s + i.price, 0);\n');
    await vscode.commands.executeCommand('hybrid.ask',
      'We are splitting this monolith into services. What architecture would you propose for the order and billing domains, and what are the trade-offs of event sourcing versus a shared database during the migration?');
    assert.equal(generateCalls(fakes.anthropic!.fake).length, 1, 'architecture question → cloud');
    assert.equal(generateCalls(fakes.ollama!.fake).length, 0);
    await vscode.commands.executeCommand('hybrid.ask', 'What does this line do?');
    assert.equal(generateCalls(fakes.ollama!.fake).length, 1, 'simple question → local');
    assert.equal(generateCalls(fakes.anthropic!.fake).length, 1);
  });

  test('Explain Route sends nothing anywhere', async () => {
    await openWith(`const key = "${awsKeyId}";\n`);
    const before = api.test!.records().length;
    await vscode.commands.executeCommand('hybrid.explainRoute', 'Design a caching layer for this service');
    assert.equal(generateCalls(fakes.ollama!.fake).length + generateCalls(fakes.anthropic!.fake).length, 0);
    assert.equal(api.test!.records().length, before, 'no ledger record for a preview');
  });

  test('a new request stops the running one and its connection closes at the server', async () => {
    fakes.ollama!.fake.setReply({ ttftMs: 50, perTokenMs: 300, text: 'word '.repeat(200) });
    await openWith('let x = 1;\n');
    const first = vscode.commands.executeCommand('hybrid.askPrivate', 'Explain this slowly.');
    await fakes.ollama!.fake.waitForRequests(1, 10_000);
    const chatIndex = fakes.ollama!.fake.requests.findIndex((r) => r.path === '/api/chat');
    fakes.ollama!.fake.setReply({ ttftMs: 0, perTokenMs: 0, text: 'done' });
    const second = vscode.commands.executeCommand('hybrid.askPrivate', 'Never mind, what is x?');
    const closed = await fakes.ollama!.fake.waitForClientClose(chatIndex, 10_000);
    assert.equal(closed.clientClosed, true);
    await Promise.all([first, second]);
    const statuses = api.test!.records().slice(-2).map((r) => r.status);
    assert.deepEqual(statuses, ['cancelled', 'ok']);
  });

  test('the API key never appears in the ledger, the logs or the settings', async () => {
    fakes.anthropic!.fake.setFault({ kind: 'status', status: 401, once: true });
    await openWith('function f() { return 1; }\n');
    await vscode.commands.executeCommand('hybrid.askCloud', 'Review the design of f for a distributed system.');
    const turns = JSON.stringify(api.test!.chatTurns());
    assert.match(turns, /Set API Key/, 'the 401 is shown with its fix');
    assert.ok(!turns.includes(canaryKey), 'the key is in the chat thread');
    const { globalStorage, logs } = api.test!.storagePaths();
    const userDir = path.resolve(globalStorage, '..', '..');
    const hits: string[] = [];
    let scanned = 0;
    const scan = (p: string): void => {
      if (!fs.existsSync(p)) return;
      if (fs.statSync(p).isDirectory()) { for (const name of fs.readdirSync(p)) scan(path.join(p, name)); return; }
      scanned++;
      if (fs.statSync(p).size < 50_000_000 && fs.readFileSync(p).includes(canaryKey)) hits.push(p);
    };
    scan(userDir); // settings.json, global storage (the ledger), state
    scan(logs);    // the "Hybrid" log channel and the extension host log
    assert.ok(scanned > 3, `scanned ${scanned} files`);
    assert.ok(api.test!.records().length > 0);
    assert.deepEqual(hits, [], 'files holding the API key');
    // The CSV export reads the ledger from disk: every record of this session is there, and no key.
    const csv = await api.test!.exportCsv();
    assert.match(csv.split('\n')[0], /^id,time,origin,kind,route/);
    for (const r of api.test!.records()) assert.ok(csv.includes(r.id), `record ${r.id} missing from the export`);
    assert.ok(!csv.includes(canaryKey));
  });

  test('Review Selection (private): local only, findings become "Hybrid review" diagnostics', async () => {
    fakes.ollama!.fake.setReply({ marker: '', text: '- L2: warning: the loop never ends when n is negative.\n\nSummary: one issue.', ttftMs: 0, perTokenMs: 0 });
    const editor = await openWith('function count(n: number) {\n  while (n !== 0) n--;\n  return n;\n}\n');
    await vscode.commands.executeCommand('hybrid.reviewSelection');
    assert.equal(generateCalls(fakes.anthropic!.fake).length, 0, 'a private review never reaches the cloud');
    assert.equal(generateCalls(fakes.ollama!.fake).length, 1);
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(editor.document.uri).filter((x) => x.source === 'Hybrid review');
      return d.length ? d : undefined;
    }, 5000, 'review diagnostics');
    assert.equal(diags[0].range.start.line, 1);
    assert.match(diags[0].message, /never ends/);
    assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  test('OpenAI as the cloud provider: streamed with usage, priced from it', async () => {
    const oldOpenAi = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = ['sk', 'test', randomChars(24, ALNUM)].join('-');
    const undo = await withSettings({ 'cloud.provider': 'openai', 'cloud.model': 'gpt-4o', 'openai.baseUrl': fakes.urls.openai });
    try {
      fakes.openai!.fake.reset();
      await openWith('type Id = string;\n');
      const before = api.test!.records().length;
      await vscode.commands.executeCommand('hybrid.askCloud', 'How should we version this public API across three clients?');
      const sent = fakes.openai!.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
      assert.equal(sent.length, 1);
      const body = sent[0].body as { stream?: boolean; stream_options?: { include_usage?: boolean } };
      assert.equal(body.stream, true);
      assert.equal(body.stream_options?.include_usage, true);
      const rec = api.test!.records().slice(before)[0];
      assert.equal(rec.provider, 'openai');
      assert.equal(rec.tokens.source, 'provider');
      assert.ok(typeof rec.costUsd === 'number' && rec.costUsd > 0);
    } finally {
      await undo();
      if (oldOpenAi === undefined) delete process.env.OPENAI_API_KEY; else process.env.OPENAI_API_KEY = oldOpenAi;
    }
  });

  test('OpenAI chosen with hybrid.cloud.model unset: the default follows the provider (gpt-5.4, not a Claude id and a 404), and the tooltip says so', async () => {
    const oldOpenAi = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = ['sk', 'test', randomChars(24, ALNUM)].join('-');
    const undo = await withSettings({ 'cloud.provider': 'openai', 'cloud.model': undefined, 'openai.baseUrl': fakes.urls.openai });
    try {
      fakes.openai!.fake.reset();
      await openWith('type Id = string;\n');
      await vscode.commands.executeCommand('hybrid.askCloud', 'How should we version this public API across three clients?');
      const sent = fakes.openai!.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
      assert.equal(sent.length, 1);
      assert.equal((sent[0].body as { model?: string }).model, 'gpt-5.4');
      await waitFor(() => /Cloud model: gpt-5\.4 \(the default for OpenAI\)/.test(api.test!.statusTooltip()) || undefined, 5000, 'the tooltip names the model');
    } finally {
      await undo();
      if (oldOpenAi === undefined) delete process.env.OPENAI_API_KEY; else process.env.OPENAI_API_KEY = oldOpenAi;
    }
  });

  test('local model down: a clear error with the fix, the status bar says so, and it recovers', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const srv = require('node:net').createServer();
      srv.listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
    });
    const undo = await withSettings({ 'local.baseUrl': `http://127.0.0.1:${closedPort}` });
    try {
      await api.test!.recheckLocal();
      await waitFor(() => api.test!.localHealth() === 'offline', 10_000, 'health offline');
      assert.match(api.test!.statusText(), /Ollama not running/);
      await openWith('let y = 2;\n');
      const t0 = Date.now();
      await vscode.commands.executeCommand('hybrid.askPrivate', 'What is y?');
      const elapsed = Date.now() - t0;
      const last = JSON.stringify(api.test!.chatTurns().at(-1));
      assert.match(last, /ollama serve|start/i, 'the error names the fix');
      assert.ok(elapsed < 15_000, `answered in ${elapsed} ms`);
    } finally {
      await undo();
    }
    await api.test!.recheckLocal();
    await waitFor(() => api.test!.localHealth() === 'ready', 10_000, 'health back to ready');
    assert.doesNotMatch(api.test!.statusText(), /not running|offline/);
  });

  test('a file under a private path never reaches the cloud, even with Ask (cloud)', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(root, 'config', '.env.local');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`FEATURE_FLAGS=beta,search\nSUPPORT_MAIL=${email}\n`));
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, doc.lineCount, 0);
    await vscode.commands.executeCommand('hybrid.askCloud', 'Which of these flags should we remove?');
    assert.equal(generateCalls(fakes.anthropic!.fake).length, 0, 'private-path content reached the cloud');
    const last = JSON.stringify(api.test!.chatTurns().at(-1));
    assert.match(last, /private/i, 'the refusal says why');
    await vscode.commands.executeCommand('hybrid.ask', 'Design a rollout strategy and architecture for these feature flags across regions.');
    assert.equal(generateCalls(fakes.anthropic!.fake).length, 0, 'automatic routing keeps it local');
    assert.equal(generateCalls(fakes.ollama!.fake).length, 1);
  });
});
